"""What the cleaner returns: blocks of text with their roles."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Block:
    """One paragraph of the clean text and its role."""
    text: str          # whitespace normalised to single spaces, soft hyphens removed, nothing else changed
    role: str = "body"  # "body" | "heading" | "caption"


@dataclass
class CleanedPage:
    title: Optional[str]
    blocks: list[Block] = field(default_factory=list)   # reading order, title not included
    metadata: dict = field(default_factory=dict)         # author, dateline, site, published, dropped...


def normalise_space(text: str) -> str:
    """Every run of white space (newlines, tabs, no-break spaces) as one space; soft
    hyphens (invisible break hints inside words: "Mit\xadtel\xadal\xadter") go."""
    return " ".join(text.replace("\xad", "").split())

