"""`make production` on PostgreSQL, as the README starts it: its own
database (make production-database with the demo office), two gunicorn
workers, trytond-cron and trytond-worker, e-mail to a real SMTP server.
A full SOP path, a board move and a digest run against it; its health
check; Ctrl-C and a taken port leave no process behind.

Run once, on PostgreSQL (YANKOMAS_E2E_DB=postgresql). Every process the
test starts carries YANKOMAS_PRODUCTION_TEST in its environment: that is
how the test finds what is left, forked workers and orphans included, and
kills it when failing.
"""
import datetime as dt
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, wait as wait_all

import pytest

from conftest import (
    BACKEND, ROOT, Server, _free_port, _postgresql, health, kill_marked,
    marked, production_database, production_env, wait_for)
from test_board import board_url, http
from test_rpc import complete_form, press, read

pytestmark = pytest.mark.skipif(BACKEND != 'postgresql',
    reason="the production deployment runs on PostgreSQL only")

COMPLAINT = 'yankomas.complaint'
URI = 'postgresql://'
WORKERS = 2
# The public look-up's floor of time in this deployment, long enough for a
# staff call to be answered while the look-ups wait it out.
LOOKUP_FLOOR = 6


def open_every_day(database):
    """Make today a working day whose digest time has passed, whatever the
    day the test runs on: no holiday or special period around today, hours
    on every weekday, a digest at midnight."""
    today = dt.date.today()
    around = (today - dt.timedelta(days=1), today + dt.timedelta(days=1))
    statements = [
        ('DELETE FROM company_working_calendar_holiday'
            ' WHERE date BETWEEN %s AND %s', around),
        ('DELETE FROM company_working_calendar_period'
            ' WHERE first <= %s AND last >= %s', around[::-1]),
        ('INSERT INTO company_working_calendar_hours'
            ' (calendar, weekday, start, "end", create_uid, create_date)'
            " SELECT c.id, d, '00:00', '23:59', 0, now()"
            ' FROM company_working_calendar c,'
            " unnest(ARRAY['0','1','2','3','4','5','6']) d"
            ' WHERE NOT EXISTS (SELECT 1 FROM company_working_calendar_hours'
            ' h WHERE h.calendar = c.id AND h.weekday = d'
            ' AND h.period IS NULL)', ()),
        ("UPDATE company_working_calendar SET digest_times = '00:00'", ()),
        ]
    import psycopg
    with psycopg.connect(URI, dbname=database) as conn:
        for statement, params in statements:
            conn.execute(statement, params)


class Deployment:
    "`make production` started in a session of its own, as from a terminal."

    def __init__(self, folder, database, port, env):
        self.folder, self.database, self.env = folder, database, env
        self.port = port
        self.url = f'http://127.0.0.1:{port}/'
        self.process = None

    def make(self, target, port=None):
        # Once built, the database is not updated again when someone edits
        # a module meanwhile (-o: its stamp is taken as up to date).
        keep = ['-o', f'{self.folder}/{self.database}.stamp'] if (
            target == 'production') else []
        return ['make', '--no-print-directory', target, *keep,
            f'PRODUCTION_DB={self.database}',
            f'PRODUCTION_VAR={self.folder}',
            f'PRODUCTION_LISTEN=127.0.0.1:{port or self.port}',
            f'PRODUCTION_WORKERS={WORKERS}', 'PRODUCTION_DEMO=yes']

    def log(self, name):
        return (self.folder / f'{name}.out').open('ab')

    def build(self):
        production_database(self.folder, self.database, self.env)

    def start(self, port=None):
        with self.log('production') as output:
            return subprocess.Popen(self.make('production', port), cwd=ROOT,
                env=self.env, stdout=output, stderr=subprocess.STDOUT,
                start_new_session=True)

    def logs(self):
        "The logs of the deployment, for a failure's message."
        text = []
        for path in sorted(self.folder.glob('*.out')) + sorted(
                (self.folder / 'log').glob('*.log')):
            text.append(f'== {path.name}\n' + path.read_text(
                    errors='replace')[-3000:])
        return '\n'.join(text)

    def interrupt(self, process):
        "Ctrl-C as a terminal sends it: to the whole foreground group."
        os.killpg(process.pid, signal.SIGINT)
        return process.wait(60)


@pytest.fixture(scope='module')
def deployment(tmp_path_factory, mailbox):
    folder = tmp_path_factory.mktemp('production')
    database = f'yankomas_production_{os.getpid()}'
    port = _free_port()
    env = production_env(database, TRYTOND_EMAIL__URI=mailbox.uri,
        TRYTOND_EMAIL__FROM='yankomas@imigrasi.example',
        TRYTOND_WEB__HOSTNAME=f'127.0.0.1:{port}',
        TRYTOND_YANKOMAS_PUBLIC__LOOKUP_FLOOR=str(LOOKUP_FLOOR))
    deployment = Deployment(folder, database, port, env)
    try:
        deployment.build()
        open_every_day(database)
        process = deployment.process = deployment.start()
        wait_for(lambda: health(deployment.url) == 200
            or process.poll() is not None, 180)
        if health(deployment.url) != 200:
            pytest.fail("make production did not answer on /health:\n"
                + deployment.logs())
        yield deployment
    finally:
        if deployment.process and deployment.process.poll() is None:
            deployment.interrupt(deployment.process)
        kill_marked(database)
        _postgresql(URI, f'DROP DATABASE IF EXISTS "{database}" (FORCE)')


@pytest.fixture(scope='module')
def server(deployment):
    "The deployment as the e2e helpers know a server."
    server = Server(deployment.url, deployment.database, None)
    server.uri = URI
    return server


