"""The running server over JSON-RPC, as each role of the SOP."""
import pytest

from conftest import RPCError

COMPLAINT = 'yankomas.complaint'
VALID_NIK = '3527014107900001'


def press(client, complaint_id, button, note=None):
    "Write the note of the step, then press the button, as sao does."
    if note is not None:
        client.model(COMPLAINT, 'write', [complaint_id], {'note': note})
    client.model(COMPLAINT, button, [complaint_id])


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


@pytest.fixture(scope='module')
def users(server):
    return {login: server.login(login)
        for login in ['petugas', 'kasubsi', 'kasi']}


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
    steps = petugas.model('yankomas.complaint.step', 'read',
        complaint['steps'], ['step', 'ended', 'note'])
    assert sorted(s['step'] for s in steps) == sorted(
        ['intake', 'subsection', 'section', 'directed', 'resolution'])
    assert all(s['ended'] for s in steps)
    assert "Buka loket tambahan sore hari." in [s['note'] for s in steps]


def test_petugas_may_not_give_direction(users, phone_complaint):
    petugas, kasubsi, kasi = users['petugas'], users['kasubsi'], users['kasi']
    cid = phone_complaint
    petugas.model(COMPLAINT, 'write', [cid], complete_form(petugas))
    press(petugas, cid, 'escalate', "Perlu keputusan Kasubsi.")
    press(kasubsi, cid, 'request_direction', "Mohon arahan Kasi.")

    kasi.model(COMPLAINT, 'write', [cid], {'note': "Buka loket tambahan."})
    with pytest.raises(RPCError) as error:
        petugas.model(COMPLAINT, 'give_direction', [cid])
    kind, (message, *_) = error.value.args
    assert kind == 'UserError' and 'give_direction' in message
    assert read(kasi, cid, ['state'])['state'] == 'section'


def test_escalate_needs_a_note(users, phone_complaint):
    petugas = users['petugas']
    cid = phone_complaint
    petugas.model(COMPLAINT, 'write', [cid], complete_form(petugas))
    with pytest.raises(RPCError) as error:
        petugas.model(COMPLAINT, 'escalate', [cid])
    number = read(petugas, cid, ['number'])['number']
    assert number in error.value.args[1][0]
    assert read(petugas, cid, ['state'])['state'] == 'intake'
