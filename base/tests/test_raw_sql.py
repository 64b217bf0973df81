"""Statements run together (`base/raw_sql.py`): what each did comes back in order, and on
PostgreSQL each is prepared once per connection, whatever its transactions do."""

import pytest

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from base import raw_sql
from base.models import District

pytestmark = pytest.mark.django_db


def rename_and_read(slug, new_name):
    table, name = raw_sql.table(District), raw_sql.bare_column(District, "name_en")
    where = f"WHERE {raw_sql.column(District, 'slug')} = %s"
    read = f"SELECT {raw_sql.column(District, 'name_en')} FROM {table} {where}"  # noqa: S608
    return raw_sql.run_together(
        [(f"UPDATE {table} SET {name} = %s {where}", [new_name, slug]), (read, [slug])]  # noqa: S608
    )


def sent_while(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return [query["sql"] for query in captured.captured_queries]


def test_each_statement_says_what_it_did():
    District.objects.create(name="Karosta", slug="karosta")
    changed, read = rename_and_read("karosta", "Naval Port")
    assert (changed.rowcount, changed.row) == (1, None)
    assert read.row == ("Naval Port",)
    nothing, missing = rename_and_read("nav", "Nowhere")
    assert (nothing.rowcount, missing.row) == (0, None)


def test_a_rolled_back_transaction_keeps_its_statements_prepared():
    District.objects.create(name="Karosta", slug="karosta")
    with pytest.raises(RuntimeError), transaction.atomic():
        rename_and_read("karosta", "Rolled back")
        raise RuntimeError
    sent = sent_while(lambda: rename_and_read("karosta", "Naval Port"))
    assert District.objects.get().name_en == "Naval Port"
    assert not [sql for sql in sent if "PREPARE" in sql], sent
    if connection.vendor == "postgresql":
        assert sent[-1].startswith("EXECUTE raw_sql_"), sent


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_the_statements_again():
    District.objects.create(name="Karosta", slug="karosta")
    rename_and_read("karosta", "First")
    connection.close()  # as Django does past CONN_MAX_AGE: the server forgets what was prepared
    sent = sent_while(lambda: rename_and_read("karosta", "Second"))
    assert District.objects.get().name_en == "Second"
    if connection.vendor == "postgresql":
        assert "PREPARE" in sent[0], sent


def test_placeholders_are_numbered_in_order_for_prepare():
    assert raw_sql._numbered("a = %s AND b IN (%s, %s)") == "a = $1 AND b IN ($2, $3)"
    assert raw_sql._numbered("SELECT 1") == "SELECT 1"
    with pytest.raises(ValueError, match="literal"):
        raw_sql._numbered("a LIKE 'x%%' AND b = %s")


def test_a_query_log_reads_prepared_statements_as_their_sql():
    sql = "SELECT 1 WHERE 2 = %s"
    name = raw_sql._statement_name(sql)
    assert raw_sql.written_out(f"EXECUTE {name}(2)") == sql
    assert raw_sql.written_out("SELECT 3") == "SELECT 3"
