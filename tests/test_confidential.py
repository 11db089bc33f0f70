"""Who sees the identity of a confidential complaint, on the running server:
every role of the demo office × every identity field × every surface (RPC
read as the form and the list do, search, export, the printed form, the
board, the e-mails, the reporting), for an ordinary, a confidential, an
anonymous complaint and the demo's integrity reports; and the read log of
what was shown."""
import base64
import io
import json

import pytest
from pypdf import PdfReader

from conftest import RPCError
from test_board import board_url, http
from test_rpc import press

COMPLAINT = 'yankomas.complaint'
NIK = '3527014107900001'
ROLES = ['duta', 'petugas', 'kasubsi', 'kasi', 'kakan', 'pengawas', 'admin',
    'pdp']
# The office's default: the complaint officer and the head of office.
SEE = {'petugas', 'kakan'}
# Who reads a complaint in handling at all (the Duta reads reception only).
READERS = [r for r in ROLES if r != 'duta']
# The identity as given, by field; the party's name is complainant_name.
GIVEN = {
    'complainant_name': "Rara Anindita Putri",
    'id_number': NIK,
    'phone': '081355501234',
    'email': 'rara.anindita@example.org',
    'address': "Jl. Kabupaten 17, Pamekasan",
    'represented_name': "Bima Aryasatya",
    'power_of_attorney': "SK-77/III/2026",
    }
MASK = 'Dirahasiakan'
SUBJECT = {
    'secret': "Sikap petugas loket (uji rahasia)",
    'ordinary': "Sikap petugas loket (uji biasa)",
    }


def pdf_text(content):
    if isinstance(content, dict):  # JSON-RPC sends bytes as base64
        content = base64.b64decode(content['base64'])
    reader = PdfReader(io.BytesIO(content))
    return ' '.join(' '.join(p.extract_text().split()) for p in reader.pages)


@pytest.fixture(scope='module')
def clients(server):
    return {login: server.login(login) for login in ROLES}


@pytest.fixture(scope='module')
def complaints(clients):
    """A confidential complaint at the head of subsection, an ordinary
    one by the same person, and an anonymous LAPOR! report."""
    petugas = clients['petugas']
    party, = petugas.model('party.party', 'create', [
            {'name': GIVEN['complainant_name']}])
    category, = petugas.model('yankomas.complaint.category', 'search',
        [('code', '=', 'conduct')], 0, 1, None)
    identity = {n: v for n, v in GIVEN.items() if n != 'complainant_name'}
    common = dict(identity, channel='phone', complainant=party,
        id_type='nik', representation='representative', category=category,
        description="Petugas loket membentak pemohon.", loss="Tidak ada",
        requested_resolution="Petugas yang bersangkutan ditegur.")
    secret, ordinary = petugas.model(COMPLAINT, 'create', [
            dict(common, subject=SUBJECT['secret'], confidential=True),
            dict(common, subject=SUBJECT['ordinary'])])
    anonymous, = petugas.model(COMPLAINT, 'create', [{
                'channel': 'lapor', 'anonymous': True,
                'subject': "Laporan tanpa nama (uji)",
                'received_reason': "Laporan SP4N-LAPOR!"}])
    press(petugas, secret, 'escalate', "Perlu keputusan Kasubsi.")
    return {'secret': secret, 'ordinary': ordinary, 'anonymous': anonymous,
        'party': party}


def read(client, complaint_id):
    row, = client.model(COMPLAINT, 'read', [complaint_id], sorted(GIVEN) + [
            'complainant', 'complainant.rec_name', 'id_type',
            'id_type:string', 'subject', 'description', 'category',
            'identity_hidden'])
    return row


@pytest.mark.parametrize('role', ROLES)
def test_read(clients, complaints, role):
    client = clients[role]
    if role == 'duta':
        with pytest.raises(RPCError) as error:
            read(client, complaints['secret'])
        assert error.value.user_error
        return
    row = read(client, complaints['secret'])
    assert row['subject'] == SUBJECT['secret']
    assert row['description'] == "Petugas loket membentak pemohon."
    assert row['category']
    if role in SEE:
        assert {n: row[n] for n in GIVEN} == GIVEN
        assert row['complainant.']['rec_name'] == GIVEN['complainant_name']
        assert row['id_type'] == 'nik'
        assert not row['identity_hidden']
    else:
        assert {n: row[n] for n in GIVEN} == {n: MASK for n in GIVEN}
        assert row['complainant'] is None and row['complainant.'] is None
        assert row['id_type'] is None and row['id_type:string'] == MASK
        assert row['identity_hidden']
    ordinary = read(client, complaints['ordinary'])
    assert {n: ordinary[n] for n in GIVEN} == GIVEN
    anonymous = read(client, complaints['anonymous'])
    assert not any(anonymous[n] for n in GIVEN)


