"""The rate limit's arithmetic, without the database: how many requests of
an address a window allows, and when the address may come back."""
import datetime as dt
import hashlib
import hmac

# kind: (requests allowed, window). The tracking page's limit is the
# contract (30 look-ups a minute); the form sends a complaint, rarely more
# than a few from one address in an hour.
LIMITS = {
    'track': (30, dt.timedelta(minutes=1)),
    'complaint': (10, dt.timedelta(hours=1)),
    'challenge': (60, dt.timedelta(minutes=1)),
    'survey': (30, dt.timedelta(minutes=1)),
    }


def digest(key, address):
    """What is kept of an address: an HMAC, so the table of hits holds no
    visitor's IP address (personal data) in the clear."""
    return hmac.new(key, (address or '').encode(), hashlib.sha256
        ).hexdigest()[:32]


def allowed(earlier, limit):
    "Whether a request is allowed after earlier ones in the window."
    return earlier < limit


def retry_after(oldest, window, now):
    "Whole seconds until the oldest hit of the window leaves it (>= 1)."
    seconds = (oldest + window - now).total_seconds()
    return max(1, int(seconds) + (0 if seconds == int(seconds) else 1))
