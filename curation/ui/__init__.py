"""Streamlit-only helpers: cached engines, session keys, chat rendering. Pages import from here."""
