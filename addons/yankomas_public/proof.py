"""The proof-of-work challenges already spent, kept in the database so that
every worker process refuses the same replays: a solved challenge is good
for one submission (pow.py makes and checks the challenges)."""
from sql import Conflict

from trytond.model import Index, ModelSQL, Unique, fields
from trytond.pool import Pool
from trytond.transaction import Transaction

from . import pow

# The refusal of a payload whose challenge was spent, beside pow.REASONS.
REPLAYED = 'replayed'
REASONS = pow.REASONS + (REPLAYED,)


class Proof(ModelSQL):
    __name__ = 'yankomas.public.proof'
    __string__ = "Spent Proof of Work"

    digest = fields.Char(
        "Challenge Digest", required=True, readonly=True,
        help="A digest of the signature of the challenge solved.")
    expires = fields.DateTime(
        "Expires", required=True, readonly=True,
        help="When the challenge expires: after it, the digest is forgotten.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('digest_unique', Unique(t, t.digest),
                'yankomas_public.msg_proof_unique'),
            ]
        cls._sql_indexes.add(Index(t, (t.expires, Index.Range())))

    @classmethod
    def key(cls):
        return Pool().get('yankomas.public.secret').key('pow')

    @classmethod
    def challenge(cls):
        "A new challenge, as the JSON the widget fetches."
        return pow.create(cls.key())

    @classmethod
    def redeem(cls, payload):
        """Spend the challenge solved in payload (the form field
        pow.FIELD): None when it is accepted, else the reason of the refusal
        (one of REASONS). Never raises, whatever payload is.

        The digest is inserted, not looked up first: of two submissions of
        the same payload at once, the second waits for the first's
        transaction and is refused when it commits; when it rolls back (the
        form was refused for another reason), the challenge is not spent."""
        verdict = pow.verify(cls.key(), payload)
        if not verdict.ok:
            return verdict.reason
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.insert(
                [table.digest, table.expires],
                [[verdict.digest, verdict.expires]],
                on_conflict=Conflict(table, indexed_columns=[table.digest])))
        if cursor.rowcount != 1:
            return REPLAYED

    @classmethod
    def purge(cls):
        """Forget the challenges expired (the cron's): pow.verify refuses
        them without the table."""
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.delete(where=table.expires < pow.now()))
