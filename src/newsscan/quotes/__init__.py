"""Quotes: direct, partial and indirect speech, with speaker, role and medium.

    >>> from newsscan.quotes import find_quotes
    >>> [q.speaker for q in find_quotes("“Kami siap,” kata Budi Santoso.")]
    ['Budi Santoso']
"""
from __future__ import annotations

from .finder import find_quotes
from .lexicon import load_lexicon
from .marks import find_spans

__all__ = ["find_quotes", "find_spans", "load_lexicon"]
