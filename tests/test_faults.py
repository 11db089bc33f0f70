"""Faults of the production deployment on PostgreSQL (issue 16, part 3).

The test starts each process of `make production` itself, as the Makefile
does (PYTHONOPTIMIZE=1, config/production.conf): gunicorn with two workers
(4 threads each) on tools/wsgi.py, trytond-cron and trytond-worker, so
that each can be killed (kill -9) and started again on its own, on a
database of its own with the demo office (make production-database),
e-mail going to a real SMTP server in this process that accepts each
message slowly. Then:

* a WSGI worker killed during a load of intakes: every acknowledged
  complaint is there with its number and its one open step, nothing is
  half-written, a failed request got an error, never a wrong answer;
* the clerks of one office creating at the same moment: each waits for the
  office's register and none is refused;
* the SMTP server down, then up: the messages wait, failed with their
  error and their attempts counted, and the scheduler's retry delivers
  each one once;
* the queue worker, then the scheduler, killed while sending: every
  message is delivered, a message delivered twice carries the same
  Message-ID both times, none is left queued or failed;
* two clients acting on one complaint at the same moment (the 200 races of
  issue 16 part 1): exactly one acts, the other is refused, and the
  history holds only the winner's note under the winner's name.

Run once, on PostgreSQL (YANKOMAS_E2E_DB=postgresql). The scheduler runs
the jobs that are due when it starts, then once a minute: where the test
cannot wait for the minute, it makes the e-mail retry due and starts the
scheduler (tick()).
"""
import collections
import http.client
import importlib.util
import itertools
import os
import signal
import subprocess
import threading
import time
import urllib.error

import pytest

from conftest import (
    BACKEND, BIN, ROOT, Mailbox, RPCError, Server, _free_port, _postgresql,
    health, kill_marked, production_database, production_env, wait_for)
from test_rpc import complete_form, press

pytestmark = pytest.mark.skipif(BACKEND != 'postgresql',
    reason="the production deployment runs on PostgreSQL only")

COMPLAINT = 'yankomas.complaint'
URI = 'postgresql://'
SENDER = 'yankomas@imigrasi.example'
RETRY = 'yankomas.mail|send_pending'
# How long the SMTP server takes to accept a message it has whole: long
# enough for a kill to land while the sender waits for the answer.
SLOW = 0.3
# What a request cut off by a dying worker may end with: an error the
# client sees as one, never an answer.
REQUEST_ERRORS = (
    urllib.error.URLError, http.client.HTTPException, ConnectionError,
    TimeoutError, RPCError)

_spec = importlib.util.spec_from_file_location(
    'together', ROOT / 'tools' / 'together.py')
together = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(together)