@pytest.mark.parametrize('role', READERS)
def test_search(clients, complaints, role):
    client = clients[role]
    expected = {complaints['ordinary']}
    if role in SEE:
        expected.add(complaints['secret'])
    clauses = [(n, '=', v) for n, v in GIVEN.items()] + [
        ('complainant', '=', complaints['party']),
        ('complainant.name', 'ilike', '%Anindita%'),
        ('id_number', '!=', '0000000000000000'),
        ('phone', 'ilike', '%5550%'),
        ]
    for clause in clauses:
        found = set(client.model(COMPLAINT, 'search', [clause,
                    ('subject', 'in', [SUBJECT['secret'], SUBJECT['ordinary']]),
                    ], 0, None, None))
        assert found == expected, (role, clause)
    steps = client.model('yankomas.complaint.step', 'search_read', [
            ('complaint.phone', '=', GIVEN['phone']),
            ('complaint.subject', 'in', list(SUBJECT.values()))],
        0, None, None, ['complaint'])
    assert {s['complaint'] for s in steps} == expected, role
    parties = client.model('party.party', 'search', [
            ('yankomas_complaints', '=', complaints['secret'])], 0, None,
        None)
    assert parties == ([complaints['party']] if role in SEE else [])


@pytest.mark.parametrize('role', READERS)
def test_export(clients, complaints, role):
    names = ['subject', 'complainant/name', 'complainant_name', 'id_number',
        'phone', 'email', 'address', 'represented_name', 'power_of_attorney']
    row, = clients[role].model(COMPLAINT, 'export_data',
        [complaints['secret']], names, False)
    assert row[0] == SUBJECT['secret']
    if role in SEE:
        assert row[1:] == [GIVEN['complainant_name']] + [
            GIVEN[n] for n in names[2:]]
    else:
        assert row[1:] == [MASK] * (len(names) - 1)


@pytest.mark.parametrize('role', ['petugas', 'kasubsi', 'kasi', 'kakan',
        'admin'])
def test_printed_form(clients, complaints, role):
    client = clients[role]
    _, content, _, _ = client.call('report.yankomas.complaint.form.execute',
        [complaints['secret']], {}, client.context)
    text = pdf_text(content)
    assert SUBJECT['secret'] in text
    printed = {n for n, v in GIVEN.items() if v in text}
    if role in SEE:
        assert printed == set(GIVEN)
    else:
        assert printed == set()
        assert MASK in text


@pytest.mark.parametrize('role', ['duta', 'petugas', 'kasubsi', 'kasi',
        'kakan'])
def test_board_and_pivot_never_show_identity(server, clients, complaints,
        role):
    auth = clients[role].auth
    for path in ['/cards?state=subsection', '/cards?state=intake',
            '/pivot.csv?rows=state&cols=category']:
        status, body = http(board_url(server, path), auth=auth)
        assert status == 200, (path, body)
        assert not [v for v in GIVEN.values() if v in body], (role, path)
    status, body = http(board_url(server, '/cards?state=subsection'),
        auth=auth)
    if role != 'duta':
        assert "(uji rahasia)" in body


def test_reporting_never_shows_identity(clients, complaints):
    for model in ['yankomas.reporting.category', 'yankomas.reporting.step',
            'yankomas.reporting.officer', 'yankomas.reporting.channel']:
        rows = clients['kakan'].model(model, 'search_read', [], 0, None,
            None, [])
        text = json.dumps(rows)
        assert not [v for v in GIVEN.values() if v in text], model


def test_emails_never_show_identity(server, complaints):
    bodies = server.sql(
        'SELECT subject, body_text, body_html FROM yankomas_mail '
        'WHERE complaint = ?', (complaints['secret'],))
    assert bodies, "the escalation tells the head of subsection"
    text = json.dumps(bodies)
    assert not [v for v in GIVEN.values() if v in text]


