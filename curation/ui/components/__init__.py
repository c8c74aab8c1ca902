"""Streamlit custom components (v2: inline HTML/JS/CSS, no iframe) the app ships as package files."""
