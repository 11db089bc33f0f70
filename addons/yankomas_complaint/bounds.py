"""What a record accepts from a client: the sizes of its texts, the
characters a text may hold, the kind of value each field takes.

Tryton validates a record once it is in the database, and some values never
get there: a NUL character or a lone surrogate in a text, a number or a dict
where a text is expected, a date given as a plain string, an id beyond the
database's integers stop the INSERT itself with a server error, and a 10 MB
text is written before it is refused. check_values refuses them all before
any SQL, with a message in the user's language (Complaint.preprocess_values
calls it); the rules are plain functions, tested without a database.
"""
import datetime as dt
import math
import re
from decimal import Decimal

# The longest value of each free text, in characters: a line for what is a
# name, a number or a title, a few pages for the complainant's chronology.
# Char fields are VARCHAR(size) on PostgreSQL; every size is checked before
# the value reaches the database (see doc/index.rst, "What a complaint
# accepts").
SIZES = {
    # The web client sizes a line's input by its size: the number and the
    # agency stay within a laptop's screen beside their labels.
    'number': 40,                   # the register number from the sequence
    'subject': 200,                 # one line: board cards, e-mail subjects
    'received_reason': 500,         # a sentence: the stamp on the letter
    'phone': 32,                    # E.164 has 15 digits; room for spacing
    'email': 254,                   # the longest address RFC 5321 allows
    'address': 1000,
    'id_number': 32,                # NIK 16 digits, passport 6 to 12
    'represented_name': 200,
    'power_of_attorney': 200,       # the letter's number and date
    'application_number': 64,       # SIMKIM or M-Paspor numbers
    'reported_party': 200,
    'referred_to': 90,              # an agency's name: Dinas Dukcapil Kab. ...
    'incident_place': 200,
    'description': 20000,           # the chronology: six or seven pages
    'loss': 5000,
    'requested_resolution': 5000,
    'note': 10000,                  # a step's note, also the resolution
    'hold_reason': 2000,
    'category_name': 64,
    'category_code': 32,
    'category_description': 2000,
    }

# A Char's size also sets the width of its input in the web client ((size +
# 5) characters): a line allowed more than WIDE_CHAR characters keeps its
# limit in the model's _text_limits {field: size}, not on the field.
WIDE_CHAR = 64

# Characters no text may hold. Control characters (Unicode category Cc:
# U+0000-U+001F, U+007F-U+009F) and lone surrogates (Cs), which PostgreSQL
# cannot store; a line (Char) may not hold line or paragraph separators
# either (U+2028, U+2029), a text (Text) keeps its tabs and line breaks.
_FORBIDDEN_LINE = re.compile('[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]')
_FORBIDDEN_TEXT = re.compile(
    '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]')

# Ids are the database's INTEGER.
MAX_ID = 2 ** 31 - 1
INTEGER_RANGE = (-2 ** 31, 2 ** 31 - 1)

# An incident reported in a complaint happened after this date (and before
# the complaint was received: see incident_problem).
FIRST_INCIDENT = dt.datetime(1900, 1, 1)

# What a field of each type takes, named by the message refusing the rest.
_EXPECTED = {
    'char': 'text', 'text': 'text', 'selection': 'text',
    'date': 'date', 'datetime': 'datetime', 'timestamp': 'datetime',
    'time': 'time', 'timedelta': 'duration',
    'numeric': 'number', 'float': 'number', 'integer': 'integer',
    'boolean': 'boolean',
    'many2one': 'record', 'one2one': 'record',
    'one2many': 'records', 'many2many': 'records',
    }


def expected_kind(field_type):
    "The kind of value a field of field_type takes, or None if unchecked."
    return _EXPECTED.get(field_type)


def _is_finite_number(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Decimal):
        return value.is_finite()
    return False


def type_problem(field_type, value, model_name=None):
    """The kind of value expected when value does not fit a field of
    field_type (e.g. 'text', 'datetime'), else None. None fits every field
    (required is Tryton's check); a record may also be given as an instance
    of model_name."""
    kind = expected_kind(field_type)
    if value is None or kind is None:
        return None
    if kind == 'text':
        ok = isinstance(value, str)
    elif kind == 'date':
        ok = isinstance(value, dt.date) and not isinstance(
            value, dt.datetime)
    elif kind == 'datetime':
        ok = isinstance(value, dt.datetime)
    elif kind == 'time':
        ok = isinstance(value, dt.time)
    elif kind == 'duration':
        ok = isinstance(value, dt.timedelta)
    elif kind == 'number':
        ok = _is_finite_number(value)
    elif kind == 'integer':
        ok = (isinstance(value, int) and not isinstance(value, bool)
            and INTEGER_RANGE[0] <= value <= INTEGER_RANGE[1])
    elif kind == 'boolean':
        ok = isinstance(value, bool)
    elif kind == 'record':
        ok = (isinstance(value, int) and not isinstance(value, bool)) or (
            getattr(value, '__name__', None) == model_name
            and hasattr(value, 'id'))
    else:  # records: a list of actions, each a list or tuple
        ok = isinstance(value, (list, tuple)) and all(
            isinstance(a, (list, tuple)) for a in value)
    return None if ok else kind


