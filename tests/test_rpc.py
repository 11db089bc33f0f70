"""The running server over JSON-RPC, as each role of the SOP.

A button's note travels with it: a script, an integration or the board does
an action in one call, model.yankomas.complaint.act([id], action, note,
context), with the agency of a referral in context['referred_to']; only
`direct`, which takes no note, is pressed as its button."""
import datetime as dt
import secrets

import pytest

from conftest import RPCError

COMPLAINT = 'yankomas.complaint'
STEP = 'yankomas.complaint.step'
VALID_NIK = '3527014107900001'
# The office's clock (Asia/Jakarta, WIB), as the refusals tell the time.
WIB = dt.timezone(dt.timedelta(hours=7))


def press(client, complaint_id, button, note=None, referred_to=None,
        context=None):
    """Do button's action with its note in the one call of the contract
    (act), the referral's agency in the context; `direct` by its button.
    context adds to the user's (e.g. the _timestamp the caller read)."""
    context = dict(client.context, **(context or {}))
    if button == 'direct':
        return client.call(f'model.{COMPLAINT}.direct', [complaint_id],
            context)
    if referred_to is not None:
        context['referred_to'] = referred_to
    return client.call(f'model.{COMPLAINT}.act', [complaint_id], button,
        note, context)


def read(client, complaint_id, fields):
    record, = client.model(COMPLAINT, 'read', [complaint_id], fields)
    return record


def complete_form(client):
    "The values resolve and escalate require, taken from the demo data."
    party, = client.model('party.party', 'search', [], 0, 1, None)
    category, = client.model(
        'yankomas.complaint.category', 'search', [], 0, 1, None)
    return {
        'complainant': party,
        'id_type': 'nik',
        'id_number': VALID_NIK,
        'address': 'Jl. Diponegoro 12, Kediri',
        'category': category,
        'description': 'Antrean paspor ditutup sebelum jam layanan berakhir.',
        'loss': 'Tidak ada',
        'requested_resolution': 'Loket dibuka sesuai jadwal layanan.',
        }


def marked(text):
    "text with a mark of its own, to look for it in the whole database."
    return f"{text} [{secrets.token_hex(6)}]"


def moment(value):
    "A datetime of Tryton's JSON (naive UTC) as a Python one."
    return dt.datetime(value['year'], value['month'], value['day'],
        value['hour'], value['minute'], value['second'],
        value.get('microsecond', 0), tzinfo=dt.timezone.utc)


@pytest.fixture(scope='module')
def users(server):
    return {login: server.login(login)
        for login in ['duta', 'petugas', 'kasubsi', 'kasi']}


@pytest.fixture
def phone_complaint(users):
    petugas = users['petugas']
    party, = petugas.model('party.party', 'search', [], 0, 1, None)
    complaint_id, = petugas.model(COMPLAINT, 'create', [{
                'channel': 'phone',
                'subject': 'Antrean paspor ditutup lebih awal',
                'complainant': party,
                }])
    return complaint_id


@pytest.fixture
def at_subsection(users, phone_complaint):
    "A complaint the officer escalated to the head of subsection."
    petugas, cid = users['petugas'], phone_complaint
    petugas.model(COMPLAINT, 'write', [cid], complete_form(petugas))
    press(petugas, cid, 'escalate', "Perlu keputusan Kasubsi.")
    return cid


def test_escalated_to_kasi_and_back(users, phone_complaint):
    petugas, kasubsi, kasi = users['petugas'], users['kasubsi'], users['kasi']
    cid = phone_complaint
    assert read(petugas, cid, ['state'])['state'] == 'intake'

    petugas.model(COMPLAINT, 'write', [cid], complete_form(petugas))
    press(petugas, cid, 'escalate', "Perlu keputusan Kasubsi.")
    assert read(kasubsi, cid, ['state'])['state'] == 'subsection'

    press(kasubsi, cid, 'request_direction', "Mohon arahan Kasi.")
    assert read(kasi, cid, ['state'])['state'] == 'section'
    press(kasi, cid, 'give_direction', "Buka loket tambahan sore hari.")
    press(kasubsi, cid, 'forward', "Teruskan ke petugas.")
    press(petugas, cid, 'complete', "Loket tambahan dibuka; pengadu dihubungi.")

    complaint = read(petugas, cid, ['state', 'resolution', 'steps'])
    assert complaint['state'] == 'done'
    assert complaint['resolution'] == "Loket tambahan dibuka; pengadu dihubungi."
    steps = petugas.model(STEP, 'read',
        complaint['steps'], ['step', 'ended', 'note', 'user', 'action'])
    assert sorted(s['step'] for s in steps) == sorted(
        ['intake', 'subsection', 'section', 'directed', 'resolution'])
    assert all(s['ended'] for s in steps)
    section, = [s for s in steps if s['step'] == 'section']
    assert (section['note'], section['user'], section['action']) == (
        "Buka loket tambahan sore hari.", kasi.user_id, 'give_direction')


