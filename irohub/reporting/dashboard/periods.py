"""The two windows the dashboard looks through: the reporting year so far and this month so far.

`irohub.reporting.metrics.base.ReportingPeriod` names whole reporting years; the dashboard
needs them cut at today, so that "open at the end", "in care at the snapshot" and every month
end mean today, and a one-month period with the same shape (the metric functions only read
`start`, `end`, `snapshot`, `label` and `months()`).
"""

from __future__ import annotations

from datetime import date

from irohub.reporting.metrics.base import ReportingPeriod


def year_to_date(today: date, rules) -> ReportingPeriod:
    """The reporting year containing today, from its first day to today (snapshot today)."""
    year = ReportingPeriod.containing(today, rules)
    return ReportingPeriod(year.label, year.start, today, today)


def month_to_date(today: date) -> ReportingPeriod:
    """This calendar month from its first day to today, labelled "November 2026"."""
    return ReportingPeriod(f"{today:%B %Y}", today.replace(day=1), today, today)
