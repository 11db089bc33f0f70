"""The public complaint form's fields and their checks, without the
database: what the visitor sent (text only) becomes the values of a
complaint or, field by field, the reasons it cannot (the messages
msg_page_error_<key>). The complaint's own validation runs again when it is
created; this gives the visitor every problem at once, next to its field.
"""
import datetime as dt

from yankomas_complaint import identity
from yankomas_complaint.bounds import FIRST_INCIDENT, SIZES, forbidden_chars

# Lines and texts the form takes, with the complaint's limits.
LINES = ('name', 'id_number', 'phone', 'email', 'represented_name',
    'power_of_attorney', 'application_number', 'subject', 'reported_party',
    'incident_place')
TEXTS = ('address', 'description', 'loss', 'requested_resolution')
LIMITS = dict(SIZES, name=200)
CHOICES = {
    'id_type': ('nik', 'passport'),
    'representation': ('self', 'representative'),
    'service': ('passport', 'stay_permit', 'visa', 'other'),
    }
FLAGS = ('anonymous', 'confidential', 'compensation_claimed', 'agree')
# What a person always gives: the office, what happened, where and when,
# the service, and the agreement to the data-use notice.
ALWAYS = ('subject', 'description', 'incident_place', 'incident_time',
    'service')
# What a complainant who gives their identity gives as well.
IDENTIFIED = ('name', 'id_type', 'id_number', 'address')
# The honeypot: a field no person sees, which robots fill.
TRAP = 'website'
MAX_AMOUNT = 10 ** 15


def clean(sent, now_local):
    """(values, errors) of the form sent ({name: text}); now_local is the
    office's wall clock (naive), to refuse an incident in the future.
    values use the complaint's field names; errors is {field: key}."""
    values, errors = {}, {}

    def text(name):
        value = sent.get(name)
        return value.strip() if isinstance(value, str) else ''

    for name in LINES + TEXTS:
        value = text(name)
        if not value:
            continue
        if len(value) > LIMITS[name]:
            errors[name] = 'too_long'
        elif forbidden_chars(value, name in TEXTS):
            errors[name] = 'characters'
        else:
            values[name] = value
    for name in FLAGS:
        values[name] = text(name) in ('1', 'on', 'true')
    for name, choices in CHOICES.items():
        value = text(name)
        if value:
            if value in choices:
                values[name] = value
            else:
                errors[name] = 'choice'
    values.setdefault('representation', 'self')

    anonymous = values['anonymous']
    required = ALWAYS + (() if anonymous else IDENTIFIED)
    if not anonymous and values['representation'] == 'representative':
        required += ('represented_name', 'power_of_attorney')
    for name in required:
        if name not in values and name not in errors and (
                name != 'incident_time'):
            errors[name] = 'required'
    if anonymous:
        # Nothing that identifies the person, not even by mistake.
        for name in ('name', 'id_type', 'id_number', 'address', 'phone',
                'email', 'represented_name', 'power_of_attorney',
                'confidential'):
            values.pop(name, None)
            errors.pop(name, None)
        values['representation'] = 'self'
    else:
        _check_identity(values, errors)
    _check_incident(text('incident_time'), now_local, values, errors)
    _check_compensation(text('compensation_amount'), values, errors)
    if not values['agree']:
        errors['agree'] = 'agree'
    if text(TRAP):
        errors[TRAP] = 'trap'
    return values, errors


def _check_identity(values, errors):
    if 'id_number' in values:
        number = identity.compact(values.get('id_type'), values['id_number'])
        if values.get('id_type') and not identity.is_valid(
                values['id_type'], number):
            errors['id_number'] = ('passport' if values['id_type']
                == 'passport' else 'nik')
        values['id_number'] = number
    if 'email' in values and not identity.is_email(values['email']):
        errors['email'] = 'email'
    if 'phone' in values and not identity.is_phone(values['phone']):
        errors['phone'] = 'phone'
    if not values.get('phone') and not values.get('email') and not (
            {'phone', 'email'} & set(errors)):
        errors['email'] = 'contact'


def _check_incident(text, now_local, values, errors):
    "The incident's time as the browser's datetime-local sends it."
    if not text:
        errors.setdefault('incident_time', 'required')
        return
    try:
        moment = dt.datetime.strptime(text[:16], '%Y-%m-%dT%H:%M')
    except ValueError:
        errors['incident_time'] = 'datetime'
        return
    if len(text) > 19:
        errors['incident_time'] = 'datetime'
    elif moment > now_local:
        errors['incident_time'] = 'future'
    elif moment < FIRST_INCIDENT:
        errors['incident_time'] = 'datetime'
    else:
        values['incident_time'] = moment


def _check_compensation(text, values, errors):
    if not values['compensation_claimed']:
        return
    if not text:
        return
    digits = text.replace('.', '').replace(',', '').replace(' ', '')
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 16 or int(digits) > MAX_AMOUNT:
        errors['compensation_amount'] = 'amount'
    else:
        values['compensation_amount'] = int(digits)
