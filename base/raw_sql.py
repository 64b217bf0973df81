"""Statements written out by hand for the one request sent flat out: a tablet's vote.

The ORM builds a query's SQL anew on every call; on a vote, building its statements took
several times as long as running them (`python -m bench tablets` measures the whole
request). These helpers write the SQL once per process (and PostgreSQL prepares it once per
connection) and keep the models the one source of table and column names, of defaults, and of
how each value is stored and read back, on SQLite and PostgreSQL alike. Everywhere else, use
the ORM.
"""

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from weakref import WeakKeyDictionary

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Field, Model


def table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model: type[Model], name: str) -> str:
    """`"table"."column"` of a field, by its name or attribute name (`station_id`)."""
    return f"{table(model)}.{bare_column(model, name)}"


def bare_column(model: type[Model], name: str) -> str:
    """`"column"` alone, as `UPDATE … SET` wants it."""
    return connection.ops.quote_name(model._meta.get_field(name).column)


Statement = tuple[str, list[Any]]  # SQL with %s placeholders, and their values


@dataclass(frozen=True)
class Outcome:
    """What one statement of `run_together` did: the first row it returned (a SELECT), and
    how many rows it changed (an UPDATE)."""

    row: tuple[Any, ...] | None
    rowcount: int


@cache
def _insert_sql(model: type[Model], vendor: str) -> tuple[str, tuple[Field, ...]]:
    fields = tuple(model._meta.concrete_fields)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    return f"INSERT INTO {table(model)} ({columns}) VALUES ({placeholders})", fields  # noqa: S608


def insert_statement(model: type[Model], **values: Any) -> Statement:
    """The INSERT of one row of `model`, as `model.objects.create(**values)` would write it:
    fields not given take their default. No signals are sent; auto-incremented keys are not
    supported."""
    database = connections[DEFAULT_DB_ALIAS]  # once, not through the proxy for every field
    sql, fields = _insert_sql(model, database.vendor)
    params = []
    for field in fields:
        value = values.pop(field.attname) if field.attname in values else field.get_default()
        params.append(field.get_db_prep_save(value, database))
    if values:
        raise TypeError(f"{model.__name__} has no field {', '.join(values)}")
    return sql, params


Reader = tuple[Any, tuple[Any, ...]]  # a column expression and its converters


def _reader(field: Field) -> Reader:
    expression = field.get_col(field.model._meta.db_table)
    converters = (
        *connection.ops.get_db_converters(expression),
        *field.get_db_converters(connection),
    )
    return expression, converters


@cache
def _model_readers(model: type[Model], vendor: str) -> tuple[Reader, ...]:
    return tuple(_reader(field) for field in model._meta.concrete_fields)


def _read(reader: Reader, value: Any) -> Any:
    """A value as the database returned it, as the ORM hands it over (SQLite returns times as
    text, booleans as numbers and UUIDs as hex)."""
    expression, converters = reader
    if value is not None:
        for converter in converters:
            value = converter(value, expression, connection)
    return value


def select_columns(models: Sequence[type[Model]]) -> str:
    """Every column of each model in turn, for `SELECT` and then `instances`."""
    return ", ".join(
        column(model, field.name) for model in models for field in model._meta.concrete_fields
    )


Columns = Sequence[tuple[type[Model], str]]


def select_list(columns: Columns) -> str:
    """The listed (model, field name) columns, for `SELECT` and then `values`."""
    return ", ".join(column(model, name) for model, name in columns)


def values(columns: Columns, row: Sequence[Any]) -> list[Any]:
    """A row of `select_list(columns)` as the ORM's `values_list` would give it."""
    readers = _column_readers(tuple(columns), connection.vendor)
    return [_read(reader, value) for reader, value in zip(readers, row, strict=True)]


@cache
def _column_readers(columns: Columns, vendor: str) -> tuple[Reader, ...]:
    return tuple(_reader(model._meta.get_field(name)) for model, name in columns)


