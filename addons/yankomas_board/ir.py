import urllib.parse

from trytond.pool import PoolMeta
from trytond.transaction import Transaction
from trytond.url import URLAccessor


class Action(metaclass=PoolMeta):
    __name__ = 'ir.action'

    @classmethod
    def get_action_values(cls, type_, action_ids, columns=None):
        """URL actions may name the database as %(database)s (the board
        page lives under /<database>/): the client gets the full address
        of the server it talks to."""
        values = super().get_action_values(type_, action_ids, columns=columns)
        if type_ == 'ir.action.url':
            database = Transaction().database.name
            for value in values:
                url = value.get('url') or ''
                if '%(database)s' in url:
                    url = url.replace(
                        '%(database)s', urllib.parse.quote(database))
                    if url.startswith('/'):
                        url = (URLAccessor.http_host()
                            + (URLAccessor.http_root_path() or '') + url)
                    value['url'] = url
        return values
