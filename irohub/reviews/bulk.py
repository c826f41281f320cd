"""Set-wise reads and writes for imports and the derive step.

Django's bulk_create and bulk_update split work into batches sized for SQLite's old limit of 999
parameters, so 60,000 reviews become thousands of statements (bulk_update also builds a CASE
expression per field). Here each write is ONE prepared statement executed for every row
(`executemany`): SQLite runs it in a tight loop and psycopg 3 pipelines it to PostgreSQL. The
number of round trips Django sees no longer grows with the number of children.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

# Beyond this many ids, read whole tables: SQLite and PostgreSQL cap the parameters of one
# statement, and past this size a table scan is as quick as an index lookup anyway.
MAX_IN = 20000


def scoped(queryset, field: str, pks):
    """Narrow a queryset to rows whose `field` is one of pks (None means no narrowing)."""
    if pks is None or len(pks) > MAX_IN:
        return queryset
    return queryset.filter(**{f"{field}__in": pks})


def _columns(model, names: Sequence[str]):
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    return fields, [quote(f.column) for f in fields]


def insert(model, objs: Iterable) -> int:
    """INSERT model instances (their primary keys are not read back: query them if needed)."""
    objs = list(objs)
    if not objs:
        return 0
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return len(rows)


def update(model, rows: Iterable[Sequence], fields: Sequence[str]) -> int:
    """UPDATE by primary key: each row is (pk, value of fields[0], value of fields[1], ...)."""
    rows = list(rows)
    if not rows:
        return 0
    columns, quoted = _columns(model, fields)
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{c} = %s" for c in quoted),
        quote(model._meta.pk.column),
    )
    params = [
        [f.get_db_prep_save(v, connection) for f, v in zip(columns, row[1:], strict=True)]
        + [row[0]]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(params)
