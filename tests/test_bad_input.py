"""Malformed create and write calls over JSON-RPC, as a Petugas (issue 12,
defects 6 and 7): each one is refused with a user error in Indonesian, none
ends in a server error, and nothing of it is stored.

Each case is (description, method, values, fragment): the values are sent
as the client sends them (dates as Tryton's JSON objects), the fragment is
a piece of the Indonesian message the user must read.
"""
import datetime as dt
import re

import pytest

from conftest import RPCError

COMPLAINT = 'yankomas.complaint'
VALID_NIK = '3527014107900001'
NOW = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def moment(value):
    "A datetime as the JSON-RPC client sends it."
    return {'__class__': 'datetime', 'year': value.year,
        'month': value.month, 'day': value.day, 'hour': value.hour,
        'minute': value.minute, 'second': value.second, 'microsecond': 0}


def day(value):
    return {'__class__': 'date', 'year': value.year, 'month': value.month,
        'day': value.day}


def decimal(text):
    return {'__class__': 'Decimal', 'decimal': text}


FIRST_DAY = moment(dt.datetime(1, 1, 1))
LAST_DAY = moment(dt.datetime(9999, 12, 31, 23, 59, 59))
LETTER = {'channel': 'letter', 'received_reason': "Cap pos pada surat"}
CLAIM = {'compensation_claimed': True}
# The message fragments, as the Indonesian user reads them.
CONTROL = "memuat karakter kendali yang tidak dapat disimpan"
TEXT = "harus berisi teks"
DATETIME = "harus berisi tanggal dan jam"
NUMBER = "harus berisi angka"
BOOLEAN = "harus berisi ya atau tidak"
RECORD = "harus berisi satu data"
NO_RECORD = 'Data dengan ID %s untuk kolom "%s"'
OPTION = "bukan salah satu pilihan"
REQUIRED = "wajib diisi"
TOO_LONG = "paling banyak %s karakter"
BEFORE_1900 = "tidak boleh sebelum tahun 1900"
AFTER_RECEIPT = "tidak boleh lebih lambat dari waktu pengaduan diterima"
WORKFLOW = "hanya dapat diubah melalui tombol pengaduan"