class Node:
    """The processes of `make production` on database, each started by the
    test: gunicorn (2 workers of 4 threads), trytond-cron, trytond-worker."""

    def __init__(self, folder, database, port, env):
        self.folder, self.database, self.env = folder, database, env
        self.url = f'http://127.0.0.1:{port}/'
        log = folder / 'log'
        log.mkdir(exist_ok=True)
        self.commands = {
            'gunicorn': [BIN / 'gunicorn', '--pythonpath', 'tools',
                'wsgi:app', '--bind', f'127.0.0.1:{port}', '--workers', '2',
                '--worker-class', 'gthread', '--threads', '4',
                '--timeout', '120', '--graceful-timeout', '5',
                '--capture-output', '--error-logfile', log / 'trytond.log',
                '--access-logfile', log / 'access.log',
                '--control-socket', folder / 'gunicorn.ctl'],
            'cron': [BIN / 'trytond-cron', '-n', '1', '-d', database],
            'worker': [BIN / 'trytond-worker', '-n', '1', '-d', database],
            }
        self.processes = {}

    def start(self, name):
        assert not self.running(name), name
        env = dict(self.env)
        if name != 'gunicorn':
            env['TRYTOND_LOGGING_LEVEL'] = '20'
        with (self.folder / 'log' / f'{name}.out').open('ab') as output:
            self.processes[name] = subprocess.Popen(self.commands[name],
                cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
                start_new_session=True)

    def running(self, name):
        process = self.processes.get(name)
        return process is not None and process.poll() is None

    def kill(self, name):
        "kill -9 of the process and of those it forked (its group)."
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self, name):
        "Stop the process and its forked ones as together.py does."
        if self.running(name):
            together.stop([self.processes.pop(name)], grace=10)

    def set(self, **wanted):
        "Start or stop the processes: set(cron=False, worker=True)."
        for name, running in wanted.items():
            if running and not self.running(name):
                self.start(name)
            elif not running:
                self.stop(name)

    def workers(self):
        "The pids of gunicorn's worker processes (its master's children)."
        master = self.processes['gunicorn'].pid
        found = []
        for entry in os.listdir('/proc'):
            if entry.isdigit():
                try:
                    with open(f'/proc/{entry}/stat') as stat:
                        fields = stat.read().rpartition(') ')[2].split()
                except OSError:
                    continue
                if int(fields[1]) == master and fields[0] != 'Z':
                    found.append(int(entry))
        return found

    def logs(self):
        "The last lines of every log, for a failure's message."
        return '\n'.join(f'== {path.name}\n'
            + path.read_text(errors='replace')[-2000:]
            for path in sorted((self.folder / 'log').iterdir()))


@pytest.fixture(scope='module')
def smtp():
    "The SMTP server of the deployment, on one port all the module long."
    box = Mailbox()
    box.start()
    try:
        yield box
    finally:
        if box.controller:
            box.stop()


@pytest.fixture(scope='module')
def node(tmp_path_factory, smtp):
    folder = tmp_path_factory.mktemp('faults')
    database = f'yankomas_faults_{os.getpid()}'
    port = _free_port()
    env = production_env(database, PYTHONOPTIMIZE='1',
        TRYTOND_CONFIG=str(ROOT / 'config' / 'production.conf'),
        TRYTOND_DATABASE__URI=URI, TRYTOND_DATABASE_NAMES=database,
        TRYTOND_DATABASE__PATH=str(folder / 'filestore'),
        TRYTOND_WEB__ROOT=str(ROOT / 'var' / 'sao'),
        TRYTOND_EMAIL__URI=smtp.uri, TRYTOND_EMAIL__FROM=SENDER,
        TRYTOND_WEB__HOSTNAME=f'127.0.0.1:{port}')
    node = Node(folder, database, port, env)
    try:
        production_database(folder, database, env)
        server = as_server(node)
        # The scheduler runs only the e-mail retry: the breach scan and the
        # digests would queue messages of their own in the middle.
        server.sql('UPDATE ir_cron SET active = (method = %s)', (RETRY,))
        for name in ['gunicorn', 'worker', 'cron']:
            node.start(name)
        if not wait_for(lambda: health(node.url) == 200, 120):
            pytest.fail("gunicorn did not answer on /health:\n"
                + node.logs())
        # The demo's hand-over tasks, queued when it was loaded, built and
        # sent by the worker, the scheduler retrying side by side: each
        # notice once.
        if not wait_for(lambda: not pending(server) and not server.sql(
                    'SELECT id FROM ir_queue WHERE finished_at IS NULL'),
                60):
            pytest.fail("the demo's e-mails were not sent:\n" + node.logs())
        copies = received(smtp)
        assert copies and all(len(c) == 1 for c in copies.values()), copies
        node.stop('cron')
        yield node
    finally:
        for name in list(node.processes):
            node.stop(name)
        kill_marked(database)
        _postgresql(URI, f'DROP DATABASE IF EXISTS "{database}" (FORCE)')


def as_server(node):
    "The deployment as the e2e helpers know a server."
    server = Server(node.url, node.database, None)
    server.uri = URI
    return server


