"""Set-wise reads and writes for imports and the derive step.

Django's bulk_create and bulk_update split work into batches sized for SQLite's old limit of 999
parameters, so 60,000 reviews become thousands of statements (bulk_update also builds a CASE
expression per field). Here:

* SQLite: each write is ONE prepared statement run for every row (`executemany`), which SQLite
  does in a tight loop in-process;
* PostgreSQL: inserts stream through COPY, and updates are COPYed into a temporary table and
  applied by one `UPDATE ... FROM` (Django's psycopg cursors bind client-side, so executemany
  would be one round trip per row, and huge VALUES lists cost more to bind than to run).

Either way the number of round trips does not grow with the number of children.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.db import connection
from django.utils import timezone

# Beyond this many ids, read whole tables: SQLite and PostgreSQL cap the parameters of one
# statement, and past this size a table scan is quicker than building and matching the list.
# Callers must therefore cope with rows outside their ids (extra rows, never missing ones).
MAX_IN = 5000


def scoped(queryset, field: str, pks):
    """Narrow a queryset to rows whose `field` is one of pks (None means no narrowing)."""
    if pks is None or len(pks) > MAX_IN:
        return queryset
    return queryset.filter(**{f"{field}__in": pks})


def _converter(field):
    """How a Python value becomes a database parameter for this field: the backend's own
    adapters, looked up once per column rather than once per value (get_db_prep_save's layers
    cost more than the write itself at 100,000s of rows)."""
    ops = connection.ops
    internal = field.get_internal_type()
    if internal == "DateField":
        return ops.adapt_datefield_value
    if internal == "DecimalField":
        digits, places = field.max_digits, field.decimal_places
        return lambda v: ops.adapt_decimalfield_value(v, digits, places)
    if internal in ("DateTimeField", "TimeField", "JSONField", "UUIDField"):
        return lambda v: field.get_db_prep_save(v, connection)
    return None  # text, numbers, booleans and keys go as they are


def _prepared(fields, rows: list[list]) -> list[list]:
    """Convert, in place and column by column, only the columns that need it."""
    for index, field in enumerate(fields):
        convert = _converter(field)
        if convert is not None:
            for row in rows:
                value = row[index]
                if value is not None:
                    row[index] = convert(value)
    return rows


def insert(model, rows: Iterable[dict]) -> int:
    """INSERT rows given as dicts of attribute names (a field left out takes its default); the
    primary keys are not read back: query them if needed."""
    rows = list(rows)
    if not rows:
        return 0
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: _default(f) for f in fields}
    names = [f.attname for f in fields]
    values = [[row.get(n, defaults[n]) for n in names] for row in rows]
    quote = connection.ops.quote_name
    table, columns = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    values = _prepared(fields, values)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)
    return len(values)


def _default(field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now() if field.get_internal_type() == "DateTimeField" else date.today()
    return field.get_default()


def update(model, rows: Iterable[Sequence], fields: Sequence[str]) -> int:
    """UPDATE by primary key: each row is (pk, value of fields[0], value of fields[1], ...)."""
    rows = list(rows)
    if not rows:
        return 0
    columns = [model._meta.get_field(name) for name in fields]
    if connection.vendor == "postgresql":
        return _update_from_values(model, rows, columns)
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(c.column)} = %s" for c in columns),
        quote(model._meta.pk.column),
    )
    params = _prepared([*columns, model._meta.pk], [[*row[1:], row[0]] for row in rows])
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
    return len(params)


def _update_from_values(model, rows: list, columns) -> int:
    """PostgreSQL: COPY the new values into a temporary table, then one UPDATE ... FROM it (no
    statement grows with the rows, so nothing has to be parsed or bound row by row)."""
    quote, pk = connection.ops.quote_name, model._meta.pk
    fields = [pk, *columns]
    table, staging = quote(model._meta.db_table), quote(f"irohub_bulk_{model._meta.db_table}")
    names = ", ".join(quote(f.column) for f in fields)
    sets = ", ".join(f"{quote(c.column)} = s.{quote(c.column)}" for c in columns)
    rows = _prepared(fields, [list(row) for row in rows])
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {staging}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS "
            f"SELECT {names} FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(
            f"UPDATE {table} SET {sets} FROM {staging} AS s "
            f"WHERE {table}.{quote(pk.column)} = s.{quote(pk.column)}"
        )
        cursor.execute(f"DROP TABLE {staging}")
    return len(rows)
