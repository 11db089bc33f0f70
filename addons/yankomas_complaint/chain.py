"""The hash chain of a complaint, in plain Python.

Each link holds the canonical serialisation of one record (a complaint, a
step, a revision, a piece of evidence...) as it was stored, the SHA-256 of
that serialisation, and its digest: SHA-256 over the previous link's digest
and the serialisation's. A record edited behind the application no longer
matches its last link; a link edited, removed or inserted breaks the
digests after it.

Because the digest covers the serialisation's SHA-256 rather than the
serialisation itself, an erasure under UU 27/2022 may replace a past
serialisation by a redaction marker: the chain still verifies, and still
shows that a record was there and when. (Links made before this, without
the serialisation's SHA-256, are digested over the serialisation itself
and cannot be redacted.)
"""
import datetime as dt
import hashlib
import json
from decimal import Decimal

GENESIS = ''
# The key of the values of a redacted serialisation.
REDACTED = '_redacted'


def normalise(value):
    "A value of a stored field as the same JSON on every backend."
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return normalise(Decimal(str(value.total_seconds())))
    if isinstance(value, Decimal):
        text = format(value.normalize(), 'f')
        return text.rstrip('0').rstrip('.') if '.' in text else text
    if isinstance(value, float):
        return normalise(Decimal(repr(value)))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    if isinstance(value, int):
        # A Numeric without decimals may come back as an int.
        return normalise(Decimal(value))
    return str(value)


def canonical(model, record_id, values):
    "The serialisation of a record: its model, id and sorted field values."
    return json.dumps({
            'model': model,
            'id': record_id,
            'values': {k: normalise(v) for k, v in values.items()},
            }, sort_keys=True, ensure_ascii=False, separators=(',', ':'))


def payload_digest(payload):
    "The SHA-256 of a serialisation."
    return hashlib.sha256(payload.encode()).hexdigest()


def digest(previous, hashed):
    """The digest of a link: SHA-256 over the previous digest and the
    SHA-256 of its serialisation (hashed)."""
    data = (previous or GENESIS).encode() + b'\nsha256:' + hashed.encode()
    return hashlib.sha256(data).hexdigest()


def legacy_digest(previous, payload):
    "The digest of a link made without the SHA-256 of its serialisation."
    data = (previous or GENESIS).encode() + b'\n' + payload.encode()
    return hashlib.sha256(data).hexdigest()


def redacted(model, record_id, reason):
    "What a past serialisation is replaced by when it is erased."
    return canonical(model, record_id, {REDACTED: reason})


def is_redacted(payload):
    return REDACTED in json.loads(payload)['values']


def holds(previous, payload, hashed, stored):
    """Whether a link (its previous digest, serialisation, the SHA-256 of
    it, its digest) is as it was made: a redacted serialisation only keeps
    the SHA-256 of what it replaced."""
    if hashed is None:
        return legacy_digest(previous, payload) == stored
    if not is_redacted(payload) and payload_digest(payload) != hashed:
        return False
    return digest(previous, hashed) == stored


def values_of(payload):
    "The field values a payload holds."
    return json.loads(payload)['values']


def fields_of(payload):
    "The names of the fields a payload covers."
    return sorted(values_of(payload))


def same(payload, model, record_id, values):
    """The record's current values are those of the payload (for the fields
    it covers: a field added by a later module version is not in old
    links)."""
    return payload == canonical(model, record_id,
        {k: values.get(k) for k in fields_of(payload)})


def broken_links(links):
    """The positions in links [(position, previous, payload, hashed,
    digest)], in order, from which the chain does not hold."""
    broken = []
    expected_previous = GENESIS
    for index, (position, previous, payload, hashed, stored) in enumerate(
            links, 1):
        if (position != index or (previous or GENESIS) != expected_previous
                or not holds(previous, payload, hashed, stored)):
            broken.append(position)
        expected_previous = stored
    return broken


def head(digests):
    """One digest for many chains (an office at a moment): SHA-256 over
    the heads of its complaints' chains, in the order given."""
    return hashlib.sha256('\n'.join(digests).encode()).hexdigest()


def changed_fields(payload, values):
    "The fields of the payload whose values differ from values."
    stored = values_of(payload)
    return sorted(k for k, v in stored.items()
        if normalise(values.get(k)) != v)
