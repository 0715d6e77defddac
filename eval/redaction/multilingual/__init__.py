"""Multilingual redaction evaluation set (Russian, Uzbek, Tajik, Kyrgyz, mixed).

Hand-written names, keep-word lexicon and turn templates; ``build`` assembles the
documents and records gold and keep spans at construction time.  Entry point:
``eval/redaction/make_multilingual.py``.  Standard library only.
"""
