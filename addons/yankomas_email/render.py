"""What the e-mails of the module share: the link to a complaint and the
Message-ID."""
import hashlib
from email.utils import parseaddr

from trytond.transaction import Transaction
from trytond.url import http_host


def complaint_url(complaint_id):
    "The address that opens the complaint in the web client."
    database = Transaction().database.name
    return '%s/#%s/model/yankomas.complaint/%d' % (
        http_host(), database, complaint_id)


def message_id(key, sender):
    "A Message-ID that depends only on the message's key and the sender."
    domain = parseaddr(sender or '')[1].rpartition('@')[2] or 'localhost'
    return '<%s@%s>' % (hashlib.sha256(key.encode()).hexdigest()[:32], domain)