def test_hidden_identity_cannot_be_changed_or_lifted(clients, complaints):
    kasubsi = clients['kasubsi']
    for values in [{'phone': '081200000000'}, {'confidential': False},
            {'complainant': complaints['party']}]:
        with pytest.raises(RPCError) as error:
            kasubsi.model(COMPLAINT, 'write', [complaints['secret']], values)
        assert error.value.user_error
        assert 'dirahasiakan' in error.value.message
    with pytest.raises(RPCError):
        kasubsi.model(COMPLAINT, 'copy', [complaints['secret']],
            {'confidential': False})
    assert read(clients['petugas'], complaints['secret'])['phone'] == (
        GIVEN['phone'])


def test_read_log(server, clients, complaints):
    "What was shown is logged, what was masked is not; only some read it"
    before = server.sql('SELECT COUNT(*) FROM yankomas_privacy_disclosure')
    read(clients['kasubsi'], complaints['secret'])
    read(clients['petugas'], complaints['ordinary'])
    assert server.sql(
        'SELECT COUNT(*) FROM yankomas_privacy_disclosure') == before
    read(clients['kakan'], complaints['secret'])
    logs = clients['pdp'].model('yankomas.privacy.disclosure', 'search_read',
        [('complaint', '=', complaints['secret'])], 0, None, None,
        ['user', 'surface'])
    readers = {(log['user'], log['surface']) for log in logs}
    assert (clients['kakan'].user_id, 'screen') in readers
    assert (clients['petugas'].user_id, 'screen') in readers
    assert not {clients[r].user_id for r in ROLES if r not in SEE} & {
        u for u, _ in readers}
    assert clients['kakan'].model('yankomas.privacy.disclosure',
        'search_count', [])
    for role in ['duta', 'petugas', 'kasubsi', 'kasi']:
        with pytest.raises(RPCError):
            clients[role].model('yankomas.privacy.disclosure', 'search',
                [], 0, None, None)


# The integrity reports of the demo (WBS/...): the internal oversight unit
# and the head of office only.
INTEGRITY_READERS = {'pengawas', 'kakan'}


@pytest.fixture(scope='module')
def reports(server):
    rows = server.sql(
        'SELECT id, number, subject FROM yankomas_complaint '
        'WHERE number LIKE ? ORDER BY id', ('WBS/%',))
    assert len(rows) == 2, rows
    return rows


@pytest.mark.parametrize('role', ROLES)
def test_integrity_reports_only_for_their_readers(clients, reports, role):
    client = clients[role]
    ids = [r[0] for r in reports]
    found = set()
    for domain in [[('integrity', '=', True)], [('number', 'like', 'WBS%')],
            [('id', 'in', ids)],
            [('subject', 'in', [r[2] for r in reports])]]:
        found |= set(client.model(COMPLAINT, 'search', domain, 0, None,
                None))
    steps = client.model('yankomas.complaint.step', 'search',
        [('complaint', 'in', ids)], 0, None, None)
    if role in INTEGRITY_READERS:
        assert found == set(ids)
        assert steps
        row, = client.model(COMPLAINT, 'read', [ids[0]],
            ['state', 'number', 'complainant_name'])
        assert row['state'] == 'forwarded'
    else:
        assert found == set() and steps == [], role
        with pytest.raises(RPCError) as error:
            client.model(COMPLAINT, 'read', [ids[0]], ['subject'])
        assert error.value.user_error


@pytest.mark.parametrize('role', ['duta', 'petugas', 'kasubsi', 'kasi',
        'kakan'])
def test_integrity_reports_stay_off_the_board(server, clients, reports,
        role):
    auth = clients[role].auth
    for path in ['/cards?state=%s' % s for s in ['reception', 'intake',
                'subsection', 'section', 'directed', 'resolution', 'done',
                'cancelled']] + ['/pivot.csv?rows=state&cols=category',
            '/data']:
        status, body = http(board_url(server, path), auth=auth)
        assert status == 200, (path, body)
        assert 'WBS/' not in body, (role, path)
        assert not [r[2] for r in reports if r[2] in body], (role, path)


def test_integrity_reports_mail_only_their_readers(server, clients,
        reports):
    recipients = {r for r, in server.sql(
            'SELECT recipient FROM yankomas_mail WHERE complaint IN (?, ?)',
            tuple(r[0] for r in reports))}
    readers = {clients[r].user_id for r in INTEGRITY_READERS}
    assert recipients <= readers, recipients
