"""The sections of the annual report, one small module each (annual.py puts them in order).

Each module has `SECTION_ID`, a title and `build(inputs) -> Section`; it reads figures only from
`inputs` (the one computation of the report) and words only from the manager's narrative and the
council's priorities.
"""
