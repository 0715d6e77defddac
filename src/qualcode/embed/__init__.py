"""Embed: segment texts to vectors with any sentence-transformers model, cached in the store."""