CASES = [
    # NUL bytes and other control characters
    ("NUL in the subject", 'create', {'subject': "Antrean\x00paspor"},
        CONTROL + " (U+0000)"),
    ("NUL in the chronology", 'create',
        {'description': "Kronologi\x00 kejadian"}, CONTROL),
    ("NUL in the address", 'create', {'address': "Jl. Jokotole\x00 45"},
        CONTROL),
    ("NUL in the reported party", 'create', {'reported_party': "\x00"},
        CONTROL),
    ("NUL in the subject (write)", 'write', {'subject': "Ubah\x00"}, CONTROL),
    ("NUL in the chronology (write)", 'write', {'description': "a\x00b"},
        CONTROL),
    ("NUL in the loss (write)", 'write', {'loss': "Rugi\x00"}, CONTROL),
    ("a bell in the subject", 'create', {'subject': "Antrean\x07"},
        CONTROL + " (U+0007)"),
    ("an escape in the phone (write)", 'write',
        {'phone': "0812\x1b[31m3456"}, CONTROL + " (U+001B)"),
    ("a line break in the subject", 'create',
        {'subject': "Antrean\npaspor"}, CONTROL + " (U+000A)"),
    ("a line separator in the subject", 'create',
        {'subject': "Antrean\u2028paspor"}, CONTROL + " (U+2028)"),
    ("a lone surrogate in the place", 'create',
        {'incident_place': "Loket \ud800"}, CONTROL + " (U+D800)"),
    ("a C1 control in the chronology", 'create',
        {'description': "Baris\x85dua"}, CONTROL + " (U+0085)"),
    # values of the wrong type
    ("the subject as a number", 'create', {'subject': 42}, TEXT),
    ("the subject as a dict", 'create', {'subject': {'a': 1}}, TEXT),
    ("the subject as a list", 'create', {'subject': ["Antrean"]}, TEXT),
    ("the chronology as a number (write)", 'write', {'description': 12345},
        TEXT),
    ("the phone as a number", 'create', {'phone': 81234567801}, TEXT),
    ("the e-mail as a list (write)", 'write', {'email': ['a@b.id']}, TEXT),
    ("the receipt as a plain string", 'create',
        dict(LETTER, received='2026-01-05 09:00:00'), DATETIME),
    ("the receipt as a word", 'create', dict(LETTER, received='kemarin'),
        DATETIME),
    ("the incident as a plain string", 'create',
        {'incident_time': '2026-01-05'}, DATETIME),
    ("the incident as a number (write)", 'write',
        {'incident_time': 1767600000}, DATETIME),
    ("the incident as a date without time", 'create',
        {'incident_time': day(dt.date(2026, 1, 5))}, DATETIME),
    ("the amount as a word", 'create',
        dict(CLAIM, compensation_amount='banyak'), NUMBER),
    ("the amount as a dict (write)", 'write',
        {'compensation_amount': {'x': 1}}, NUMBER),
    ("the amount not a number", 'create',
        dict(CLAIM, compensation_amount=decimal('NaN')), NUMBER),
    ("the amount infinite", 'create',
        dict(CLAIM, compensation_amount=decimal('Infinity')), NUMBER),
    ("the claim as a word", 'create', {'compensation_claimed': 'ya'},
        BOOLEAN),
    ("confidential as a number (write)", 'write', {'confidential': 1},
        BOOLEAN),
    ("the complainant as a list", 'create', {'complainant': [1]}, RECORD),
    ("the complainant as a name", 'create', {'complainant': "Budi"}, RECORD),
    ("the category as a dict", 'create', {'category': {'id': 1}}, RECORD),
    ("the nationality as true (write)", 'write', {'nationality': True},
        RECORD),
    ("the channel as a number", 'create', {'channel': 7}, TEXT),
    ("the ID type as a list", 'create', {'id_type': ['nik']}, TEXT),
    # the ends of the calendar
    ("received in the year 1", 'create', dict(LETTER, received=FIRST_DAY),
        "paling lama boleh diberi tanggal mundur 30 hari"),
    ("received on 31 December 9999", 'create',
        dict(LETTER, received=LAST_DAY), "waktu yang akan datang"),
    ("an incident in the year 1", 'create', {'incident_time': FIRST_DAY},
        BEFORE_1900),
    ("an incident on 31 December 9999", 'create',
        {'incident_time': LAST_DAY}, AFTER_RECEIPT),
    ("an incident in the year 1 (write)", 'write',
        {'incident_time': FIRST_DAY}, BEFORE_1900),
    ("an incident on 31 December 9999 (write)", 'write',
        {'incident_time': LAST_DAY}, AFTER_RECEIPT),
    ("an incident in 1899", 'create',
        {'incident_time': moment(dt.datetime(1899, 12, 31, 12))},
        BEFORE_1900),
    ("an incident after the receipt", 'create',
        {'incident_time': moment(NOW + dt.timedelta(days=2))}, AFTER_RECEIPT),
    ("an incident after the receipt (write)", 'write',
        {'incident_time': moment(NOW + dt.timedelta(days=2))}, AFTER_RECEIPT),
    ("the receipt rewritten to the year 1", 'write',
        {'received': FIRST_DAY}, WORKFLOW),
    # sizes
    ("a 100 kB subject", 'create', {'subject': "x" * 100_000},
        TOO_LONG % 200),
    ("a 10 MB chronology", 'create', {'description': "x" * 10_000_000},
        TOO_LONG % 20000),
    ("a 10 MB chronology (write)", 'write',
        {'description': "x" * 10_000_000}, TOO_LONG % 20000),
    ("a subject one character too long (write)", 'write',
        {'subject': "x" * 201}, TOO_LONG % 200),
    ("a 33-character phone", 'create', {'phone': "0" * 33}, TOO_LONG % 32),
    ("a 300-character e-mail", 'create',
        {'email': "a" * 290 + "@example.id"}, TOO_LONG % 254),
    # identity
    ("an ID number without an ID type", 'create', {'id_number': VALID_NIK},
        "tanpa jenis identitas"),
    ("an ID number without an ID type (write)", 'write',
        {'id_number': 'X1234567'}, "tanpa jenis identitas"),
    ("a phone of letters", 'create', {'phone': "telepon saya"},
        "bukan nomor telepon"),
    ("a phone with letters (write)", 'write', {'phone': "08123ABC4567"},
        "bukan nomor telepon"),
    ("an invalid NIK", 'create', {'id_type': 'nik', 'id_number': '123'},
        "bukan NIK yang sah"),
    ("an implausible passport", 'create',
        {'id_type': 'passport', 'id_number': 'E1'},
        "bukan nomor paspor yang wajar"),
    ("an invalid e-mail", 'create', {'email': "pengadu@"},
        "bukan alamat e-mail yang sah"),
    # compensation
    ("an amount without a claim", 'create',
        {'compensation_amount': decimal('150000')},
        "tidak menuntut ganti rugi"),
    ("an amount without a claim (write)", 'write',
        {'compensation_amount': decimal('150000')},
        "tidak menuntut ganti rugi"),
    ("a negative amount", 'create',
        dict(CLAIM, compensation_amount=decimal('-5')),
        "tidak boleh negatif"),
    ("an amount with decimals", 'create',
        dict(CLAIM, compensation_amount=decimal('1.5')),
        "tanpa angka desimal"),
    ("an amount of 21 digits", 'create',
        dict(CLAIM, compensation_amount=decimal('1E+20')),
        "lebih dari 16 digit"),
    # options
    ("an unknown channel", 'create', {'channel': 'fax'}, OPTION),
    ("an unknown ID type (write)", 'write', {'id_type': 'sim'}, OPTION),
    ("an unknown service", 'create', {'service': 'pajak'}, OPTION),
    ("an unknown way of acting", 'create', {'representation': 'sendiri'},
        OPTION),
    # records that do not exist
    ("an unknown complainant", 'create', {'complainant': 999_999_999},
        NO_RECORD % (999_999_999, "Pengadu")),
    ("an unknown category (write)", 'write', {'category': 99_999_999},
        NO_RECORD % (99_999_999, "Kategori")),
    ("a nationality beyond the integers", 'create',
        {'nationality': 2 ** 40}, "Data dengan ID %d" % 2 ** 40),
    ("a negative complainant", 'create', {'complainant': -5},
        "Data dengan ID -5"),
    # required fields
    ("no subject", 'create', {'subject': None}, REQUIRED),
    ("no complainant", 'create', {'complainant': None}, REQUIRED),
    ("the subject emptied (write)", 'write', {'subject': ''}, REQUIRED),
    ("the subject blanked (write)", 'write', {'subject': '   '}, REQUIRED),
    ("the complainant removed (write)", 'write', {'complainant': None},
        REQUIRED),
    ("the way of acting removed (write)", 'write', {'representation': None},
        REQUIRED),
    # fields a client does not write
    ("an unknown field", 'create', {'bogus': 1}, "tidak memiliki kolom"),
    ("a computed field (write)", 'write', {'overdue': True},
        "dihitung oleh sistem"),
    ("a forged state (write)", 'write', {'state': 'done'}, WORKFLOW),
    ("a forged resolution", 'create', {'resolution': "Selesai"},
        "hanya dapat diubah melalui tombol"),
    ("a forged referral agency (write)", 'write',
        {'referred_to': "Dinas Dukcapil Kab. Pamekasan"}, WORKFLOW),
    # the complaint's note went: a note comes with its action (act)
    ("a note written on the complaint (write)", 'write',
        {'note': "Perlu keputusan Kasubsi."}, "tidak memiliki kolom"),
    # anonymous complaints hold no identity and come by letter, web, LAPOR!
    ("anonymous by phone", 'create', {'anonymous': True}, "boleh anonim"),
    ("anonymous by phone (write)", 'write', {'anonymous': True},
        "boleh anonim"),
    ("an anonymous letter with its complainant", 'create',
        dict(LETTER, anonymous=True), "tidak memuat identitas"),
    ]

