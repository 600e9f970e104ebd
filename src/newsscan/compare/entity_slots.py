"""Slots that belong to an entity of the story rather than to one sentence (filled in below)."""
from __future__ import annotations

from ..records import Claim
from .records import Art


def entity_slot_conflicts(A: Art, B: Art) -> list[tuple[Claim, Claim, str, str]]:
    return []
