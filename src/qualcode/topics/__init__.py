"""Topics: emergent themes (BERTopic), new segments assigned without a refit, topics set
against the codebook as candidate codes."""
