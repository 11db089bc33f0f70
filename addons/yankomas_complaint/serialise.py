"""One complaint moves one way at a time: the row lock that serialises its
transitions, whatever the number of server processes."""
from sql import For

from trytond import backend
from trytond.transaction import Transaction


class Changed(Exception):
    """Another transaction changed a row since this one began: under
    PostgreSQL's repeatable read it cannot be locked, nor acted on."""


def lock(Model, ids):
    """Wait for the lock of the rows ids of Model, held until the commit.

    Unlike trytond's Model.lock (NOWAIT, the transaction started again
    with the lock), it waits and keeps the transaction's snapshot, so that
    a press that waited behind another learns the row changed meanwhile
    (Changed) instead of acting on what the other left. SQLite has one
    writer at a time: nothing to lock."""
    if backend.name != 'postgresql' or not ids:
        return
    table = Model.__table__()
    cursor = Transaction().connection.cursor()
    cursor.execute('SAVEPOINT yankomas_lock')
    try:
        cursor.execute(*table.select(table.id,
                where=table.id.in_(sorted(ids)),
                order_by=[table.id.asc],
                for_=For('UPDATE')))
    except backend.DatabaseOperationalError as error:
        cursor.execute('ROLLBACK TO SAVEPOINT yankomas_lock')
        raise Changed() from error
    cursor.execute('RELEASE SAVEPOINT yankomas_lock')
