"""Cross-outlet diff of one story: where outlets agree, where they conflict, what only one has, shared quotes.

    diff = compare_story(story, results_by_path) diff.to_dict()  # {"id", "title", "articles", "outlets",
    "conflicts", "agreements", "only", "shared_quotes"}

Modules, one job each:

* `records`: the diff records (`Side`, `DiffItem`, `StoryDiff`) and the per-article working record;
* `words`: word bags, likeness, tokens, verbs and names of a sentence;
* `slots`: typed sentence slots (count, amount, duration, limit, date/day/time, place), one small function
  per slot type, registered in a table, with a map of where every slot type lives;
* `align`: claims into events, events paired across outlets, pairs classified slot by slot;
* `names`, `venues`: whole-article slots (a name filling one noun, the unit of a place, the venue of the
event);
* `entity_slots`: a person's age, a vehicle's registration; `states`: a fact asserted against one negated
  or denied; `descriptions`: a container or ground that cannot both hold of the story's thing;
* `align_time`: publication times (a count that grows hours later is an update, not a conflict);
* `agreements`: clauses that state one fact in nearly the same words;
* `quotes`: the same direct quote in two outlets;
* `diff`: orchestration, one story at a time.
"""
from __future__ import annotations

from .diff import alignment_frame, compare_story
from .records import DiffItem, Side, StoryDiff
from .words import token_overlap

__all__ = ["DiffItem", "Side", "StoryDiff", "alignment_frame", "compare_story", "token_overlap"]
