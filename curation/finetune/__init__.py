"""Using an exported file: the OpenAI fine-tuning round trip and the AI judge."""
