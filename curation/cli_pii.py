"""`curation` commands for the pii stage; imported by curation/cli.py to register them."""