# Words of Tryton's English messages that an Indonesian one has not.
ENGLISH = re.compile(
    r'\b(the|is|are|for|field|value|record|must|cannot|not allowed)\b',
    re.IGNORECASE)
# What a write case reads back to see that nothing changed.
READ_BACK = [
    'subject', 'description', 'address', 'reported_party', 'incident_place',
    'loss', 'phone', 'email', 'referred_to', 'incident_time', 'received',
    'compensation_claimed', 'compensation_amount', 'confidential',
    'complainant', 'category', 'nationality', 'id_type', 'id_number',
    'representation', 'service', 'state', 'steps', 'write_date']


@pytest.fixture(scope='module')
def petugas(server):
    client = server.login('petugas')
    assert client.context['language'] == 'id'
    return client


@pytest.fixture(scope='module')
def base(petugas):
    "The values of a phone complaint that is otherwise fine."
    party, = petugas.model('party.party', 'search', [], 0, 1, None)
    return {
        'channel': 'phone',
        'subject': "Antrean paspor ditutup lebih awal",
        'complainant': party,
        }


@pytest.fixture(scope='module')
def complaint(petugas, base):
    "A complaint at intake, which the write cases try to change."
    complaint_id, = petugas.model(COMPLAINT, 'create', [dict(base)])
    return complaint_id


