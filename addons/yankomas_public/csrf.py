"""The public forms' protection against cross-site requests, without the
database: a signed double-submit token. The browser keeps a random nonce in
a SameSite=Strict cookie; the form carries the nonce's HMAC under the
server's key; a POST is accepted only when the two agree. A page of another
site can neither read the cookie nor forge the HMAC."""
import hashlib
import hmac
import secrets

COOKIE = 'yankomas_csrf'
FIELD = 'csrf_token'
NONCE_BYTES = 16
# A nonce is hex; anything longer or of other characters is refused unread.
_HEX = frozenset('0123456789abcdef')


def new_nonce():
    return secrets.token_hex(NONCE_BYTES)


def valid_nonce(nonce):
    return (isinstance(nonce, str) and len(nonce) == 2 * NONCE_BYTES
        and set(nonce) <= _HEX)


def token(key, nonce):
    "The form's token for the cookie's nonce."
    return hmac.new(key, nonce.encode(), hashlib.sha256).hexdigest()


def check(key, nonce, sent):
    "Whether the token sent with a form matches the cookie's nonce."
    if not valid_nonce(nonce) or not isinstance(sent, str):
        return False
    return hmac.compare_digest(token(key, nonce), sent)
