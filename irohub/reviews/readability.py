"""How easy a letter to a child is to read: reading age against the child's age, long sentences,
and the service's jargon with plainer words (textstat 0.7.8 for the Flesch-Kincaid grade).

The reading age is the Flesch-Kincaid US school grade plus 5 (grade 1 is about age 6). A letter
is easy enough when it reads at the child's age or younger, aiming no higher than 12 (plain
English for anyone) and allowing 8 for young children, whose carers read the letter with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import textstat

LONG_SENTENCE_WORDS = 20
GRADE_TO_AGE = 5
EASIEST_TARGET, HARDEST_TARGET = 8, 12

# Words children in care say make them feel like a case file, with what to say instead (the
# Brent and Hounslow reports, and children's own lists of "words that hurt").
JARGON: dict[str, str] = {
    "looked after child": "child in care, or just the child's name",
    "looked after children": "children in care",
    "looked after": "in care",
    "LAC": "in care, or just the child's name",
    "CLA": "in care, or just the child's name",
    "CIN": "say what the help is",
    "placement": "home, or where you live",
    "placements": "homes",
    "contact": "time with your family, or seeing your mum, dad, brothers and sisters",
    "s20": "your parents agreed that you would live in care",
    "section 20": "your parents agreed that you would live in care",
    "care order": "the court decided you would live in care",
    "care plan": "your plan, or the plan for your life",
    "pathway plan": "your plan for growing up and leaving care",
    "respite": "short breaks, or sleepovers",
    "LADO": "the person who checks worries about adults who work with children",
    "PEP": "your school plan",
    "SW": "social worker",
    "statutory": "the law says",
    "escalate": "take it to a manager",
    "escalation": "asking a manager to sort it out",
    "semi-independent": "supported housing",
    "UASC": "young person who came to the UK alone",
}
# Short capitals are matched as written ("PEP", not "pep talk"); everything else in any case.
_ACRONYM = re.compile(r"^[A-Z0-9]+$")
_WORD = re.compile(r"[A-Za-z0-9']+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def _pattern() -> re.Pattern:
    # Longest first, so "looked after child" is found before "looked after".
    terms = sorted(JARGON, key=len, reverse=True)
    parts = [
        rf"\b{re.escape(t)}\b" if _ACRONYM.match(t) else rf"(?i:\b{re.escape(t)}\b)" for t in terms
    ]
    return re.compile("|".join(parts))


_JARGON = _pattern()


@dataclass
class Readability:
    words: int
    reading_age: int | None  # None for an empty letter
    child_age: int
    target: int
    long_sentences: list[tuple[str, int]] = field(default_factory=list)  # (sentence, words)
    jargon: list[tuple[str, str, int]] = field(default_factory=list)  # (term, plainer, times)

    @property
    def easy_enough(self) -> bool:
        return self.reading_age is not None and self.reading_age <= self.target

    @property
    def verdict(self) -> str:
        if self.reading_age is None:
            return "Write the letter to see how easy it is to read."
        if self.easy_enough:
            return (f"The letter reads at about age {self.reading_age}: easy enough for a child "
                    f"of {self.child_age}.")  # fmt: skip
        return (f"The letter reads at about age {self.reading_age}: aim for {self.target} or "
                f"younger for a child of {self.child_age}. Use shorter sentences and everyday "
                "words.")  # fmt: skip


def target_age(child_age: int) -> int:
    return min(max(child_age, EASIEST_TARGET), HARDEST_TARGET)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def long_sentences(text: str) -> list[tuple[str, int]]:
    """Sentences of more than 20 words, with their length, in the order written."""
    counted = ((s, len(_WORD.findall(s))) for s in sentences(text))
    return [(s, n) for s, n in counted if n > LONG_SENTENCE_WORDS]


def jargon(text: str) -> list[tuple[str, str, int]]:
    """Each jargon term used (as the letter writes it first), its plainer words, and how often."""
    found: dict[str, list] = {}
    for match in _JARGON.finditer(text):
        term = next(t for t in JARGON if _matches(t, match.group(0)))
        found.setdefault(term, [match.group(0), JARGON[term], 0])[2] += 1
    return [tuple(entry) for entry in found.values()]


def _matches(term: str, written: str) -> bool:
    return written == term if _ACRONYM.match(term) else written.lower() == term.lower()


def check(text: str, *, child_age: int) -> Readability:
    """The readability of `text` for a child of `child_age`."""
    words = len(_WORD.findall(text))
    age = None
    if words:
        age = max(round(textstat.flesch_kincaid_grade(text) + GRADE_TO_AGE), GRADE_TO_AGE)
    return Readability(
        words=words, reading_age=age, child_age=child_age, target=target_age(child_age),
        long_sentences=long_sentences(text), jargon=jargon(text),
    )  # fmt: skip
