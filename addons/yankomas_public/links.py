"""The addresses of the public pages: the contract URLs under
/<database>/yankomas/public, on the server's configured address (never the
Host a request claims: an e-mail or a QR code must not follow it)."""
import urllib.parse

from trytond.transaction import Transaction

from yankomas_email.render import server_url

# Relative to /<database>; the routes and the links share them.
BASE = '/yankomas/public'
COMPLAINT = BASE + '/complaint'
TRACK = BASE + '/track'
SURVEY = BASE + '/survey'
KIOSK = BASE + '/kiosk'
STATIC = BASE + '/static'
CHALLENGE = BASE + '/challenge'


def url(path, **query):
    "The absolute address of the public page path (one of the above)."
    database = Transaction().database.name
    address = '%s/%s%s' % (server_url(), urllib.parse.quote(database), path)
    query = {k: v for k, v in query.items() if v is not None}
    if query:
        address += '?' + urllib.parse.urlencode(query)
    return address


def track_url(code):
    "Where the complainant follows the complaint of the tracking code."
    return url('%s/%s' % (TRACK, urllib.parse.quote(code)))


def complaint_url(office=None):
    "The public complaint form, fixed to the office when given."
    return url(COMPLAINT, office=office.id if office else None)