def instances(models: Sequence[type[Model]], row: Sequence[Any]) -> Iterator[Model]:
    """The model instances a row of `select_columns(models)` holds, as the ORM builds them."""
    cells = iter(row)
    for model in models:
        readers = _model_readers(model, connection.vendor)
        yield model.from_db(connection.alias, None, [_read(r, next(cells)) for r in readers])


def fetch_one(sql: str, params: Sequence[Any]) -> tuple[Any, ...] | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def execute(sql: str, params: Sequence[Any]) -> int:
    """Run a statement; the number of rows it changed."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def run_together(statements: Sequence[Statement]) -> list[Outcome]:
    """Run the statements in order and say what each did. PostgreSQL gets them in one round
    trip, each as a statement prepared once per connection: Django's client-side parameter
    binding (its default) sends them as one query. SQLite runs in process, with no round trip
    to save, and takes one statement at a time. An error in any statement raises, as it would
    alone."""
    outcomes = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = _prepare(cursor, [sql for sql, _params in statements])
            cursor.execute(
                "; ".join(
                    _execute_sql(name, len(params))
                    for name, (_sql, params) in zip(names, statements, strict=True)
                ),
                [value for _sql, params in statements for value in params],
            )
            outcomes.append(_outcome(cursor))
            while cursor.nextset():
                outcomes.append(_outcome(cursor))
        else:
            for sql, params in statements:
                cursor.execute(sql, params)
                outcomes.append(_outcome(cursor))
    return outcomes


# PostgreSQL parses and plans a statement sent as text every time; a prepared one, once per
# connection (under `python -m bench tablets`, the server's CPU time per vote fell from 1.2 to
# 0.8 ms). Prepared statements belong to the connection, whatever its transactions do (a
# rollback keeps them): each connection's are remembered with it. They need a connection of
# one's own for its life: no pooler in transaction mode in between.
_prepared_on: WeakKeyDictionary[Any, set[str]] = WeakKeyDictionary()
_prepared_sql: dict[str, str] = {}


def _prepare(cursor: Any, sqls: Sequence[str]) -> list[str]:
    """The names of the statements prepared on this connection, preparing those it lacks in
    one round trip."""
    prepared = _prepared_on.setdefault(connection.connection, set())
    names = [_statement_name(sql) for sql in sqls]
    missing = {name: sql for name, sql in zip(names, sqls, strict=True) if name not in prepared}
    if missing:
        cursor.execute(
            "; ".join(f"PREPARE {name} AS {_numbered(sql)}" for name, sql in missing.items())
        )
        prepared.update(missing)
    return names


@cache
def _statement_name(sql: str) -> str:
    name = "raw_sql_" + hashlib.sha256(sql.encode()).hexdigest()[:24]
    _prepared_sql[name] = sql
    return name


def _numbered(sql: str) -> str:
    """`%s` placeholders as PostgreSQL's `$1, $2…`, which PREPARE takes."""
    if "%%" in sql:
        raise ValueError("A prepared statement takes no literal %.")
    parts = sql.split("%s")
    return parts[0] + "".join(f"${number}{part}" for number, part in enumerate(parts[1:], 1))


def _execute_sql(name: str, count: int) -> str:
    return f"EXECUTE {name}({', '.join(['%s'] * count)})" if count else f"EXECUTE {name}"


def written_out(sent: str) -> str:
    """A statement as sent to the database, with an EXECUTE of a statement prepared here
    written out as the SQL it runs (for reading a log of queries)."""
    name = sent.removeprefix("EXECUTE ").split("(", 1)[0]
    return _prepared_sql.get(name, sent) if sent.startswith("EXECUTE ") else sent


def _outcome(cursor: Any) -> Outcome:
    return Outcome(row=cursor.fetchone() if cursor.description else None, rowcount=cursor.rowcount)
