"""The statutory rules core: pure Python, no Django, no clock, no I/O.

Dates (including "today", as `as_at`) and the council's settings come in; results carry the rule
that produced them and explain themselves in plain English. See docs/decisions/0001.
"""