@pytest.fixture(scope='module')
def server(node):
    return as_server(node)


def pending(server):
    "The messages still queued or failed: (key, state, attempts, error)."
    return server.sql('SELECT key, state, attempts, error FROM yankomas_mail'
        " WHERE state IN ('queued', 'failed') ORDER BY id")


def received(smtp, keys=None):
    "The Message-IDs received per message key (of keys), copy by copy."
    copies = collections.defaultdict(list)
    for _, message in list(smtp.messages):
        key = message['X-Yankomas-Key']
        if keys is None or key in keys:
            copies[key].append(message['Message-ID'])
    return copies


def last_mail(server):
    (last,), = server.sql('SELECT coalesce(max(id), 0) FROM yankomas_mail')
    return last


def keys_after(server, last):
    return [key for key, in server.sql(
            'SELECT key FROM yankomas_mail WHERE id > %s', (last,))]


def escalated(server, count, label, built=True):
    """count new complaints escalated by petugas to the Kasubsi, each
    queueing the task of its hand-over notice; with built, once the worker
    has built the notices: their keys (else the complaints' ids)."""
    petugas = server.login('petugas')
    form = dict(complete_form(petugas), channel='phone')
    last = last_mail(server)
    ids = petugas.model(COMPLAINT, 'create', [
            dict(form, subject=f'{label} {n}') for n in range(count)])
    for cid in ids:
        press(petugas, cid, 'escalate', "Perlu keputusan Kasubsi.")
    if not built:
        # Nothing of an e-mail is built in the request.
        assert keys_after(server, last) == []
        return ids
    keys = wait_for(lambda: (found := keys_after(server, last))
        and len(found) == count and found, 60)
    assert keys and len(keys) == count, keys_after(server, last)
    return keys


def notice_keys(server, ids):
    "The keys of the hand-over notices of the complaints ids."
    return [key for key, in server.sql(
            'SELECT key FROM yankomas_mail WHERE complaint = ANY(%s)'
            ' ORDER BY id', (list(ids),))]


def tick(node, server):
    """The scheduler's next minute without waiting for it: the e-mail retry
    made due, the scheduler started (it runs what is due at once)."""
    server.sql('UPDATE ir_cron SET next_call = NULL WHERE method = %s',
        (RETRY,))
    node.stop('cron')
    node.start('cron')


def kill_after(node, name, smtp, keys, count):
    """kill -9 name as soon as the SMTP server has had count messages of
    keys (a list, or a function giving it) whole, while it takes SLOW
    seconds to accept the last one: the key of that last one, in flight
    when name died."""
    def arrived():
        wanted = keys() if callable(keys) else keys
        found = [m['X-Yankomas-Key'] for _, m in list(smtp.messages)]
        found = [key for key in found if key in wanted]
        return found if len(found) >= count else None
    end = time.monotonic() + 60
    while not (found := arrived()):
        assert time.monotonic() < end, (
            f"{name} sent nothing\n" + node.logs())
        time.sleep(0.005)
    node.kill(name)
    return found[-1]


