"""The page the board answers when the browser is not signed in.

Opened from Tryton's desktop client, the board's address lands in a
browser that has no web session. Instead of a 401 with a Basic challenge
(the browser's own English prompt, then a bare "HTTP ERROR 401"), the board
explains itself in the visitor's language and signs them in with Tryton's
own login (``/<database>/session/login``, as the web client does): the
session cookie it sets is the one the board reads, and the page reloads
into the board.
"""
import os
import urllib.parse

from genshi.template import MarkupTemplate

from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.transaction import Transaction

from .language import page_language

FOLDER = os.path.dirname(os.path.abspath(__file__))
WORDS = ('title', 'signin_needed', 'signin_why', 'signin_login',
    'signin_password', 'signin_submit', 'signin_wrong', 'signin_busy',
    'signin_error', 'signin_insecure', 'signin_web_client',
    'signin_noscript')


def _template():
    with open(os.path.join(FOLDER, 'static', 'signin.html')) as file:
        return MarkupTemplate(file.read())


def language(request):
    "The visitor's language among those the database translates."
    Lang = Pool().get('ir.lang')
    available = [l.code for l in Lang.search([('translatable', '=', True)])]
    accepted = [tag for tag, quality in request.accept_languages if quality]
    return page_language(accepted, available)


def render(request, database):
    "The sign-in page as HTML, in the visitor's language."
    code = language(request)
    with Transaction().set_context(language=code):
        words = {w: gettext('yankomas_board.msg_board_%s' % w)
            for w in WORDS}
    stream = _template().generate(
        words=words, lang=code.split('_')[0], language=code,
        client_url='/#' + urllib.parse.quote(database, safe=''))
    return stream.render('html', doctype='html5', encoding='utf-8')
