"""A visitor of the public pages in the scenarios: trytond's own WSGI app
driven by werkzeug's test client (the pages run in this process, on the
scenario's database), with its cookies kept as a browser keeps them."""
import html
import json
import re

from werkzeug.test import Client

from trytond.transaction import Transaction
from trytond.wsgi import app

from .. import csrf, pow

_TOKEN = re.compile(r'name="%s" value="([0-9a-f]+)"' % csrf.FIELD)
_ERROR = re.compile(r'class="field-error" id="([a-z_]+)-error">([^<]*)<')


class Visitor:

    def __init__(self, database, address='192.0.2.10'):
        self.client = Client(app)
        self.base = '/%s/yankomas/public' % database
        self.address = address

    def get(self, path, **kwargs):
        return self.client.get(self.base + path,
            environ_base={'REMOTE_ADDR': self.address}, **kwargs)

    def post(self, path, data, **kwargs):
        return self.client.post(self.base + path, data=data,
            environ_base={'REMOTE_ADDR': self.address}, **kwargs)

    def proof(self):
        "A solved proof-of-work challenge, as the form's widget posts it."
        challenge = json.loads(self.get('/challenge').get_data(as_text=True))
        return pow.solve(challenge)

    def token(self, response):
        "The CSRF token of the form on the page of response."
        found = _TOKEN.search(response.get_data(as_text=True))
        return found.group(1) if found else None

    @staticmethod
    def errors(response):
        "{field: message} of the problems the page shows next to the fields."
        return {name: html.unescape(text) for name, text in _ERROR.findall(
                response.get_data(as_text=True))}

    @staticmethod
    def text(response):
        "The page's words, without its markup."
        page = re.sub(r'<(script|style)[^>]*>.*?</\1>', ' ',
            response.get_data(as_text=True), flags=re.S)
        return ' '.join(html.unescape(re.sub(r'<[^>]+>', ' ', page)).split())


def database_name():
    return Transaction().database.name


def indonesian(config):
    """activate_modules' setup: the modules' Indonesian loaded, as
    `trytond-admin -l id` does."""
    from proteus import Model
    Lang = Model.get('ir.lang', config=config)
    Lang.click(Lang.find([('code', '=', 'id')]), 'load_translations')
