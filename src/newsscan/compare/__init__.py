"""Cross-outlet diff of one story: where outlets agree, where they conflict, what only one has, shared quotes.

    diff = compare_story(story, results_by_path)
    diff.to_dict()  # {"id", "title", "articles", "outlets", "conflicts", "agreements", "only", "shared_quotes"}

Modules, one job each:

* `records`: the diff records (`Side`, `DiffItem`, `StoryDiff`) and the per-article working record;
* `words`: word bags, likeness, tokens, verbs and names of a sentence;
* `slots`: typed slots of a claim (count, amount, duration, age, limit, date/day/time, place, identifier,
  person in a role), one small function per slot type, registered in a table;
* `align`: claims into events, events paired across outlets, pairs classified slot by slot;
* `names`, `venues`: whole-article slots (a name filling one noun, the unit of a place, the venue of the event);
* `quotes`: the same direct quote in two outlets;
* `diff`: orchestration, one story at a time.
"""
from __future__ import annotations

from .diff import alignment_frame, compare_story
from .records import DiffItem, Side, StoryDiff
from .words import token_overlap

__all__ = ["DiffItem", "Side", "StoryDiff", "alignment_frame", "compare_story", "token_overlap"]
