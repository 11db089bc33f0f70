"""The public forms' proof of work, without the database: an ALTCHA v2
challenge (PBKDF2/SHA-256, which the widget solves with Web Crypto in its
workers) signed with the server's key, and the check of what the widget
posts back. proof.py remembers the challenges spent, so that each one is
good for one submission only.

The challenge is deterministic: the server draws the attempt that solves it
(COUNTERS) and gives half of that attempt's derived key as the prefix to
find, so that every visitor does about the same work (a draw by luck could
keep a slow phone busy ten times longer). An attempt costs COST PBKDF2
iterations to the visitor and one attempt to the server."""
import base64
import binascii
import datetime as dt
import hashlib
import json
import secrets
import time
from collections import namedtuple

import altcha

ALGORITHM = 'PBKDF2/SHA-256'
# PBKDF2 iterations of one attempt, and the range of the attempt that
# solves a challenge: 2 million iterations on average, measured at 0.2-0.5 s
# of work in Chromium 156 on a 2-core EPYC (the widget shows at least
# 0.5 s); a phone, 2-6 times slower at SHA-256, is estimated at 1-3 s. More
# workers hardly shorten it (1: 0.5 s, 2: 0.37 s). The server checks one
# attempt (0.25 ms).
COST = 1000
COUNTERS = (1500, 2500)
EXPIRY = dt.timedelta(minutes=10)
# The form field the widget fills.
FIELD = 'altcha'
# A payload the widget makes is about 700 characters; anything much longer
# is refused unread.
MAX_PAYLOAD = 2048

# Why a payload is refused (the keys of the refusal messages).
MISSING = 'missing'
MALFORMED = 'malformed'
BAD_SIGNATURE = 'bad_signature'
EXPIRED = 'expired'
WRONG_SOLUTION = 'wrong_solution'
REASONS = (MISSING, MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_SOLUTION)


class Verdict(namedtuple('Verdict', ['reason', 'digest', 'expires'])):
    """What a payload is worth: reason None when it is accepted, else one of
    REASONS; for an accepted payload, the digest that names its challenge and
    when the challenge expires (naive UTC)."""
    __slots__ = ()

    @property
    def ok(self):
        return self.reason is None


def refused(reason):
    return Verdict(reason, None, None)


def now():
    """The current time, naive UTC, as the library reads it (time.time()):
    a challenge lives by the wall clock, whatever time the demo replays."""
    return from_timestamp(time.time())


def from_timestamp(timestamp):
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).replace(
        tzinfo=None)


def create(key, cost=COST, counters=COUNTERS, expiry=EXPIRY):
    """A new challenge signed with key (bytes), as the JSON the widget
    fetches; cost and counters lower for tests."""
    low, high = counters
    challenge = altcha.create_challenge(
        algorithm=ALGORITHM,
        cost=cost,
        counter=low + secrets.randbelow(high - low),
        expires_at=int(time.time() + expiry.total_seconds()),
        hmac_secret=key)
    return challenge.to_dict()


def digest(signature):
    "The name kept of a spent challenge: a digest of its signature."
    return hashlib.sha256(signature.encode()).hexdigest()


def _parse(payload):
    """The payload's decoded JSON when it has the shape the widget posts,
    else None."""
    if len(payload) > MAX_PAYLOAD:
        return None
    try:
        data = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    challenge, solution = data.get('challenge'), data.get('solution')
    if not isinstance(challenge, dict) or not isinstance(solution, dict):
        return None
    if (not isinstance(challenge.get('parameters'), dict)
            or not isinstance(challenge.get('signature'), str)
            or type(solution.get('counter')) is not int
            or not isinstance(solution.get('derivedKey'), str)):
        return None
    return data


def verify(key, payload):
    """The Verdict on payload, the form field's value (the base64 text the
    widget posts). Never raises, whatever payload is."""
    if payload is None or payload == '':
        return refused(MISSING)
    if not isinstance(payload, str):
        return refused(MALFORMED)
    data = _parse(payload)
    if data is None:
        return refused(MALFORMED)
    try:
        result = altcha.verify_solution(payload, key)
    except (ValueError, TypeError, KeyError, AttributeError,
            RecursionError, OverflowError):
        return refused(MALFORMED)
    if result.error:
        return refused(MALFORMED)
    if result.expired:
        return refused(EXPIRED)
    if result.invalid_signature:
        return refused(BAD_SIGNATURE)
    if not result.verified:
        return refused(WRONG_SOLUTION)
    challenge = data['challenge']
    expires = challenge['parameters'].get('expiresAt')
    if type(expires) is not int:
        # Signed by this key but not made by create(): never accepted.
        return refused(MALFORMED)
    return Verdict(None, digest(challenge['signature']),
        from_timestamp(expires))


def solve(challenge, timeout=90):
    """The payload the widget would post for challenge (create()'s dict):
    for tests and benchmarks, with the library's solver."""
    parsed = altcha.Challenge.from_dict(challenge)
    solution = altcha.solve_challenge(parsed, timeout=timeout)
    if solution is None:
        raise TimeoutError("challenge not solved in %s s" % timeout)
    return altcha.Payload(parsed, solution).to_base64()
