"""An office's gapless register gives its next number to one intake at a
time, and an intake that finds it taken waits its turn.

Tryton takes the row of a strict sequence when the transaction starts
(again), without waiting: under PostgreSQL's repeatable read, a row lock
waited for inside a transaction fails once its holder has committed the
number it took. At the start it tries six times within 0.2 s and then
gives up (HTTP 503), which a few clerks of one office creating at once
reach. Here an intake finding the register taken first queues for its turn
on a connection of its own (an advisory lock, granted in the order asked),
waits there until the clerk before it has committed, then starts again
with the register locked, and gives its turn to the next one as soon as it
holds the register."""
import threading
import zlib

from sql import For, Literal, Table

from trytond import backend, config
from trytond.transaction import Transaction, TransactionError

# The turn this thread holds between the wait and the transaction started
# again: (database, connection holding the advisory locks).
_turn = threading.local()


def patience():
    """The seconds an intake waits for its office's register before it is
    given up ([yankomas_complaint] register_wait)."""
    return config.getfloat('yankomas_complaint', 'register_wait', default=15)


class Taken(TransactionError):
    "The register's row is not locked by this transaction yet."

    def __init__(self, error, table, ids):
        super().__init__()
        self.error = error
        self.table = table
        self.ids = ids

    def fix(self, extras):
        wait_for_turn(self.table, self.ids)
        self.error.fix(extras)


def take(Sequence, sequences):
    """Hold the rows of the strict sequences (repeats allowed) until the
    commit (the transaction started again with them when it did not)."""
    try:
        Sequence.lock(sequences)
    except TransactionError as error:
        end_turn()
        raise Taken(error, Sequence._table,
            sorted({s.id for s in sequences})) from error
    end_turn()


def wait_for_turn(table, ids):
    """Queue for the rows ids of table, then wait until no transaction
    holds them; the turn is kept until end_turn(). After patience() the
    wait is given up and the start's own tries decide."""
    end_turn()
    if backend.name != 'postgresql':
        return
    database = Transaction().database
    connection = database.get_connection()
    cursor = connection.cursor()
    cursor.execute("SELECT set_config('lock_timeout', %s, true)",
        ('%dms' % (patience() * 1000),))
    space = zlib.crc32(table.encode()) & 0x7fffffff
    try:
        for id_ in ids:
            cursor.execute('SELECT pg_advisory_lock(%s, %s)', (space, id_))
    except backend.DatabaseOperationalError:
        _release(database, connection)
        return
    sequence = Table(table)
    try:
        cursor.execute(*sequence.select(Literal(1),
                where=sequence.id.in_(ids), for_=For('UPDATE')))
    except backend.DatabaseOperationalError:
        # The holder committed (its update cannot be locked from this
        # snapshot) or did not within patience(): either way, go on.
        pass
    # The rollback frees the rows; the advisory locks stay with the session.
    connection.rollback()
    _turn.held = (database, connection)


def end_turn():
    """Let the next intake in the queue go. A turn whose transaction never
    came back to take() (its start failed) is let go by the thread's next
    intake, and meanwhile the others' wait ends after patience()."""
    held = getattr(_turn, 'held', None)
    if held:
        _turn.held = None
        _release(*held)


def _release(database, connection):
    try:
        connection.rollback()
        connection.cursor().execute('SELECT pg_advisory_unlock_all()')
        connection.commit()
    finally:
        database.put_connection(connection)
