"""Checks of the complainant's identity document, without the database."""
import datetime as dt
import re

from stdnum.exceptions import ValidationError
from stdnum.id import nik

# ICAO 9303 allows up to 9 characters in the MRZ document number field;
# some countries issue longer ones, so accept 6 to 12 letters and digits.
_PASSPORT = re.compile(r'^[A-Z0-9]{6,12}$')


def compact(id_type, number):
    "The number as it is stored: no spaces, dots or dashes; upper case."
    if not number:
        return number
    if id_type == 'nik':
        return nik.compact(number)
    return re.sub(r'[\s.\-/]', '', number).upper()


def is_valid(id_type, number):
    if id_type == 'nik':
        try:
            nik.validate(number)
        except ValidationError:
            return False
        return True
    if id_type == 'passport':
        return bool(_PASSPORT.match(compact(id_type, number) or ''))
    return bool(number and number.strip())


_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s.]+$')


def is_email(value):
    "A plausible single e-mail address."
    return bool(_EMAIL.match(value or ''))


# A phone number as people write it: digits, perhaps grouped by spaces,
# dots, dashes, slashes or brackets, perhaps after a +. ITU-T E.164 numbers
# have at most 15 digits; a local number without its area code has 6.
_PHONE = re.compile(r'^\+?[0-9 .\-/()]+$')
PHONE_DIGITS = (6, 15)


def is_phone(value):
    "A plausible single phone number (letters are not)."
    if not _PHONE.match(value or ''):
        return False
    digits = sum(c in '0123456789' for c in value)
    return PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]


# NIP (Nomor Induk Pegawai, the civil servant's number, PP 11/2017): 18
# digits, birth date YYYYMMDD, appointment YYYYMM, sex 1 or 2, serial NNN.
_NIP = re.compile(r'^(\d{8})(\d{4})(\d{2})([12])(\d{3})$')


def is_nip(code):
    "Whether code (spaces allowed) is a plausible civil-servant NIP."
    match = _NIP.match(re.sub(r'\s', '', code or ''))
    if not match:
        return False
    birth, year, month = match.group(1), int(match.group(2)), int(
        match.group(3))
    try:
        dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    except ValueError:
        return False
    return 1 <= month <= 12 and year >= int(birth[:4])


# The fields of a complaint that tell who complained: an anonymous
# complaint has none of them.
IDENTITY_FIELDS = (
    'complainant', 'id_type', 'id_number', 'id_country', 'address', 'phone',
    'email', 'represented_name', 'power_of_attorney')
