"""The per-address rate limit of the public pages, kept in the database so
that every worker process counts the same requests (window.py holds the
arithmetic)."""
import datetime as dt

from sql.aggregate import Count, Min

from trytond.model import Index, ModelSQL, fields
from trytond.pool import Pool
from trytond.transaction import Transaction

from company_working_calendar import clock

from . import window

KINDS = [
    ('track', "Tracking look-up"),
    ('complaint', "Complaint sent"),
    ('challenge', "Proof-of-work challenge"),
    ('survey', "Survey page"),
    ]


class Hit(ModelSQL):
    __name__ = 'yankomas.public.hit'
    __string__ = "Public Page Request"

    kind = fields.Selection(KINDS, "Kind", required=True, readonly=True)
    address = fields.Char(
        "Address Digest", required=True, readonly=True,
        help="An HMAC of the visitor's address, never the address.")
    at = fields.DateTime("At", required=True, readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t,
                (t.address, Index.Equality()), (t.kind, Index.Equality()),
                (t.at, Index.Range())))

    @classmethod
    def admit(cls, kind, address):
        """Count a request of kind from address: None when it is allowed,
        else the seconds until the address may try again (the refused
        request is not counted)."""
        Secret = Pool().get('yankomas.public.secret')
        limit, span = window.LIMITS[kind]
        digest = window.digest(Secret.key('address'), address)
        now = clock.now()
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(Count(table.id), Min(table.at),
                where=(table.address == digest) & (table.kind == kind)
                & (table.at > now - span)))
        earlier, oldest = cursor.fetchone()
        if not window.allowed(earlier, limit):
            if isinstance(oldest, str):  # SQLite gives the text
                oldest = dt.datetime.fromisoformat(oldest)
            return window.retry_after(oldest, span, now)
        cursor.execute(*table.insert(
                [table.kind, table.address, table.at],
                [[kind, digest, now]]))

    @classmethod
    def purge(cls):
        "Forget the requests older than the longest window (the cron's)."
        longest = max(span for _, span in window.LIMITS.values())
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.delete(where=table.at < clock.now() - longest))
