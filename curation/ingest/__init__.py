"""Getting conversations in: formats, import into a workspace, validation and token counts."""
