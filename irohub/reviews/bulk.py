"""Helpers for set-wise reads and writes of the derive step."""

BATCH = 1000
# Beyond this many ids, read whole tables: SQLite and PostgreSQL cap the parameters of one
# statement, and past this size a table scan is as quick as an index lookup anyway.
MAX_IN = 20000


def scoped(queryset, field: str, pks):
    """Narrow a queryset to rows whose `field` is one of pks (None means no narrowing)."""
    if pks is None or len(pks) > MAX_IN:
        return queryset
    return queryset.filter(**{f"{field}__in": pks})