def test_serves_the_web_client(deployment):
    with urllib.request.urlopen(deployment.url, timeout=10) as response:
        assert response.status == 200
        assert b'sao' in response.read().lower()


def test_full_sop_path(server):
    "petugas escalates with a note, kasubsi decides, petugas completes"
    petugas, kasubsi = server.login('petugas'), server.login('kasubsi')
    cid, = petugas.model(COMPLAINT, 'create', [dict(complete_form(petugas),
                channel='phone', subject="Uji produksi")])
    press(petugas, cid, 'escalate', "Perlu keputusan Kasubsi.")
    assert read(kasubsi, cid, ['state'])['state'] == 'subsection'
    press(kasubsi, cid, 'decide', "Loket dibuka sesuai jadwal.")
    press(petugas, cid, 'complete', "Pengadu dihubungi; loket dibuka.")
    complaint = read(petugas, cid, ['state', 'steps'])
    assert complaint['state'] == 'done'
    steps = petugas.model('yankomas.complaint.step', 'read',
        complaint['steps'], ['step', 'user', 'note'])
    acted = {s['step']: (s['user'], s['note']) for s in steps}
    assert acted == {
        'intake': (petugas.user_id, "Perlu keputusan Kasubsi."),
        'subsection': (kasubsi.user_id, "Loket dibuka sesuai jadwal."),
        'resolution': (petugas.user_id, "Pengadu dihubungi; loket dibuka."),
        }


def test_board_move(server):
    petugas, kasubsi = server.login('petugas'), server.login('kasubsi')
    cid, = petugas.model(COMPLAINT, 'create', [dict(complete_form(petugas),
                channel='phone', subject="Uji papan produksi")])
    press(petugas, cid, 'escalate', "Perlu keputusan Kasubsi.")
    status, body = http(board_url(server, '/move'), {
            'complaint': cid, 'source': 'subsection', 'target': 'resolution',
            'note': "Diputuskan dari papan."}, auth=kasubsi.auth)
    assert status == 200, body
    assert read(kasubsi, cid, ['state'])['state'] == 'resolution'


def test_digest_sent_by_the_queue_worker(deployment, server, mailbox):
    """The digest job (trytond-cron's every minute) run once more over RPC:
    every digest is sent, through the queue worker, to the SMTP server"""
    admin = server.login('admin')
    cron, = admin.model('ir.cron', 'search',
        [('method', '=', 'yankomas.mail|send_digests')], 0, None, None)
    admin.model('ir.cron', 'run_once', [cron])

    def sent():
        mails = admin.model('yankomas.mail', 'search_read',
            [('kind', '=', 'digest')], 0, None, None,
            ['email', 'subject', 'state'])
        return mails if mails and all(
            m['state'] == 'sent' for m in mails) else None
    mails = wait_for(sent, 60)
    assert mails, "no digest sent"
    for mail in mails:
        received = mailbox.to(mail['email'])
        assert mail['subject'] in [m['Subject'] for m in received]
    worker = (deployment.folder / 'log' / 'worker.log').read_text()
    assert f'@{deployment.database}> in ' in worker  # a task it ran


def test_public_look_ups_do_not_hold_the_staff(deployment, server):
    """A look-up waiting out its floor of time holds a thread, not a
    worker: with twice as many look-ups waiting as there are workers, a
    staff call is answered while every one of them still waits."""
    url = (f'{deployment.url}{deployment.database}'
        '/yankomas/public/track/NOT-A-CODE')

    def look_up():
        try:
            urllib.request.urlopen(url, timeout=60)
        except urllib.error.HTTPError as error:
            return error.code

    petugas = server.login('petugas')
    with ThreadPoolExecutor(WORKERS * 2) as pool:
        look_ups = [pool.submit(look_up) for _ in range(WORKERS * 2)]
        time.sleep(1)  # for them to reach the workers, within the floor
        petugas.model('res.user', 'read', [petugas.user_id], ['login'])
        waiting = sum(not f.done() for f in look_ups)
        wait_all(look_ups)
    assert [f.result() for f in look_ups] == [404] * len(look_ups)
    assert waiting == len(look_ups)


def test_logs_to_files(deployment):
    logs = deployment.folder / 'log'
    for name in ['trytond', 'access', 'cron', 'worker']:
        assert (logs / f'{name}.log').stat().st_size, name


def test_health_follows_the_database(deployment):
    "503 while the database refuses connections, 200 again after"
    assert health(deployment.url) == 200
    database = deployment.database
    _postgresql(URI, f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
    try:
        _postgresql(URI, 'SELECT pg_terminate_backend(pid)'
            f" FROM pg_stat_activity WHERE datname = '{database}'")
        assert health(deployment.url) == 503
    finally:
        _postgresql(URI, f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    assert wait_for(lambda: health(deployment.url) == 200, 30)


def test_ctrl_c_leaves_nothing(deployment):
    assert len(marked(deployment.database)) >= 6  # make, shells, servers
    status = deployment.interrupt(deployment.process)
    assert status != 0
    assert wait_for(lambda: not marked(deployment.database), 10), (
        marked(deployment.database))
    assert health(deployment.url) is None


def test_taken_port_fails_and_leaves_nothing(deployment):
    with socket.socket() as taken:
        taken.bind(('127.0.0.1', 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = deployment.start(port)
        try:
            status = process.wait(90)
        except subprocess.TimeoutExpired:
            deployment.interrupt(process)
            pytest.fail("make production ran on a taken port:\n"
                + deployment.logs())
    assert status != 0
    assert wait_for(lambda: not marked(deployment.database), 10), (
        marked(deployment.database))
    assert 'Connection in use' in deployment.logs()
