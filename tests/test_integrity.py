"""The hash chains of the demo office, checked over RPC and by the
operator's command, before and after a row is edited with SQL."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, RPCError

COMPLAINT = 'yankomas.complaint'
VERIFY = Path(sys.executable).parent / 'yankomas-verify'


def verify_command(server, *numbers):
    return subprocess.run(
        [VERIFY, '-c', server.config, '-d', server.database, *numbers],
        capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope='module')
def kakan(server):
    return server.login('kakan')


def test_demo_chains_verify(server, kakan):
    assert kakan.model(COMPLAINT, 'verify_integrity', []) == []
    result = verify_command(server)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ' OK' in result.stdout


def test_only_head_of_office_and_admin_verify(server):
    assert server.login('admin').model(COMPLAINT, 'verify_integrity', []) == []
    for login in ['duta', 'petugas', 'kasubsi', 'kasi']:
        with pytest.raises(RPCError) as error:
            server.login(login).model(COMPLAINT, 'verify_integrity', [])
        assert error.value.user_error, error.value
        assert 'Kepala Kantor' in error.value.message or (
            'kepala kantor' in error.value.message.lower())


@pytest.mark.parametrize('ids', ['semua', [0], [-1], ['1'], [True], [2 ** 40],
        {'id': 1}])
def test_malformed_ids_refused(kakan, ids):
    with pytest.raises(RPCError) as error:
        kakan.model(COMPLAINT, 'verify_integrity', ids)
    assert error.value.user_error, error.value
    assert 'daftar' in error.value.message


def test_step_edited_with_sql_is_found(server, kakan):
    (complaint_id, number, step_id, note), = server.sql(
        'SELECT c.id, c.number, s.id, s.note FROM yankomas_complaint c '
        'JOIN yankomas_complaint_step s ON s.complaint = c.id '
        "WHERE c.state = 'done' AND s.ended IS NOT NULL "
        'ORDER BY c.id, s.id LIMIT 1')
    server.sql('UPDATE yankomas_complaint_step SET note = ? WHERE id = ?',
        ('Diubah langsung di basis data.', step_id))
    try:
        assert kakan.model(COMPLAINT, 'verify_integrity', []) == [
            complaint_id]
        assert kakan.model(COMPLAINT, 'verify_integrity', [complaint_id]) == [
            complaint_id]
        result = verify_command(server)
        assert result.returncode == 1, result.stdout + result.stderr
        assert number in result.stdout
        unrelated = verify_command(server, 'NO-SUCH-NUMBER')
        assert unrelated.returncode == 2
    finally:
        server.sql('UPDATE yankomas_complaint_step SET note = ? WHERE id = ?',
            (note, step_id))
    assert kakan.model(COMPLAINT, 'verify_integrity', []) == []
