"""What the e-mails of the module share: the link to a complaint and the
Message-ID."""
import hashlib
import unicodedata
from email.utils import parseaddr

import urllib.parse

from trytond import config
from trytond.transaction import Transaction
from trytond.url import HOSTNAME, ROOT_PATH


def server_url():
    """The server's address as configured ([web] hostname and root_path),
    never the Host header of the request that caused the e-mail: a link
    must not follow what a client claims."""
    secure = bool(config.get('ssl', 'certificate')
        or config.get('ssl', 'privatekey'))
    return urllib.parse.urlunsplit(('https' if secure else 'http',
            config.get('web', 'hostname') or HOSTNAME,
            config.get('web', 'root_path') or ROOT_PATH or '', '', '')
        ).rstrip('/')


def complaint_url(complaint_id):
    "The address that opens the complaint in the web client."
    database = Transaction().database.name
    return '%s/#%s/model/yankomas.complaint/%d' % (
        server_url(), database, complaint_id)


def header_text(value):
    """value fit for a header line: line and paragraph separators, control
    and format characters (U+2028, U+0085, NUL...) become spaces, runs of
    spaces one."""
    return ' '.join(''.join(
            ' ' if unicodedata.category(c) in {'Cc', 'Cf', 'Zl', 'Zp'} else c
            for c in (value or '')).split())


def message_id(key, sender):
    "A Message-ID that depends only on the message's key and the sender."
    domain = parseaddr(sender or '')[1].rpartition('@')[2] or 'localhost'
    return '<%s@%s>' % (hashlib.sha256(key.encode()).hexdigest()[:32], domain)
