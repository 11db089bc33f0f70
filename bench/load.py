"""Load benchmark of an office network against the production deployment.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/load.py            # ~10 minutes
    PYTHONOPTIMIZE=1 .venv/bin/python bench/load.py --national # 125 offices
    make bench-load                                            # the same

(Locust comes from bench/requirements.txt: `make bench-load` installs it.)

What it does, in one run:

* a PostgreSQL database of its own, copied from a template with every
  module of `make production` activated and Indonesian loaded (the
  template is kept between runs and built again, about 4 minutes, when the
  modules change);
* the office network of bench/national.py loaded into it: by default 4
  offices of 30 staff and 10,000 complaints each (40,000), with --national
  125 offices of 30 staff and 1,000,000 complaints (8,000 each), by COPY;
* the production deployment started by `make production` itself (gunicorn
  on tools/wsgi.py, trytond-cron, trytond-worker and the mail sink, on
  config/production.conf with PYTHONOPTIMIZE=1), on that database, a free
  port and a folder of its own, once with each number of gunicorn workers
  (--workers, 1 and 2);
* at each number of concurrent users (--users, 1, 4, 16 and 64) for
  --duration seconds, Locust users, each a Petugas or a Kasubsi of an
  office (three of four are Petugas) signed in over JSON-RPC as sao does,
  working without pause (0.1 to 0.5 s between actions), on this mix:
  intake (create, Petugas only), My Tasks (the open steps that are theirs,
  as sao opens the list), the complaint's form (its fields and its steps),
  then the transition with its note in one call (act: escalate or resolve,
  decide, forward or complete, by the step), the complaint list (as sao
  opens it: up to 1,000 ids, the count, the fields of the first 20 rows),
  the overdue page, a public tracking look-up (GET of the public page,
  from its own visitor's address), the board's data every 30 s per user,
  and, among them, the bare Tryton calls the figures are divided by: a
  read, a write and a create of a party (party.party, a trivial model) and
  a page of parties (the first 50, the count, the list fields), as the
  same users over the same RPC. Every 30 s the administrator runs the
  digest job (yankomas.mail send_digests, the trytond-cron job of every
  minute) over RPC;
* with the most workers, part 5's comparison: transitions with their
  notes (act, 4 clients without pause, each complaint escalated, decided
  and completed) against bare writes (4 clients); creation (4 clients in
  one office, who share its gapless register, then 4 clients in four
  offices) against bare creates; the
  overdue page (first 50 of ('overdue', '=', True), the total count, their
  list fields, one Kasubsi, at 10,000 complaints of the office) against
  the same page of parties; with the RT 5 figures of issue 16 and the
  targets;
* the scheduler's cost: the digest job and the breach scan from trytond's
  own ir.cron.log (each run's time) over the run; the day's digests are
  built at the deployment's first minute (each office's digest time is set
  to it), before the first level;
* with --national (the mix and the comparison with 2 workers only), also
  the latency, one client at a time, of the board, My Tasks, the overdue
  page and a month's recap (the compute button of a draft recap of last
  month over RPC as the Petugas, and its figures in process), the breach
  scan's (trytond-cron's own log of the job), and the scheduler's cost
  per minute over --cron-minutes more minutes with no user.

Latencies are each action's whole time (an action of several RPC calls is
timed from its first request to its last answer). Prints the machine, the
load average around each part, the table and the ratios; asserts nothing.
The database is dropped at the end (--keep keeps it). Everything runs on
this machine: the Locust client takes its share of the cores.

    --profile-act DATABASE  a cProfile of one act call in process, on the
                            code path of the server, on a database kept
                            with --keep
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# Issue 16: Request Tracker 5 measured on this machine, 4 clients each.
RT = {'create': 22.1, 'transition': 69.4, 'overdue_ms': 30.5}
TARGETS = {'transition': 140, 'create': 220, 'overdue_ms': 15}
NOTES = {
    'escalate': "Perlu keputusan Kasubsi: loket ditutup sebelum waktunya.",
    'resolve': "Dijelaskan jadwal layanan; pengadu menerima penjelasan.",
    'decide': "Loket tambahan dibuka sesuai jadwal layanan.",
    'forward': "Teruskan ke petugas sesuai arahan Kasi.",
    'complete': "Pengadu dihubungi; loket dibuka sesuai jadwal.",
    }
# The action of each step a user of the mix acts on.
STEP_ACTIONS = {'intake': ['escalate', 'escalate', 'resolve'],
    'resolution': ['complete'], 'subsection': ['decide'],
    'directed': ['forward']}
FORM = {
    'channel': 'phone', 'subject': "Antrean paspor ditutup lebih awal",
    'id_type': 'nik', 'id_number': '3527014107900001',
    'address': 'Jl. Diponegoro 12, Kediri',
    'description': 'Antrean paspor ditutup sebelum jam layanan berakhir.',
    'loss': 'Tidak ada',
    'requested_resolution': 'Loket dibuka sesuai jadwal layanan.',
    }
# Each action of the mix: its weight for a Petugas, for a Kasubsi, and the
# bare call its latency is divided by.
MIX = {
    'create': (2, 0, 'bare create'),
    'my tasks': (0, 0, 'bare page'),
    'form': (0, 0, 'bare read'),
    'act': (4, 4, 'bare write'),
    'list': (2, 2, 'bare page'),
    'overdue page': (1, 1, 'bare page'),
    'public track': (1, 1, 'bare read'),
    'board': (0, 0, 'bare page'),
    'digest run': (0, 0, 'bare write'),
    'bare read': (1, 1, None),
    'bare write': (1, 1, None),
    'bare create': (1, 1, None),
    'bare page': (1, 1, None),
    }
BOARD_EVERY = 30


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--users', default='1,4,16,64')
    parser.add_argument('--workers', default='1,2')
    parser.add_argument('--duration', type=float, default=30,
        help="seconds measured at each number of users")
    parser.add_argument('--compare-duration', type=float, default=20,
        help="seconds of each phase of part 5's comparison")
    parser.add_argument('--offices', type=int)
    parser.add_argument('--staff', type=int, default=30)
    parser.add_argument('--complaints', type=int)
    parser.add_argument('--national', action='store_true',
        help="125 offices of 30 staff, 1,000,000 complaints")
    parser.add_argument('--cron-minutes', type=int, default=3,
        help="minutes of the scheduler's cost measured with --national")
    parser.add_argument('--no-compare', action='store_true')
    parser.add_argument('--keep', action='store_true',
        help="keep the database (its name is printed)")
    parser.add_argument('--profile-act', metavar='DATABASE')
    args = parser.parse_args()
    args.users = [int(n) for n in args.users.split(',')]
    args.workers = [int(n) for n in args.workers.split(',')]
    if args.national and '--workers' not in ' '.join(sys.argv):
        args.workers = [2]
    if args.offices is None:
        args.offices = 125 if args.national else 4
    if args.complaints is None:
        args.complaints = 1_000_000 if args.national else 10_000 * (
            args.offices)
    return args


# -- a cProfile of act in process (no Locust, no gevent) -----------------

def profile_act(database, top=25):
    "Profile one act (escalate with its note) as a Petugas, rolled back."
    import cProfile
    import pstats
    os.environ.setdefault('TRYTOND_DATABASE__URI', 'postgresql://')
    os.environ.setdefault('TRYTOND_CONFIG',
        os.path.join(os.path.dirname(HERE), 'config', 'production.conf'))
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(database)
    pool.init()
    User = pool.get('res.user')
    Complaint = pool.get('yankomas.complaint')
    with Transaction().start(database, 0, readonly=True):
        user, = User.search([('login', '=', 'o001.petugas01')])
        company = user.company.id
    with Transaction().start(database, user.id) as transaction:
        context = User.get_preferences(context_only=True)
        with transaction.set_context(context, _check_access=True):
            complaints = Complaint.search([('state', '=', 'intake'),
                    ('company', '=', company)], limit=2, order=[('id', 'DESC')])
            # The first call warms the caches a long-running worker has.
            Complaint.act(complaints[:1], 'escalate', NOTES['escalate'])
            profiler = cProfile.Profile()
            profiler.enable()
            start = time.perf_counter()
            Complaint.act(complaints[1:], 'escalate', NOTES['escalate'])
            elapsed = time.perf_counter() - start
            profiler.disable()
        transaction.rollback()
    stats = pstats.Stats(profiler)
    queries = sum(calls for (path, _, function), (_, calls, *_) in
        stats.stats.items() if function == 'execute'
        and path.endswith(os.path.join('postgresql', 'database.py')))
    print('one act (escalate with its note) in process: %.1f ms,'
        ' %d SQL statements' % (elapsed * 1000, queries))
    stats.sort_stats('cumulative').print_stats(top)
    stats.sort_stats('tottime').print_stats(top)


def time_recap(database, recap_id, login, repeat=3):
    """The compute of draft recap_id (a month's figures), in process, best
    of repeat, rolled back: as login with its access rights, else (when it
    is refused) as the server's root user. Prints a JSON line."""
    os.environ.setdefault('TRYTOND_DATABASE__URI', 'postgresql://')
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    from trytond.exceptions import UserError
    Pool.start()
    pool = Pool(database)
    pool.init()
    User = pool.get('res.user')
    Recap = pool.get('yankomas.recap')
    with Transaction().start(database, 0, readonly=True):
        user, = User.search([('login', '=', login)])
        user_id = user.id
    result = {'refused': None}
    for who in [user_id, 0]:
        times = []
        try:
            for _ in range(repeat):
                with Transaction().start(database, who) as transaction:
                    context = User.get_preferences(context_only=True)
                    with transaction.set_context(context,
                            _check_access=bool(who)):
                        start = time.perf_counter()
                        Recap.compute([Recap(recap_id)])
                        times.append((time.perf_counter() - start) * 1000)
                        lines = len(Recap(recap_id).lines)
                    transaction.rollback()
        except UserError as error:
            result['refused'] = ' / '.join(str(error.message).split('\n'))
            continue
        result.update(ms=min(times), lines=lines,
            user=login if who else 'root')
        break
    print(json.dumps(result))


if __name__ == '__main__' and '--profile-act' in sys.argv:
    profile_act(parse().profile_act)
    sys.exit(0)
if __name__ == '__main__' and sys.argv[1:2] == ['--time-recap']:
    time_recap(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    sys.exit(0)

# -- the load run: Locust patches the standard library first -------------

from locust import FastHttpUser, between, constant  # noqa: E402
from locust.env import Environment  # noqa: E402
import gevent  # noqa: E402
import gevent.pool  # noqa: E402

import base64  # noqa: E402
import collections  # noqa: E402
import datetime as dt  # noqa: E402
import itertools  # noqa: E402
import glob  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import urllib.error  # noqa: E402
import urllib.request  # noqa: E402

sys.path.insert(0, HERE)
from common import (  # noqa: E402
    ROOT, VENV_BIN, load_average, machine, percentile, template_database)

ADMIN_PASSWORD = 'bench-admin'


def free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class RPCError(Exception):
    "A JSON-RPC error answer: args are Tryton's."

    @property
    def user_error(self):
        return self.args and self.args[0] in {'UserError', 'UserWarning'}


def rpc(url, method, *params, auth=None, timeout=600):
    "One JSON-RPC call from the orchestrator (not timed)."
    body = json.dumps({'id': 1, 'method': method, 'params': params}).encode()
    request = urllib.request.Request(url, body,
        {'Content-Type': 'application/json'})
    if auth:
        request.add_header('Authorization', auth)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        answer = json.load(response)
    if 'error' in answer:
        raise RPCError(*answer['error'])
    return answer['result']


class Session:
    """A signed-in user: the Authorization header and sao's context. Its
    session stays valid from one deployment to the next (it is a row of
    ir.session): Session.url is the RPC address of the one running."""
    url = None

    def __init__(self, login, password):
        self.login = login
        self.user_id, session = rpc(self.url, 'common.db.login', login,
            {'password': password}, 'id')[:2]
        token = f'{login}:{self.user_id}:{session}'.encode()
        self.auth = 'Session ' + base64.b64encode(token).decode()
        self.context = rpc(self.url, 'model.res.user.get_preferences', True,
            {}, auth=self.auth)

    def model(self, model, method, *args):
        return rpc(self.url, f'model.{model}.{method}', *args, self.context,
            auth=self.auth)


# -- what the users do ---------------------------------------------------

class Samples:
    "Each action's times (ms) and outcomes, kept from start to stop."

    def __init__(self):
        self.start = self.stop = None
        self.times = collections.defaultdict(list)
        self.outcomes = collections.defaultdict(collections.Counter)

    def open(self):
        self.start, self.stop = time.monotonic(), None

    def close(self):
        self.stop = time.monotonic()

    def add(self, name, began, elapsed, outcome):
        "An action that ended between start and stop is counted."
        ended = began + elapsed
        if self.start is None or ended < self.start or (
                self.stop is not None and ended > self.stop):
            return
        self.outcomes[name][outcome] += 1
        if outcome != 'error':
            self.times[name].append(elapsed * 1000)

    @property
    def seconds(self):
        return (self.stop or time.monotonic()) - self.start


SAMPLES = Samples()
# Set before each phase: the sessions the users take in turn, the data.
PHASE = {}


class Refused(Exception):
    "The server refused the action with a message for the user."


class Office(FastHttpUser):
    """A member of an office's staff (or a client of a comparison), with
    its session; its job is set for each phase."""
    abstract = True
    wait_time = between(0.1, 0.5)
    network_timeout = connection_timeout = 600.0

    def on_start(self):
        self.session = next(PHASE['sessions'])
        self.office = PHASE['office_of'][self.session.login]
        self.role = PHASE['role_of'][self.session.login]
        self.rpc_path = '/%s/rpc/' % PHASE['database']
        self.mine = collections.deque(maxlen=50)
        self.last_board = None
        self.ids = itertools.count(1)

    # One JSON-RPC call, recorded by Locust under its method.
    def call(self, method, *params, name=None):
        body = json.dumps({'id': next(self.ids), 'method': method,
                'params': params})
        with self.client.post(self.rpc_path, data=body,
                headers={'Content-Type': 'application/json',
                    'Authorization': self.session.auth},
                name=name or method, catch_response=True) as response:
            if response.status_code != 200:
                response.failure('HTTP %s' % response.status_code)
                raise RPCError('HTTP', response.status_code)
            answer = response.json()
            if 'error' in answer:
                error = RPCError(*answer['error'])
                if error.user_error:
                    response.success()
                    raise Refused(answer['error'])
                response.failure(str(answer['error'])[:200])
                raise error
            return answer['result']

    def model(self, model, method, *args):
        return self.call(f'model.{model}.{method}', *args,
            self.session.context, name=f'{model}.{method}')

    def get(self, path, name, headers=None):
        headers = dict(headers or {})
        with self.client.get(path, headers=headers, name=name,
                catch_response=True) as response:
            if response.status_code != 200:
                response.failure('HTTP %s' % response.status_code)
                raise RPCError('HTTP', response.status_code)
            return response.content

    def timed(self, name, function, *args):
        began = time.monotonic()
        try:
            result = function(*args)
            outcome = 'ok'
        except Refused as refusal:
            result, outcome = None, 'refused'
            PHASE['errors'][name]['refused: %s' % ' / '.join(str(
                        refusal.args[0][1][0] if refusal.args[0][1:] else
                        refusal).split('\n'))[:160]] += 1
        except (RPCError, OSError, ValueError) as error:
            result, outcome = None, 'error'
            PHASE['errors'][name][str(error)[:160]] += 1
        SAMPLES.add(name, began, time.monotonic() - began, outcome)
        return result

    # -- the actions -------------------------------------------------------

    def page(self, model, domain, limit, fields, count_limit=None,
            shown=None):
        "A list as sao opens it: the ids, the count, the shown rows' fields."
        ids = self.model(model, 'search', domain, 0, limit, None)
        self.model(model, 'search_count', domain, 0, count_limit)
        shown = ids[:shown or limit]
        if shown:
            self.model(model, 'read', shown, fields)
        return ids

    def create(self):
        values = dict(FORM,
            complainant=random.choice(PHASE['parties'][self.office]),
            category=random.choice(PHASE['categories']))
        cid, = self.model('yankomas.complaint', 'create', [values])
        return cid

    def my_tasks(self):
        view = PHASE['views']['step']
        ids = self.page('yankomas.complaint.step', [('mine', '=', True)],
            1000, view, 1000, 20)
        if not ids:
            return []
        sample = random.sample(ids[:100], min(5, len(ids)))
        return self.model('yankomas.complaint.step', 'read', sample,
            ['step', 'complaint'])

    def form(self, complaint):
        record, = self.model('yankomas.complaint', 'read', [complaint],
            PHASE['views']['form'])
        if record['steps']:
            self.model('yankomas.complaint.step', 'read', record['steps'],
                PHASE['views']['step'])
        return record

    def act(self, complaint, action):
        return self.call('model.yankomas.complaint.act', [complaint], action,
            '%s [%s]' % (NOTES[action], self.session.login),
            self.session.context, name='yankomas.complaint.act')

    def work(self):
        "My Tasks, a task's complaint, its transition with a note."
        tasks = self.timed('my tasks', self.my_tasks)
        tasks = [t for t in tasks or [] if t['step'] in STEP_ACTIONS]
        if not tasks:
            return
        task = random.choice(tasks)
        self.timed('form', self.form, task['complaint'])
        action = random.choice(STEP_ACTIONS[task['step']])
        self.timed('act', self.act, task['complaint'], action)

    def complaint_list(self):
        return self.page('yankomas.complaint', [], 1000,
            PHASE['views']['list'], 1000, 20)

    def overdue_page(self):
        domain = [('overdue', '=', True)]
        ids = self.model('yankomas.complaint', 'search', domain, 0, 50, None)
        self.model('yankomas.complaint', 'search_count', domain)
        if ids:
            self.model('yankomas.complaint', 'read', ids,
                PHASE['views']['list'])
        return ids

    def bare_page(self):
        domain = []
        ids = self.model('party.party', 'search', domain, 0, 50, None)
        self.model('party.party', 'search_count', domain)
        self.model('party.party', 'read', ids, PHASE['views']['party'])
        return ids

    def bare_read(self):
        return self.model('party.party', 'read',
            [random.choice(PHASE['parties'][self.office])], ['name', 'code'])

    def bare_write(self):
        return self.model('party.party', 'write',
            [random.choice(PHASE['parties'][self.office])],
            {'name': 'Pihak %d' % random.randrange(10**6)})

    def bare_create(self):
        return self.model('party.party', 'create',
            [{'name': 'Pihak %d' % random.randrange(10**6)}])

    def track(self):
        code = random.choice(PHASE['codes'][self.office])
        address = '10.%d.%d.%d' % tuple(random.randrange(1, 255)
            for _ in range(3))
        return self.get('/%s/yankomas/public/track/%s' % (
                PHASE['database'], code), 'public track',
            {'X-Forwarded-For': address})

    def board(self):
        return self.get('/%s/yankomas/board/data' % PHASE['database'],
            'board', {'Authorization': self.session.auth,
                'X-Requested-With': 'XMLHttpRequest'})


class Staff(Office):
    "A Petugas or a Kasubsi on the mix."
    abstract = True

    ACTIONS = {
        'create': lambda u: u.timed('create', u.create),
        'act': lambda u: u.work(),
        'list': lambda u: u.timed('list', u.complaint_list),
        'overdue page': lambda u: u.timed('overdue page', u.overdue_page),
        'public track': lambda u: u.timed('public track', u.track),
        'bare read': lambda u: u.timed('bare read', u.bare_read),
        'bare write': lambda u: u.timed('bare write', u.bare_write),
        'bare create': lambda u: u.timed('bare create', u.bare_create),
        'bare page': lambda u: u.timed('bare page', u.bare_page),
        }

    def run_action(self):
        now = time.monotonic()
        if self.last_board is None or now - self.last_board >= BOARD_EVERY:
            # The first refresh of each user falls at random in its period.
            if self.last_board is None:
                self.last_board = now - random.uniform(0, BOARD_EVERY)
                return self.run_action()
            self.last_board = now
            self.timed('board', self.board)
            return
        column = 0 if self.role == 'petugas' else 1
        names = [n for n in self.ACTIONS if MIX[n][column]]
        name, = random.choices(names, [MIX[n][column] for n in names])
        self.ACTIONS[name](self)


def job_user(job, wait=None):
    "A user class whose only task is job(user)."
    def task(self):
        job(self)
    return type('Job', (Office,), {
            'tasks': [task], 'abstract': False,
            'wait_time': wait or constant(0)})


MixUser = type('Mix', (Staff,), {
        'tasks': [lambda self: self.run_action()], 'abstract': False})


def cycle(user):
    """Escalate, decide and complete one complaint at intake, each act with
    its note, the Petugas and the Kasubsi of its office."""
    queue = PHASE['intake'][user.office]
    if not queue:
        gevent.sleep(0.5)
        return
    complaint = queue.pop()
    petugas, kasubsi = PHASE['pair'][user.session.login]
    for session, action in [(petugas, 'escalate'), (kasubsi, 'decide'),
            (petugas, 'complete')]:
        user.session = session
        if user.timed('act', user.act, complaint, action) is None:
            break
    user.session = petugas


def run_phase(label, user_class, count, duration, sessions, admin=None,
        ramp=3.0):
    """count users of user_class for duration seconds (after ramp s): the
    samples of the phase, its load average and seconds."""
    global SAMPLES
    SAMPLES = Samples()
    PHASE['sessions'] = itertools.cycle(sessions[:count])
    PHASE['errors'] = collections.defaultdict(collections.Counter)
    env = Environment(user_classes=[user_class], host=PHASE['host'])
    runner = env.create_local_runner()
    before = os.getloadavg()
    runner.start(count, spawn_rate=max(count, 1))
    gevent.sleep(ramp)
    SAMPLES.open()
    digests = gevent.spawn(digest_runs, admin) if admin else None
    gevent.sleep(duration)
    SAMPLES.close()
    if digests:
        digests.kill()
    runner.stop()
    runner.quit()
    after = os.getloadavg()
    sys.stdout.write('  %-28s %3d users %5.0f s, load %.1f -> %.1f\n' % (
            label, count, SAMPLES.seconds, before[0], after[0]))
    sys.stdout.flush()
    return {'samples': SAMPLES, 'load': (before, after),
        'errors': PHASE['errors'], 'users': count}


def digest_runs(admin):
    "The administrator runs the digest job every 30 s (the first at 5 s)."
    gevent.sleep(5)
    while True:
        began = time.monotonic()
        try:
            admin.model('ir.cron', 'run_once', [PHASE['digest_cron']])
            outcome = 'ok'
        except (RPCError, OSError) as error:
            outcome = 'error'
            PHASE['errors']['digest run'][str(error)[:160]] += 1
        SAMPLES.add('digest run', began, time.monotonic() - began, outcome)
        gevent.sleep(30)


# -- the deployment ------------------------------------------------------

class Deployment:
    "`make production` on the bench's database, port and folder."

    def __init__(self, database, folder, workers):
        self.database, self.workers = database, workers
        self.folder = os.path.join(folder, 'production-%d' % workers)
        os.makedirs(self.folder, exist_ok=True)
        self.port, self.sink_port = free_port(), free_port()
        self.url = 'http://127.0.0.1:%d/' % self.port
        self.rpc = '%s%s/rpc/' % (self.url, database)
        self.process = None

    def start(self, timeout=300):
        env = dict(os.environ, PYTHONOPTIMIZE='1',
            TRYTOND_WEB__HOSTNAME='127.0.0.1:%d' % self.port)
        for name in ['TRYTOND_DATABASE__URI', 'TRYTOND_DATABASE_NAMES',
                'TRYTOND_EMAIL__URI', 'TRYTOND_CONFIG', 'MAKEFLAGS', 'MFLAGS',
                'MAKELEVEL']:
            env.pop(name, None)
        stamp = os.path.join(self.folder, self.database + '.stamp')
        self.output = open(os.path.join(self.folder, 'make.out'), 'ab')
        self.process = subprocess.Popen(['make', '--no-print-directory',
                'production', '-o', stamp,
                'PRODUCTION_DB=' + self.database,
                'PRODUCTION_VAR=' + self.folder,
                'PRODUCTION_LISTEN=127.0.0.1:%d' % self.port,
                'PRODUCTION_WORKERS=%d' % self.workers,
                'PRODUCTION_SINK_PORT=%d' % self.sink_port],
            cwd=ROOT, env=env, stdout=self.output, stderr=subprocess.STDOUT,
            start_new_session=True)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise RuntimeError('make production stopped:\n' + self.logs())
            try:
                with urllib.request.urlopen(self.url + 'health', timeout=10):
                    return
            except (OSError, urllib.error.URLError):
                gevent.sleep(1)
        raise RuntimeError('make production did not answer:\n' + self.logs())

    def logs(self):
        text = []
        for name in ['make.out', 'log/trytond.log', 'log/cron.log',
                'log/worker.log']:
            path = os.path.join(self.folder, name)
            if os.path.exists(path):
                with open(path, errors='replace') as file:
                    text.append('== %s\n%s' % (name, file.read()[-3000:]))
        return '\n'.join(text)

    def stop(self):
        "Ctrl-C, as from a terminal: to the whole group."
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.output.close()


def sql(database, statement, params=()):
    import psycopg
    with psycopg.connect(dbname=database, autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchall() if cursor.description else None


def set_digest_time(database):
    """Each office's digest due at the current minute (Jakarta time): the
    day's digests are built at the deployment's first cron run."""
    local = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=7)
    sql(database, 'UPDATE company_working_calendar SET digest_times = %s',
        (local.strftime('%H:%M'),))
    return dt.datetime.now()


CRON_LINE = re.compile(r'\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d+)\] INFO'
    r' trytond\.ir\.cron <Cron \d+@\S+ (\S+)> in (\d+) ms')


def cron_runs(folder, since, until=None):
    """{method: [(ended, ms)]} of the scheduler's runs that ended from since
    to until (naive local times), from trytond-cron's own log lines ("<Cron
    ...> in N ms") of the deployment of folder."""
    runs = collections.defaultdict(list)
    for log in glob.glob(os.path.join(folder, 'log', 'cron.log')):
        with open(log, errors='replace') as file:
            for line in file:
                match = CRON_LINE.search(line)
                if not match:
                    continue
                ended = dt.datetime.strptime(match.group(1),
                    '%Y-%m-%d %H:%M:%S') + dt.timedelta(
                    milliseconds=int(match.group(2)))
                if ended >= since and (until is None or ended < until):
                    runs[match.group(3)].append((ended, int(match.group(4))))
                    runs['last'] = [(ended, 0)]
    return runs


def wait_for_digests(database, folder, since, timeout=900, sending=600):
    """Wait for the first digest job since since (naive local time), which
    queues one task per office, then for trytond-worker to build and send
    them (sending seconds at most): (the job's ms, the digests, those
    still queued, the seconds from since until sent, the tasks, their ms in
    all)."""
    start = time.monotonic()
    built = mails = waiting = None
    tasks = (0, 0, 0)
    utc = dt.datetime.utcnow() - (dt.datetime.now() - since)
    while time.monotonic() - start < timeout:
        runs = cron_runs(folder, since)
        if built is None and runs.get('yankomas.mail|send_digests'):
            built = runs['yankomas.mail|send_digests'][0][1]
            timeout = time.monotonic() - start + sending
            sending_from = time.monotonic()
        if built is not None:
            (mails, waiting), = sql(database, "SELECT count(*),"
                " count(*) FILTER (WHERE state = 'queued') FROM yankomas_mail"
                " WHERE kind = 'digest' AND create_date >= %s", (utc,))
            tasks, = sql(database, "SELECT count(*),"
                " count(*) FILTER (WHERE finished_at IS NULL),"
                " COALESCE(SUM(EXTRACT(EPOCH FROM finished_at - dequeued_at))"
                " * 1000, 0) FROM ir_queue"
                " WHERE data->>'model' = 'yankomas.digest.period'"
                " AND enqueued_at >= %s", (utc,))
            if not waiting and not tasks[1]:
                break
        gevent.sleep(2)
    if built is not None and mails:
        print('  digests built and sent: %d in %.0f s after they were'
            ' queued' % (mails - waiting, time.monotonic() - sending_from))
    return (built, mails, waiting,
        (dt.datetime.now() - since).total_seconds(), tasks[0], tasks[2])


# -- the data ------------------------------------------------------------

def prepare(args, database, folder):
    "The office network loaded into database: bench/national.py's JSON."
    output = os.path.join(folder, 'network.json')
    env = dict(os.environ, PYTHONOPTIMIZE='1',
        TRYTOND_DATABASE__URI='postgresql://',
        TRYTOND_CONFIG=os.path.join(ROOT, 'config', 'production.conf'))
    subprocess.run([os.path.join(VENV_BIN, 'python'),
            os.path.join(HERE, 'national.py'), database, output,
            '--offices', str(args.offices), '--staff', str(args.staff),
            '--complaints', str(args.complaints)], check=True, env=env)
    with open(output) as file:
        return json.load(file)


def office_parties(database, network, count=500):
    """Some complainants of each office: the parties its staff may write
    (a record rule keeps the others from them)."""
    offices = {o['company']: i for i, o in enumerate(network['offices'])}
    parties = [[] for _ in offices]
    for company, party in sql(database, 'SELECT company, complainant FROM'
            ' (SELECT company, complainant, row_number() OVER (PARTITION BY'
            ' company ORDER BY id) AS n FROM yankomas_complaint) AS c'
            ' WHERE n <= %s', (count,)):
        parties[offices[company]].append(party)
    return parties


def view_fields(session, model, view_type):
    "The fields sao reads for a view of model, as it asks for them."
    view = session.model(model, 'fields_view_get', None, view_type)
    names = []
    for name, field in view['fields'].items():
        names.append(name)
        if field['type'] in ('many2one', 'one2one', 'reference'):
            names.append(name + '.rec_name')
    return names + ['rec_name', '_timestamp', '_write', '_delete']


def sign_in(logins, password):
    "A Session for each login, signed in four at a time."
    pool = gevent.pool.Pool(4)
    return dict(zip(logins, pool.map(
                lambda login: Session(login, password), logins)))


def mix_order(network):
    """The logins the mix's users take in turn: one office after the other,
    in each a Petugas, a Kasubsi, then three Petugas to one Kasubsi."""
    per_office = []
    for office in network['offices']:
        staff = {role: [s[0] for s in office['staff'] if s[1] == role]
            for role in ('petugas', 'kasubsi')}
        order = []
        for role in itertools.chain(['petugas', 'kasubsi'],
                itertools.cycle(['petugas'] * 3 + ['kasubsi'])):
            if not staff['petugas'] and not staff['kasubsi']:
                break
            if staff[role]:
                order.append(staff[role].pop(0))
        per_office.append(order)
    result = []
    for members in itertools.zip_longest(*per_office):
        result.extend(m for m in members if m)
    return result


# -- figures -------------------------------------------------------------

def summary(phase, name):
    "(count, per second, p50, p95, p99, refused, errors) of name."
    samples = phase['samples']
    times = sorted(samples.times.get(name, []))
    outcomes = samples.outcomes.get(name, collections.Counter())
    done = outcomes['ok'] + outcomes['refused']
    return (done, done / samples.seconds, percentile(times, 0.5),
        percentile(times, 0.95), percentile(times, 0.99),
        outcomes['refused'], outcomes['error'])


def print_mix(results, workers):
    print()
    print('Mix, %d gunicorn worker%s: actions/s and latency (ms) per action;'
        ' "x bare" is the p50 over the p50 of the bare call named, at the'
        ' same level' % (workers, 's' if workers > 1 else ''))
    header = '%-13s %5s %7s %8s %8s %8s %7s %-11s %8s' % (
        'action', 'users', 'done', '/s', 'p50', 'p95', 'p99', 'x bare',
        'refused/err')
    for phase in results:
        print()
        before, after = phase['load']
        total = sum(summary(phase, n)[0] for n in MIX)
        print('%d users: %.1f actions/s in all over %.0f s; load average'
            ' %.2f before, %.2f after' % (phase['users'],
                total / phase['samples'].seconds, phase['samples'].seconds,
                before[0], after[0]))
        print(header)
        for name, (_, _, bare) in MIX.items():
            done, rate, p50, p95, p99, refused, errors = summary(phase, name)
            if not done and not errors:
                continue
            ratio = ''
            if bare:
                base = summary(phase, bare)[2]
                if base == base and base and p50 == p50:
                    ratio = '%.1fx %s' % (p50 / base, bare.split()[1])
            print('%-13s %5d %7d %8.2f %8.1f %8.1f %7.1f %-11s %4d/%d' % (
                    name, phase['users'], done, rate, p50, p95, p99, ratio,
                    refused, errors))
        for name, errors in phase['errors'].items():
            for text, count in errors.most_common(3):
                print('    %s error x%d: %s' % (name, count, text))


def print_cron(runs, minutes, label, end=None):
    print()
    print('Scheduler (trytond-cron, from its log) %s, %.1f minutes:' % (
            label, minutes))
    if end and runs.get('last'):
        idle = (end - runs['last'][0][0]).total_seconds()
        if idle > 90:
            print('  no job ended in the last %.0f s: one was still running'
                % idle)
    for method in ['yankomas.mail|send_digests',
            'yankomas.complaint.step|detect_breaches',
            'yankomas.mail|send_pending']:
        times = [ms for _, ms in runs.get(method, [])]
        if not times:
            print('  %-40s no run' % method)
            continue
        ordered = sorted(times[1:]) or times
        print('  %-40s %3d runs, %8.0f ms a minute; the first %7.0f ms,'
            ' the others median %6.0f max %6.0f ms' % (method, len(times),
                sum(times) / max(minutes, 1), times[0],
                percentile(ordered, 0.5), ordered[-1]))


def print_comparison(phases, office_complaints, database_complaints):
    print()
    print('Part 5: against a bare Tryton call in the same run, and RT 5'
        ' (issue 16, same machine, 4 clients)')
    act, write = phases['act'], phases['bare write']
    create, bare_create = phases['create'], phases['bare create']
    overdue, page = phases['overdue page'], phases['bare page']
    rows = []
    a, w = summary(act, 'act'), summary(write, 'bare write')
    rows.append(('transitions/s (act with its note, 4 clients)', a[1],
            'bare write %.1f/s' % w[1], a[1] / w[1] if w[1] else 0,
            '%.1f/s' % RT['transition'], a[1] / RT['transition'],
            '>= %d/s' % TARGETS['transition'],
            'met' if a[1] >= TARGETS['transition'] else 'MISSED'))
    c, b = summary(create, 'create'), summary(bare_create, 'bare create')
    rows.append(('complaints created/s (4 clients, one office)', c[1],
            'bare create %.1f/s' % b[1], c[1] / b[1] if b[1] else 0,
            '%.1f/s' % RT['create'], c[1] / RT['create'],
            '>= %d/s' % TARGETS['create'],
            'met' if c[1] >= TARGETS['create'] else 'MISSED'))
    f = summary(phases['create, 4 offices'], 'create')
    rows.append(('complaints created/s (4 clients, in four offices)', f[1],
            'bare create %.1f/s' % b[1], f[1] / b[1] if b[1] else 0,
            '%.1f/s' % RT['create'], f[1] / RT['create'],
            '>= %d/s' % TARGETS['create'],
            'met' if f[1] >= TARGETS['create'] else 'MISSED'))
    o, p = summary(overdue, 'overdue page'), summary(page, 'bare page')
    rows.append(('overdue page p50 ms (1 client, %d in the office, %d in'
            ' all)' % (office_complaints, database_complaints), o[2],
            'bare page %.1f ms' % p[2], o[2] / p[2] if p[2] else 0,
            '%.1f ms' % RT['overdue_ms'], o[2] / RT['overdue_ms'],
            '<= %d ms' % TARGETS['overdue_ms'],
            'met' if o[2] <= TARGETS['overdue_ms'] else 'MISSED'))
    print('%-62s %9s %-22s %7s %-9s %6s %-9s %s' % ('', 'Yankomas',
            'bare Tryton', 'x bare', 'RT 5', 'x RT', 'target', ''))
    for row in rows:
        print('%-62s %9.1f %-22s %6.2fx %-9s %5.2fx %-9s %s' % row)
    for label, phase, name in [('act', act, 'act'),
            ('create', create, 'create'),
            ('create, 4 offices', phases['create, 4 offices'], 'create'),
            ('overdue page', overdue, 'overdue page')]:
        done, rate, p50, p95, p99, refused, errors = summary(phase, name)
        before, after = phase['load']
        print('  %-17s %6d done, p50 %.1f p95 %.1f p99 %.1f ms, %d refused,'
            ' %d errors; load %.2f -> %.2f' % (label, done, p50, p95, p99,
                refused, errors, before[0], after[0]))
        for text, count in phase['errors'][name].most_common(3):
            print('    error x%d: %s' % (count, text))


# -- the run -------------------------------------------------------------

def national_latencies(deployment, sessions, network, repeat=10):
    """Latencies (ms) at the national size, one client after the other:
    the board, My Tasks, the complaint list and a month's recap."""
    office = network['offices'][0]
    kasubsi = next(sessions[s[0]] for s in office['staff']
        if s[1] == 'kasubsi')
    petugas = next(sessions[s[0]] for s in office['staff']
        if s[1] == 'petugas')
    board = '%s%s/yankomas/board/data' % (deployment.url,
        deployment.database)

    def get_board(session):
        request = urllib.request.Request(board, headers={
                'Authorization': session.auth,
                'X-Requested-With': 'XMLHttpRequest'})
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()

    def my_tasks(session):
        ids = session.model('yankomas.complaint.step', 'search',
            [('mine', '=', True)], 0, 1000, None)
        session.model('yankomas.complaint.step', 'search_count',
            [('mine', '=', True)], 0, 1000)
        session.model('yankomas.complaint.step', 'read', ids[:20],
            PHASE['views']['step'])

    def overdue(session):
        domain = [('overdue', '=', True)]
        ids = session.model('yankomas.complaint', 'search', domain, 0, 50,
            None)
        session.model('yankomas.complaint', 'search_count', domain)
        session.model('yankomas.complaint', 'read', ids,
            PHASE['views']['list'])

    results = {}
    for label, function, session, times in [
            ('board (Kasubsi)', get_board, kasubsi, repeat),
            ('My Tasks (Petugas)', my_tasks, petugas, repeat),
            ('My Tasks (Kasubsi)', my_tasks, kasubsi, repeat),
            ('overdue page (Kasubsi)', overdue, kasubsi, repeat)]:
        measured = []
        for _ in range(times + 1):
            start = time.perf_counter()
            function(session)
            measured.append((time.perf_counter() - start) * 1000)
        results[label] = sorted(measured[1:])  # the first warms up
    # A month's recap: its compute button over RPC as the Petugas, and in
    # process (the figures alone, best of three, rolled back).
    try:
        start = time.perf_counter()
        petugas.model('yankomas.recap', 'compute', [office['recap']])
        results["month's recap, compute over RPC (Petugas)"] = [
            (time.perf_counter() - start) * 1000]
    except RPCError as error:
        results["month's recap, compute over RPC (Petugas)"] = str(
            error.args[1][0] if error.args[1:] else error)
    child = subprocess.run([os.path.join(VENV_BIN, 'python'), __file__,
            '--time-recap', deployment.database, str(office['recap']),
            petugas.login], capture_output=True, text=True,
        env=dict(os.environ, PYTHONOPTIMIZE='1',
            TRYTOND_CONFIG=os.path.join(ROOT, 'config', 'production.conf')))
    try:
        recap = json.loads(child.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        recap = {'refused': child.stderr[-300:]}
    results["month's recap, compute in process"] = recap
    return results


def main():
    args = parse()
    started = time.monotonic()
    command = 'PYTHONOPTIMIZE=1 .venv/bin/python bench/' + ' '.join(
        [os.path.basename(sys.argv[0])] + sys.argv[1:])
    print('Load benchmark, %s' % dt.datetime.now().astimezone().strftime(
            '%Y-%m-%d %H:%M %Z'))
    print('machine: %s; load average %s' % (machine(), load_average()))
    print('command: %s' % command)
    import psycopg
    template = template_database('yankomas_load_template',
        config=os.path.join(ROOT, 'config', 'production.conf'),
        password=ADMIN_PASSWORD)
    database = 'yankomas_load_%d' % os.getpid()
    with psycopg.connect(dbname='postgres', autocommit=True) as conn:
        conn.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (
                database, template))
    print('database %s (from %s), %.0f s' % (database, template,
            time.monotonic() - started))
    folder = tempfile.mkdtemp(prefix='yankomas-load-')
    deployment = None
    try:
        network = prepare(args, database, folder)
        per_office = args.complaints // args.offices
        print('%d offices, %d staff, %d complaints (%d an office) loaded in'
            ' %.0f s; load average %s' % (args.offices, network['staff'],
                args.complaints, per_office, network['seconds'],
                load_average()))
        role_of, office_of = {}, {}
        for index, office in enumerate(network['offices']):
            for login, role, _ in office['staff']:
                role_of[login], office_of[login] = role, index
        order = mix_order(network)
        users = max(args.users + [4])
        wanted = order[:users]
        # The comparison's pairs: a Petugas and a Kasubsi of each office.
        pairs = {}
        for office in network['offices'][:4]:
            petugas = [s[0] for s in office['staff'] if s[1] == 'petugas']
            kasubsi = [s[0] for s in office['staff'] if s[1] == 'kasubsi']
            pairs[petugas[0]] = (petugas[0], kasubsi[0])
        wanted = list(dict.fromkeys(wanted + [p for pair in pairs.values()
                        for p in pair]))
        PHASE.update(database=database, role_of=role_of, office_of=office_of,
            codes=[o['codes'] for o in network['offices']])
        cron_since = None
        mixes, comparisons, national, cron = {}, {}, None, []
        sessions = None
        for workers in args.workers:
            deployment = Deployment(database, folder, workers)
            since = set_digest_time(database)
            cron_since = cron_since or since
            deployment.start()
            PHASE['host'] = deployment.url.rstrip('/')
            Session.url = deployment.rpc
            print()
            print('make production, %d worker%s, on port %d: up in %.0f s'
                % (workers, 's' if workers > 1 else '', deployment.port,
                    (dt.datetime.now() - since).total_seconds()))
            if sessions is None:
                sessions = sign_in(wanted, network['password'])
                first = sessions[order[0]]
                PHASE['views'] = {
                    'list': view_fields(first, 'yankomas.complaint', 'tree'),
                    'form': view_fields(first, 'yankomas.complaint', 'form'),
                    'step': view_fields(first, 'yankomas.complaint.step',
                        'tree'),
                    'party': view_fields(first, 'party.party', 'tree'),
                    }
                PHASE['parties'] = office_parties(database, network)
                PHASE['categories'] = first.model(
                    'yankomas.complaint.category', 'search',
                    [('integrity', '=', False)], 0, None, None)
                admin = Session('admin', ADMIN_PASSWORD)
                PHASE['digest_cron'], = admin.model('ir.cron', 'search',
                    [('method', '=', 'yankomas.mail|send_digests')], 0, None,
                    None)
            built, mails, waiting, sent, tasks, task_ms = wait_for_digests(
                database, deployment.folder, since)
            print('  the day\'s digests: queued by trytond-cron\'s first run'
                ' in %s ms (%d tasks), built and sent by trytond-worker in'
                ' %.0f ms of tasks (%s e-mails), %.0f s after the start (%s'
                ' still queued)' % ('%.0f' % built if built else '?', tasks,
                    task_ms, mails, sent, waiting))
            mixes[workers] = [run_phase('mix', MixUser, n, args.duration,
                    [sessions[login] for login in order[:n]], admin)
                for n in args.users]
            print_mix(mixes[workers], workers)
            if workers == max(args.workers) and not args.no_compare:
                comparisons = compare(args, database, sessions, pairs,
                    network, order)
                print_comparison(comparisons, per_office, args.complaints)
            if workers == max(args.workers) and args.national:
                national = national_latencies(deployment, sessions, network)
                quiet = dt.datetime.now()
                print('  the scheduler alone for %d minutes...' % (
                        args.cron_minutes))
                gevent.sleep(60 * args.cron_minutes)
                cron.append(('with no user, after the mix, %d workers' % (
                            workers), cron_runs(deployment.folder, quiet),
                        args.cron_minutes, dt.datetime.now()))
            deployment.stop()
            cron.append(('over the whole deployment with %d worker%s'
                    ' (the digest time first, then the mix)' % (workers,
                        's' if workers > 1 else ''),
                    cron_runs(deployment.folder, since),
                    (dt.datetime.now() - since).total_seconds() / 60,
                    dt.datetime.now()))
            deployment = None
        for label, runs, minutes, end in cron:
            print_cron(runs, minutes, label, end)
        if national:
            print()
            print('At the national size (%d offices, %d complaints),'
                ' one client, ms:' % (args.offices, args.complaints))
            for label, times in national.items():
                if isinstance(times, str):
                    print('  %-34s refused: %s' % (label, times))
                elif isinstance(times, dict):
                    print('  %-34s %s ms (%s lines, as %s)%s' % (label,
                            '%.0f' % times['ms'] if 'ms' in times else '?',
                            times.get('lines'), times.get('user'),
                            '; refused as the Petugas: %s' % times['refused']
                            if times.get('refused') else ''))
                else:
                    print('  %-34s median %8.1f  p95 %8.1f  (%d runs)' % (
                            label, percentile(times, 0.5),
                            percentile(times, 0.95), len(times)))
        print()
        print('Done in %.1f minutes; load average %s' % (
                (time.monotonic() - started) / 60, load_average()))
    finally:
        if deployment:
            deployment.stop()
        if args.keep:
            print('database kept: %s, the deployments\' folders: %s' % (
                    database, folder))
        else:
            shutil.rmtree(folder, ignore_errors=True)
            with psycopg.connect(dbname='postgres', autocommit=True) as conn:
                conn.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % (
                        database))


def compare(args, database, sessions, pairs, network, order):
    "Part 5's phases, each for --compare-duration seconds."
    intake = collections.defaultdict(list)
    offices = {o['company']: i for i, o in enumerate(network['offices'])}
    for cid, company in sql(database, "SELECT id, company FROM"
            " yankomas_complaint WHERE state = 'intake' ORDER BY random()"):
        intake[offices[company]].append(cid)
    PHASE['intake'] = intake
    PHASE['pair'] = {p: (sessions[p], sessions[k]) for p, k in pairs.values()}
    petugas = [sessions[p] for p in pairs]
    one_office = [s for s in order if PHASE['role_of'][s] == 'petugas'
        and PHASE['office_of'][s] == 0][:4]
    kasubsi = next(s for s in order if PHASE['role_of'][s] == 'kasubsi'
        and PHASE['office_of'][s] == 0)
    for login in one_office + [kasubsi]:
        if login not in sessions:
            sessions[login] = Session(login, network['password'])
    duration = args.compare_duration
    print()
    print('Part 5 phases, %.0f s each:' % duration)
    return {
        'act': run_phase('act (escalate, decide, complete)',
            job_user(cycle), 4, duration, petugas),
        'bare write': run_phase('bare write', job_user(
                lambda u: u.timed('bare write', u.bare_write)),
            4, duration, petugas),
        'create': run_phase('create (one office)', job_user(
                lambda u: u.timed('create', u.create)),
            4, duration, [sessions[s] for s in one_office]),
        'create, 4 offices': run_phase('create (four offices)', job_user(
                lambda u: u.timed('create', u.create)),
            4, duration, petugas),
        'bare create': run_phase('bare create', job_user(
                lambda u: u.timed('bare create', u.bare_create)),
            4, duration, [sessions[s] for s in one_office]),
        'overdue page': run_phase('overdue page', job_user(
                lambda u: u.timed('overdue page', u.overdue_page)),
            1, duration, [sessions[kasubsi]]),
        'bare page': run_phase('bare page', job_user(
                lambda u: u.timed('bare page', u.bare_page)),
            1, duration, [sessions[kasubsi]]),
        }


if __name__ == '__main__':
    main()