def test_walk_in_directed_then_referred(server, users):
    "direct by its button, no note; a referral with its agency in one call"
    duta, petugas = users['duta'], users['petugas']
    party, = duta.model('party.party', 'search', [], 0, 1, None)
    cid, = duta.model(COMPLAINT, 'create', [{
                'subject': "Data NIK di KTP berbeda dengan akta",
                'complainant': party}])
    assert read(duta, cid, ['state'])['state'] == 'reception'
    press(duta, cid, 'direct')
    assert read(petugas, cid, ['state'])['state'] == 'intake'

    note = marked("Data kependudukan bukan wewenang imigrasi.")
    press(petugas, cid, 'refer', note,
        referred_to="  Dinas Dukcapil Kab. Pamekasan ")
    complaint = read(petugas, cid,
        ['state', 'referred_to', 'resolution', 'steps'])
    assert complaint['state'] == 'referred'
    assert complaint['referred_to'] == "Dinas Dukcapil Kab. Pamekasan"
    assert complaint['resolution'] == note
    # Where a note done with its action is kept (what refused() looks at).
    assert {'yankomas_complaint_step.note', 'yankomas_complaint.resolution'
        } <= set(server.holding(note))
    reception, intake = petugas.model(STEP, 'read', complaint['steps'],
        ['step', 'action', 'note', 'user'])
    assert (reception['action'], reception['note'], reception['user']) == (
        'direct', None, duta.user_id)
    assert (intake['action'], intake['user']) == ('refer', petugas.user_id)


def refused(server, client, cid, button, note, reader=None, **context):
    """act refused with a user error (never a server error), nothing moved
    (as reader sees it, by default client) and the note stored nowhere in
    the database: the error."""
    reader = reader or client
    shown = ['state', 'steps', 'resolution', 'write_date']
    before = read(reader, cid, shown)
    with pytest.raises(RPCError) as info:
        press(client, cid, button, note, context=context)
    error = info.value
    assert error.user_error, f"server error: {error.args}"
    assert read(reader, cid, shown) == before
    if isinstance(note, str) and note.strip():
        assert server.holding(note) == []
    return error


@pytest.mark.parametrize('button,note,fragment', [
        ('terbang', "Tindakan yang tidak ada", 'Tidak ada tindakan "terbang"'),
        ('_advance', "Metode dalam, bukan tombol", 'Tidak ada tindakan'),
        ('escalate', "", 'tuliskan di catatan'),
        ('escalate', "  \n\t ", 'tuliskan di catatan'),
        ('escalate', None, 'tuliskan di catatan'),
        ('escalate', 42, 'tuliskan di catatan'),
        ('escalate', ["Perlu keputusan Kasubsi."], 'tuliskan di catatan'),
        ('cancel', "n" * 10_001, 'terlalu panjang (10001 > 10000 karakter)'),
        ('complete', "Selesai sebelum gilirannya", 'complete'),
        ], ids=['unknown action', 'a method not a button', 'empty note',
        'blank note', 'no note', 'a number', 'a list', 'a note too long',
        'a step not reached'])
def test_act_refused(server, users, phone_complaint, button, note, fragment):
    petugas, cid = users['petugas'], phone_complaint
    petugas.model(COMPLAINT, 'write', [cid], complete_form(petugas))
    if isinstance(note, str) and note.strip() and len(note) < 100:
        note = marked(note)
    error = refused(server, petugas, cid, button, note)
    assert fragment in error.message, error.message
    assert read(petugas, cid, ['state'])['state'] == 'intake'


@pytest.mark.parametrize('login,button', [
        ('kasi', 'decide'), ('petugas', 'request_direction'),
        ('duta', 'decide')])