def record_id_problem(value):
    "Whether an id given for a record cannot exist (not from 1 to MAX_ID)."
    return isinstance(value, int) and not 1 <= value <= MAX_ID


def forbidden_chars(value, multiline):
    """The characters of value that no text may hold, as U+XXXX codes
    (a line, not multiline, may not break either)."""
    pattern = _FORBIDDEN_TEXT if multiline else _FORBIDDEN_LINE
    found = []
    for char in pattern.findall(value):
        code = 'U+%04X' % ord(char)
        if code not in found:
            found.append(code)
    return found


def digits_problem(value, digits):
    """'integer' when the finite number value has more digits before the
    point than digits (int_size, dec_size) allows, 'decimals' when more
    after (as Tryton counts them: a Decimal by its exponent), else None."""
    if not digits or value is None:
        return None
    int_size, dec_size = digits
    if int_size is not None and abs(value) >= 10 ** int_size:
        return 'integer'
    if dec_size is not None:
        if isinstance(value, Decimal):
            if value.as_tuple().exponent < -dec_size:
                return 'decimals'
        elif round(value, dec_size) != value:
            return 'decimals'
    return None


def incident_problem(incident, received):
    """What is wrong with the time of an incident reported in a complaint
    received at received: 'old' (before FIRST_INCIDENT), 'after' (later than
    the receipt) or None."""
    if incident is None:
        return None
    if incident < FIRST_INCIDENT:
        return 'old'
    if received is not None and incident > received:
        return 'after'
    return None


def check_values(Model, values):
    """Refuse, before any SQL, the values of a create or write of Model that
    do not fit its fields (FieldValueError, translated). A record given by
    its id must exist: SQLite keeps no foreign keys."""
    from trytond.i18n import gettext
    from trytond.model import fields
    from trytond.pool import Pool
    from trytond.transaction import inactive_records, without_check_access

    from .exceptions import FieldValueError

    def refuse(message, name, **kwargs):
        raise FieldValueError(gettext(
                'yankomas_complaint.msg_value_%s' % message,
                **Model.__names__(name), **kwargs))

    for name, value in values.items():
        field = Model._fields.get(name)
        if field is None:
            raise FieldValueError(gettext(
                    'yankomas_complaint.msg_value_unknown_field',
                    field=str(name)[:50], **Model.__names__()))
        if isinstance(field, fields.Function) and not field.setter:
            refuse('computed', name)
        kind = type_problem(field._type, value, field_model_name(field))
        if kind:
            refuse('not_%s' % kind, name)
        if value is None:
            continue
        if (kind is None and expected_kind(field._type) == 'record'
                and isinstance(value, int)):
            Target = Pool().get(field_model_name(field))
            if record_id_problem(value):
                refuse('record_missing', name, id=value)
            with without_check_access(), inactive_records():
                if not Target.search([('id', '=', value)], limit=1, order=[]):
                    refuse('record_missing', name, id=value)
        if isinstance(value, str) and field._type in {'char', 'text'}:
            multiline = field._type == 'text'
            if getattr(field, 'strip', False) is True:
                value = value.strip()
            size = field.size if isinstance(field.size, int) else getattr(
                Model, '_text_limits', {}).get(name)
            if size is not None and len(value) > size:
                refuse('too_long', name, size=len(value), max_size=size)
            chars = forbidden_chars(value, multiline)
            if chars:
                refuse('control_char', name, chars=', '.join(chars[:3]))
        if field._type == 'selection' and isinstance(
                field.selection, (list, tuple)) and value not in dict(
                    field.selection):
            refuse('selection', name, value=value[:50])
        if field._type == 'numeric' and isinstance(field.digits, tuple):
            problem = digits_problem(value, field.digits)
            if problem == 'integer':
                refuse('too_large', name, digits=field.digits[0])
            elif problem == 'decimals':
                refuse('whole' if field.digits[1] == 0 else 'decimals', name,
                    decimals=field.digits[1])


def field_model_name(field):
    "The target model of a relation field (of a Function's too)."
    return getattr(field, 'model_name', None) or getattr(
        getattr(field, '_field', None), 'model_name', None)