def test_wsgi_worker_killed_during_intakes(node, server):
    """Four petugas sessions create complaints for 8 s; a gunicorn worker is
    killed (-9) after 3 s and its master starts another"""
    clients = [server.login('petugas') for _ in range(4)]
    form = dict(complete_form(clients[0]), channel='phone')
    answers = []  # (subject, answer or error, when)
    stop = threading.Event()

    def intakes(n, client):
        for i in itertools.count():
            if stop.is_set():
                return
            subject = f'Beban {n}-{i}'
            try:
                answer = client.model(
                    COMPLAINT, 'create', [dict(form, subject=subject)])
            except Exception as error:
                answer = error
            answers.append((subject, answer, time.monotonic()))

    workers = node.workers()
    assert len(workers) == 2, workers
    threads = [threading.Thread(target=intakes, args=(n, c))
        for n, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(3)
        victim = workers[0]
        os.kill(victim, signal.SIGKILL)
        killed = time.monotonic()
        time.sleep(5)
    finally:
        stop.set()
        for thread in threads:
            thread.join(150)
    replaced = wait_for(lambda: len(node.workers()) == 2
        and victim not in node.workers(), 60)
    assert replaced, (node.workers(), node.logs())

    acknowledged = {subject: answer[0] for subject, answer, _ in answers
        if isinstance(answer, list)}
    wrong = [(s, a) for s, a, _ in answers if not (
            isinstance(a, REQUEST_ERRORS) or (isinstance(a, list)
                and len(a) == 1 and isinstance(a[0], int)))]
    failed = [(s, a) for s, a, _ in answers if isinstance(a, Exception)]
    assert not wrong, wrong
    assert failed, "the kill landed between two requests"
    assert any(t < killed for _, a, t in answers if isinstance(a, list))
    assert any(t > killed for _, a, t in answers if isinstance(a, list))

    rows = server.sql('SELECT c.id, c.subject, c.number, c.state,'
        ' (SELECT count(*) FROM yankomas_complaint_step s'
        '   WHERE s.complaint = c.id),'
        ' (SELECT count(*) FROM yankomas_complaint_step s'
        '   WHERE s.complaint = c.id AND s.ended IS NULL'
        "   AND s.step = 'intake')"
        " FROM yankomas_complaint c WHERE c.subject LIKE 'Beban %%'")
    stored = {cid: (subject, number, state, steps, open_)
        for cid, subject, number, state, steps, open_ in rows}
    for subject, cid in acknowledged.items():
        assert stored.get(cid, [None])[0] == subject, (subject, cid)
    # Each complaint, answered or not (committed as the worker died), is
    # whole, and each request made one at most.
    broken = {cid: row for cid, row in stored.items() if not (
            row[1] and row[2] == 'intake' and row[3] == 1 and row[4] == 1)}
    assert not broken, broken
    subjects = collections.Counter(row[0] for row in stored.values())
    assert subjects.most_common(1)[0][1] == 1, subjects.most_common(3)
    # The strict register: no number taken twice nor lost by a dead worker.
    numbers = [n for n, in server.sql('SELECT number FROM yankomas_complaint'
            ' WHERE NOT integrity ORDER BY id')]
    tails = sorted(int(n.rpartition('/')[2]) for n in numbers)
    assert tails == list(range(tails[0], tails[0] + len(tails))), tails
    # And the hash chain of each new complaint holds (yankomas-verify).
    verify = subprocess.run([BIN / 'yankomas-verify', '-c',
            node.env['TRYTOND_CONFIG'], '-d', node.database,
            *sorted(row[1] for row in stored.values())], env=node.env,
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_one_office_intakes_wait_for_the_register(node, server):
    """Eight petugas of one office send ten complaints each in one call (a
    batch of letters), at the same moment, four times: they share the
    office's gapless register, and each waits its turn instead of being
    refused (trytond alone tries its lock for 0.2 s, then answers 503)"""
    clients = [server.login('petugas') for _ in range(8)]
    form = dict(complete_form(clients[0]), channel='letter')
    rounds, batch = 4, 10

    def batch_of(n, i, client):
        return lambda: client.model(COMPLAINT, 'create', [
                dict(form, subject=f'Giliran nomor {n}-{i}-{k}')
                for k in range(batch)])

    answers = []
    for i in range(rounds):
        answers += race(*(batch_of(n, i, c) for n, c in enumerate(clients)))
    refused = [a for a in answers if not isinstance(a, list)]
    assert not refused, (refused, node.logs())
    made = len(clients) * rounds * batch
    assert sum(len(a) for a in answers) == made
    numbers = {n for n, in server.sql('SELECT number FROM yankomas_complaint'
            " WHERE subject LIKE 'Giliran nomor %%'")}
    assert len(numbers) == made and None not in numbers, numbers


def test_smtp_down_then_up(node, server, smtp):
    """With no SMTP server listening the messages fail and wait, with their
    error and attempts; once it listens, the scheduler delivers each one"""
    node.set(cron=False, worker=True)
    smtp.stop()
    try:
        keys = escalated(server, 5, "Tanpa SMTP")

        def tried_once():  # by the worker, after the escalation's commit
            rows = pending(server)
            return rows if len(rows) == len(keys) and all(
                r[1:3] == ('failed', 1) and r[3] for r in rows) else None
        rows = wait_for(tried_once, 60)
        assert rows, (pending(server), node.logs())
        assert {r[0] for r in rows} == set(keys)
        assert 'refused' in rows[0][3].lower(), rows
    finally:
        smtp.start()
    time.sleep(1)
    assert not received(smtp, keys)  # nothing but the scheduler retries
    tick(node, server)
    assert wait_for(lambda: not pending(server), 60), (
        pending(server), node.logs())
    node.stop('cron')
    copies = received(smtp, keys)
    assert {k: len(v) for k, v in copies.items()} == dict.fromkeys(keys, 1)
    assert server.sql('SELECT key, attempts, error FROM yankomas_mail'
        " WHERE key = ANY(%s) AND (attempts != 2 OR error IS NOT NULL"
        " OR state != 'sent')", (keys,)) == []


def test_queue_worker_and_scheduler_killed_while_sending(node, server, smtp):
    """kill -9 of trytond-worker while it builds and sends a backlog of
    hand-over notices to a slow SMTP server, then of trytond-cron while its
    retry sends what is left"""
    smtp.delay = SLOW
    try:
        # The worker, with 12 hand-over tasks waiting for it (no notice
        # built in the requests), killed at the 4th message: each task
        # commits its notice before sending it.
        node.set(cron=False, worker=False)
        ids = escalated(server, 12, "Antrean", built=False)
        node.start('worker')
        by_worker = kill_after(node, 'worker', smtp,
            lambda: notice_keys(server, ids), 4)
        left = [key for key, *_ in pending(server)]
        # Three sent; the one in flight waits for the scheduler's retry.
        assert left == [by_worker], left
        # The tasks still queued built by a new worker while SMTP is down:
        # their notices fail and wait too.
        smtp.stop()
        try:
            node.start('worker')
            assert wait_for(lambda: len(notice_keys(server, ids)) == 12
                and len(pending(server)) == 9, 60), (
                pending(server), node.logs())
            node.stop('worker')
        finally:
            smtp.start()
        keys = notice_keys(server, ids)
        left = [key for key, *_ in pending(server)]
        tick(node, server)
        before = sum(map(len, received(smtp, left).values()))
        by_cron = kill_after(node, 'cron', smtp, left, before + 3)
        assert by_cron in [key for key, *_ in pending(server)], by_cron
        # Its run did not end, so the retry is still due when it restarts.
        node.start('cron')
        assert wait_for(lambda: not pending(server), 60), (
            pending(server), node.logs())
    finally:
        smtp.delay = 0
        node.set(cron=False, worker=True)

    copies = received(smtp, keys)
    assert set(copies) == set(keys)
    for key, message_ids in copies.items():
        assert len(set(message_ids)) == 1, (key, message_ids)
    assert len({ids[0] for ids in copies.values()}) == len(copies)
    # The message in flight when each process died was delivered once
    # before and once after: the copy is recognisably the same message.
    doubled = {key for key, ids in copies.items() if len(ids) > 1}
    assert doubled == {by_worker, by_cron}, copies
    assert not pending(server)
    # The task the killed worker had taken is not run again by Tryton's
    # queue (the scheduler would run it again after five minutes, to build
    # notices it died before committing; here they were committed).
    assert server.sql('SELECT count(*) FROM ir_queue WHERE finished_at IS'
        ' NULL') == [(1,)]


# The races of issue 16 part 1, against its contract:
# yankomas.complaint.act(ids, action, note, context): the 200, about
# a third of a second each here (the old two-call buttons failed 95 of 200).
RACES = 200
SAME_BUTTON_RACES = 20


def race(*calls):
    """Run the calls at the same moment (each in its thread, behind one
    barrier): what each returned, or the error it raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        try:
            outcomes[i] = call()
        except Exception as error:
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i, call))
        for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return outcomes


def acting(client, cid, action, note):
    "The call of client doing action with note on complaint cid."
    return lambda: client.model(COMPLAINT, 'act', [cid], action, note)


def race_problems(steps, contenders, outcomes):
    """What is wrong after a race on a complaint at intake, given its steps
    (step, action, user, note, ended) after it, the contenders (client,
    action, note) and their outcomes: not exactly one winner, a loser
    without a user error, another transition than the winner's, the intake
    step closed with a note or a user other than the winner's, the loser's
    note anywhere."""
    won = [i for i, o in enumerate(outcomes) if not isinstance(o, Exception)]
    if len(won) != 1:
        return f"{len(won)} calls succeeded: {outcomes}"
    lost = [o for i, o in enumerate(outcomes) if i != won[0]]
    if not all(isinstance(o, RPCError) and o.user_error for o in lost):
        return f"refused without a user error: {lost}"
    winner, action, note = contenders[won[0]]
    closed = [s[:4] for s in steps if s[4]]
    if closed != [('intake', action, winner.user_id, note)]:
        return f"steps closed: {closed}, expected {action} by the winner"
    notes = {s[3] for s in steps if s[3]}
    if notes - {note}:
        return f"the loser's note kept: {notes}"
    return None


def run_races(server, contenders, count, label):
    """count races on new complaints at intake with their form complete,
    contenders (client, action, name) acting with a note naming them and
    the race: the problems found, by race."""
    import psycopg
    petugas = contenders[0][0]
    form = dict(complete_form(petugas), channel='phone')
    ids = petugas.model(COMPLAINT, 'create', [
            dict(form, subject=f'{label} {n}') for n in range(count)])
    problems = {}
    with psycopg.connect(server.uri, dbname=server.database,
            autocommit=True) as database:
        for n, cid in enumerate(ids):
            noted = [(client, action, f'note by {name} {n}')
                for client, action, name in contenders]
            outcomes = race(*(acting(c, cid, a, note)
                    for c, a, note in noted))
            steps = database.execute('SELECT step, action, "user", note,'
                ' ended IS NOT NULL FROM yankomas_complaint_step'
                ' WHERE complaint = %s ORDER BY id', (cid,)).fetchall()
            if problem := race_problems(steps, noted, outcomes):
                problems[n] = problem
    return problems


def test_escalate_races_cancel(node, server):
    """The Petugas escalates and the Kasubsi cancels one complaint at the
    same moment, RACES times: one of them acts, with their own note"""
    # The hand-over notices wait in the queue: the two cores serve the races.
    node.set(cron=False, worker=False)
    petugas, kasubsi = server.login('petugas'), server.login('kasubsi')
    problems = run_races(server, [(petugas, 'escalate', 'petugas'),
            (kasubsi, 'cancel', 'kasubsi')], RACES, "Balapan")
    assert not problems, f"{len(problems)} of {RACES} races: {problems}"


def test_same_button_twice(node, server):
    """The Petugas, in two sessions (the demo has one), escalates one
    complaint twice at the same moment: one transition"""
    node.set(cron=False, worker=False)
    first, second = server.login('petugas'), server.login('petugas')
    problems = run_races(server, [(first, 'escalate', 'petugas A'),
            (second, 'escalate', 'petugas B')], SAME_BUTTON_RACES, "Ganda")
    assert not problems, (
        f"{len(problems)} of {SAME_BUTTON_RACES} races: {problems}")