def test_the_table_covers_the_issue():
    "56 calls or more, both methods"
    assert len(CASES) >= 56
    assert {m for _, m, _, _ in CASES} == {'create', 'write'}
    assert len({d for d, _, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize('description,method,values,fragment', CASES,
    ids=[c[0] for c in CASES])
def test_bad_input(petugas, base, complaint, description, method, values,
        fragment):
    count = petugas.model(COMPLAINT, 'search_count', [])
    before = petugas.model(COMPLAINT, 'read', [complaint], READ_BACK)
    with pytest.raises(RPCError) as info:
        if method == 'create':
            petugas.model(COMPLAINT, 'create', [dict(base, **values)])
        else:
            petugas.model(COMPLAINT, 'write', [complaint], values)
    error = info.value
    assert error.user_error, f"server error: {error.args[0]}"
    message = error.message
    assert fragment in message, message
    assert not ENGLISH.search(message), message
    assert petugas.model(COMPLAINT, 'search_count', []) == count
    assert petugas.model(COMPLAINT, 'read', [complaint], READ_BACK) == before


def test_what_fits_is_kept(petugas, base):
    "The edges that are right: the largest sizes, a claim, old and new moments"
    values = dict(base,
        subject="x" * 200, description="Baris satu\n\tBaris dua\r\n" * 800,
        phone="+62 812-3456-7801", id_type='nik', id_number=VALID_NIK,
        compensation_claimed=True, compensation_amount=decimal('150000'),
        incident_time=moment(dt.datetime(1900, 1, 1)))
    complaint_id, = petugas.model(COMPLAINT, 'create', [values])
    record, = petugas.model(COMPLAINT, 'read', [complaint_id],
        ['subject', 'description', 'incident_time', 'compensation_amount'])
    assert record['subject'] == "x" * 200
    assert record['description'] == values['description']
    assert record['incident_time']['year'] == 1900
    assert record['compensation_amount'] == decimal('150000')
    petugas.model(COMPLAINT, 'write', [complaint_id],
        {'incident_time': moment(NOW - dt.timedelta(hours=2))})


CALENDAR = 'company.working_calendar'
CALENDAR_CASES = [
    ("a thousand years", 'working_time_between',
        moment(dt.datetime(1901, 1, 1)), moment(dt.datetime(2198, 1, 1)),
        "paling lama 731 hari"),
    ("backwards over three years", 'working_time_between',
        moment(NOW), moment(NOW - dt.timedelta(days=3 * 365)),
        "paling lama 731 hari"),
    ("from the year 1", 'working_time_between', FIRST_DAY,
        moment(dt.datetime(1, 1, 2)), "pada tahun 1900 sampai 2199"),
    ("to a plain string", 'working_time_between', moment(NOW),
        '2026-01-05', "pada tahun 1900 sampai 2199"),
    ("a deadline ten years on", 'compute_deadline', moment(NOW),
        {'__class__': 'timedelta', 'seconds': 10 * 365 * 86400},
        "paling lama 731 hari"),
    ("a deadline of a number", 'compute_deadline', moment(NOW), 3600,
        "lama waktu kerja"),
    ]


@pytest.mark.parametrize('description,method,first,second,fragment',
    CALENDAR_CASES, ids=[c[0] for c in CALENDAR_CASES])
def test_calendar_range_bounded(petugas, description, method, first, second,
        fragment):
    calendar, = petugas.model(CALENDAR, 'search', [], 0, 1, None)
    with pytest.raises(RPCError) as info:
        petugas.model(CALENDAR, method, calendar, first, second)
    assert info.value.user_error, info.value.args[0]
    assert fragment in info.value.message, info.value.message


def test_calendar_range_in_bounds(petugas):
    calendar, = petugas.model(CALENDAR, 'search', [], 0, 1, None)
    start = NOW - dt.timedelta(days=700)
    elapsed = petugas.model(CALENDAR, 'working_time_between', calendar,
        moment(start), moment(NOW))
    assert elapsed['__class__'] == 'timedelta'
    # Some 37.5 working hours a week over 100 weeks.
    assert 2_500 * 3600 < elapsed['seconds'] < 4_000 * 3600
