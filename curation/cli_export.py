"""`curation` commands for the export stage; imported by curation/cli.py to register them."""
