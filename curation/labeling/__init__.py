"""Preference labelling: campaigns, the assignment queue, judgments, quality and aggregation."""
