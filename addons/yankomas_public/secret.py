"""The server's keys for the public pages: one random key per purpose,
shared by every worker process through the database, made when the module
is activated (or, failing that, on first use)."""
import secrets

from trytond.model import ModelSQL, Unique, fields
from trytond.transaction import Transaction, without_check_access

# csrf: the forms' tokens; pow: the proof-of-work challenges; address: the
# digests the rate limit keeps instead of visitors' addresses.
PURPOSES = ('csrf', 'pow', 'address')


class Secret(ModelSQL):
    __name__ = 'yankomas.public.secret'
    __string__ = "Public Page Key"

    name = fields.Char("Purpose", required=True, readonly=True)
    value = fields.Char("Key", required=True, readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('name_unique', Unique(t, t.name),
                'yankomas_public.msg_secret_unique'),
            ]

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(table.name))
        known = {n for n, in cursor.fetchall()}
        for name in PURPOSES:
            if name not in known:
                cursor.execute(*table.insert(
                        [table.name, table.value],
                        [[name, secrets.token_hex(32)]]))

    @classmethod
    def key(cls, name):
        "The key (bytes) of the purpose name."
        with without_check_access():
            found = cls.search([('name', '=', name)], limit=1)
            if not found:
                found = cls.create([{
                            'name': name, 'value': secrets.token_hex(32)}])
        return bytes.fromhex(found[0].value)
