"""The hash chain of a complaint, in plain Python.

Each link holds the canonical serialisation of one record (a complaint, a
step, a revision, a piece of evidence...) as it was stored, and its digest:
SHA-256 over the previous link's digest and that serialisation. A record
edited behind the application no longer matches its last link; a link
edited, removed or inserted breaks the digests after it.
"""
import datetime as dt
import hashlib
import json
from decimal import Decimal

GENESIS = ''


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


def digest(previous, payload):
    "The digest of a link: SHA-256 over the previous digest and the payload."
    data = (previous or GENESIS).encode() + b'\n' + payload.encode()
    return hashlib.sha256(data).hexdigest()


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
    """The positions in links [(position, previous, payload, digest)], in
    order, from which the chain does not hold."""
    broken = []
    expected_previous = GENESIS
    for index, (position, previous, payload, stored) in enumerate(links, 1):
        if (position != index or (previous or GENESIS) != expected_previous
                or digest(previous, payload) != stored):
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
