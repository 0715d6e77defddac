"""qualcode: offline qualitative analysis of focus-group transcripts.

Importing this package is cheap: heavy libraries (torch, sentence-transformers,
BERTopic, spaCy) are imported lazily inside the stages that need them.
"""

__version__ = "0.1.0"
