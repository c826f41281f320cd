"""Plain-English sentences drafted from metric results, with year-on-year changes.

    798 reviews were held for 440 children, 37 fewer than in 2023-24; 85% were on time, up from 83%.

The words follow the seeds' own: counts compare as "more" / "fewer" / "the same number as",
percentages as "up from" / "down from" / "the same as". A percentage is written as a whole
number, as committee reports do, with one decimal place only when it is needed to tell the
truth: when two figures compared would otherwise look the same (85.1% against 84.9%), or when
rounding would claim "0%" or "100%" of something that is not. The tables carry the exact figure.

Nothing here writes about a figure that is not there: a builder returns None (or leaves a
clause out) when its figure is None, or is "c" (suppressed in a published report).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from irohub.reporting.document import is_number

IRREGULAR_PLURALS = {"child": "children", "person": "people", "child's": "children's"}


def known(*values: Any) -> bool:
    """True when every value is a real figure (not None, not suppressed "c", not a bool)."""
    return all(is_number(value) for value in values)


def number(value: int | float) -> str:
    """1,600 / 1.81 / 7.5: thousands separated, at most two decimals, no trailing zeros."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def plural(word: str, count: int | float) -> str:
    if count == 1:
        return word
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def count_of(count: int | float, word: str) -> str:
    """'1 child', '440 children', '1,600 reviews'."""
    return f"{number(count)} {plural(word, count)}"


def subject(count: int | float, word: str) -> str:
    """count_of, with 'no children' for 0 ('No children were referred', not '0 children')."""
    return f"no {plural(word, 0)}" if count == 0 else count_of(count, word)


def was_were(count: int | float) -> str:
    return "was" if count == 1 else "were"


def is_are(count: int | float) -> str:
    return "is" if count == 1 else "are"


def _whole(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _one_place(value: float) -> str:
    return f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}"


def percent(value: float, *, beside: float | None = None) -> str:
    """'85%', or '85.1%' when a decimal is needed (see the module docstring)."""
    beside = beside if is_number(beside) else None
    whole = _whole(value)
    exact = float(_one_place(value))
    needs_decimal = exact != whole and (
        whole in (0, 100) or (beside is not None and _whole(beside) == whole and beside != value)
    )
    return f"{_one_place(value)}%" if needs_decimal else f"{whole}%"


def compare_count(
    now: int | float, before: int | float | None, *, year: str | None = None, since: str = ""
) -> str | None:
    """'37 fewer than in 2023-24' / '12 more than in 2023-24' / 'the same number as in 2023-24';
    with `since="a year before"`: '34 more than a year before'."""
    if not known(now, before):
        return None
    when = since or f"in {year}"
    difference = now - before
    if difference == 0:
        return f"the same number as {when}"
    word = "more" if difference > 0 else "fewer"
    return f"{number(abs(difference))} {word} than {when}"


def compare_percent(now: float, before: float | None, *, year: str | None = None) -> str | None:
    """'up from 83%' / 'down from 87%' / 'the same as in 2023-24' (or 'as last year')."""
    if not known(now, before):
        return None
    if now == before:
        return f"the same as in {year}" if year else "the same as last year"
    direction = "up" if now > before else "down"
    return f"{direction} from {percent(before, beside=now)}"


def percent_with_change(
    now: float | None, before: float | None, *, year: str | None = None
) -> str | None:
    """'85%, up from 83%' or just '85%' when there is no previous figure."""
    if not known(now):
        return None
    change = compare_percent(now, before, year=year)
    text = percent(now, beside=before if known(before) else None)
    return f"{text}, {change}" if change else text


def count_with_change(now: int | float | None, before: Any, word: str, *, year: str) -> str | None:
    """'798 reviews, 37 fewer than in 2023-24' or '798 reviews'."""
    if not known(now):
        return None
    change = compare_count(now, before, year=year)
    text = count_of(now, word)
    return f"{text}, {change}" if change else text


def share(numerator: int | float | None, denominator: int | float | None) -> str | None:
    """'510 of 684' for a percentage's counts, when both are known."""
    if not known(numerator, denominator):
        return None
    return f"{number(numerator)} of {number(denominator)}"


def sentence(*clauses: str | None, joiner: str = "; ") -> str | None:
    """Join the clauses that exist into one sentence with a capital and a full stop."""
    parts = [clause for clause in clauses if clause]
    if not parts:
        return None
    text = joiner.join(parts)
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def drafted(*sentences: str | None) -> list[str]:
    """The sentences that could be written, in order."""
    return [text for text in sentences if text]
