"""Hand-written content banks for ``sample_data/build_samples.py`` (CC0, written for this project)."""
