"""`curation` commands for the dedup stage; imported by curation/cli.py to register them."""
