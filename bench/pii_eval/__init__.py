"""Independent evaluation sets for PII redaction, and a black-box scorer (see README.md)."""