def test_act_without_the_buttons_group(server, users, at_subsection, login,
        button):
    "refused as the button is, nothing moved, the note nowhere"
    error = refused(server, users[login], at_subsection, button,
        marked("Bukan tombol peran saya."), reader=users['kasubsi'])
    # The service ambassador does not even see it past the reception.
    assert (button if login != 'duta' else 'tahap penerimaan') in (
        error.message), error.message
    assert read(users['kasubsi'], at_subsection, ['state'])['state'] == (
        'subsection')


def test_petugas_may_not_give_direction(server, users, at_subsection):
    "neither by the button nor by act"
    petugas, kasubsi, kasi = users['petugas'], users['kasubsi'], users['kasi']
    cid = at_subsection
    press(kasubsi, cid, 'request_direction', "Mohon arahan Kasi.")
    with pytest.raises(RPCError) as error:
        petugas.model(COMPLAINT, 'give_direction', [cid])
    kind, (message, *_) = error.value.args
    assert kind == 'UserError' and 'give_direction' in message
    error = refused(server, petugas, cid, 'give_direction',
        marked("Buka loket tambahan."))
    assert 'give_direction' in error.message
    assert read(kasi, cid, ['state'])['state'] == 'section'


def test_act_on_what_was_read_before_another_moved_it(server, users):
    """The officer read the complaint at reception (its _timestamp, as the
    web client sends it); the service ambassador directs it meanwhile: the
    officer's action is refused, naming who moved it and when."""
    duta, petugas = users['duta'], users['petugas']
    party, = duta.model('party.party', 'search', [], 0, 1, None)
    cid, = duta.model(COMPLAINT, 'create', [{
                'subject': "Menanyakan jadwal wawancara", 'complainant': party}])
    key = f'{COMPLAINT},{cid}'
    seen = read(petugas, cid, ['_timestamp', 'state'])
    assert seen['state'] == 'reception'
    press(duta, cid, 'direct')

    note = marked("Pengadu sudah pulang.")
    error = refused(server, petugas, cid, 'cancel', note,
        _timestamp={key: seen['_timestamp']})
    steps = read(petugas, cid, ['steps'])['steps']
    reception = petugas.model(STEP, 'read', steps[:1], ['ended'])[0]
    when = moment(reception['ended']).astimezone(WIB).strftime(
        '%d/%m/%Y %H:%M WIB')
    name = duta.model('res.user', 'read', [duta.user_id], ['name'])[0]['name']
    assert f'sudah diproses oleh {name} pada {when}' in error.message, (
        error.message)
    assert read(petugas, cid, ['state'])['state'] == 'intake'


def test_act_on_what_was_read_after_the_last_move(users):
    """The version read after the last move is the current one: the action
    is done. Several complaints, so that every rounding of the _timestamp
    the database gives (SQLite's keeps 15 digits) is met."""
    duta, petugas = users['duta'], users['petugas']
    party, = duta.model('party.party', 'search', [], 0, 1, None)
    cids = duta.model(COMPLAINT, 'create', [{
                'subject': "Menanyakan syarat paspor anak",
                'complainant': party} for _ in range(8)])
    for cid in cids:
        press(duta, cid, 'direct')
        seen = read(petugas, cid, ['_timestamp'])
        press(petugas, cid, 'cancel', "Pengadu sudah mendapat jawaban.",
            context={'_timestamp': {
                    f'{COMPLAINT},{cid}': seen['_timestamp']}})
    assert {c['state'] for c in petugas.model(COMPLAINT, 'read', cids,
            ['state'])} == {'cancelled'}


def test_referred_to_written_by_the_referral_only(server, users,
        phone_complaint):
    petugas, cid = users['petugas'], phone_complaint
    agency = marked("Dinas Dukcapil")
    before = read(petugas, cid, ['referred_to', 'write_date'])
    with pytest.raises(RPCError) as info:
        petugas.model(COMPLAINT, 'write', [cid], {'referred_to': agency})
    assert info.value.user_error, info.value.args
    assert 'hanya dapat diubah melalui tombol pengaduan' in (
        info.value.message)
    assert read(petugas, cid, ['referred_to', 'write_date']) == before
    assert server.holding(agency) == []
    # Nor slipped in with a complaint.
    with pytest.raises(RPCError) as info:
        petugas.model(COMPLAINT, 'create', [{'channel': 'phone',
                    'subject': "Rujukan palsu", 'complainant': read(
                        petugas, cid, ['complainant'])['complainant'],
                    'referred_to': agency}])
    assert info.value.user_error, info.value.args
    assert server.holding(agency) == []
