"""Benchmark of the public complaint form: submissions per second and p95
latency with 20 concurrent clients, against a bare Tryton create in the
same run.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/public.py [SUBMISSIONS] [CLIENTS]

(50 submissions and 20 clients by default: about two minutes on two cores,
half of it solving the proofs of work.) Needs the local PostgreSQL, as the
other benchmarks.

What it does:

* a fresh PostgreSQL database (common.fresh_database) with yankomas_public
  activated, one office and its Petugas (with an e-mail, so that every
  complaint's hand-over notice is rendered and sent);
* a real server (`trytond`, PYTHONOPTIMIZE=1) on a free port, sending its
  e-mail to an SMTP sink in this process, started with
  `[web] num_proxies = 1` (TRYTOND_WEB__NUM_PROXIES) so that it reads the
  visitor's address from X-Forwarded-For, as behind the production reverse
  proxy;
* before the timed phase, for each submission: its own address, its own CSRF
  cookie and token (a GET of the form), and a real challenge of the server
  (GET /challenge) solved in a process pool (`pow.solve`, about a second
  each). The module has no knob to lower the challenge's cost, and none is
  added for the benchmark: the server checks each solution at its real cost;
* timed: CLIENTS threads post the forms (the texts, a small PDF and the
  solution), each expecting the 303 to the tracking page (and, first, a
  fifth as many posted by one client alone, for reference). Every submission
  comes from its own X-Forwarded-For address: the limit of 10 forms an hour
  is per visitor, and a client here stands for a stream of visitors (behind
  one address, each would be refused after its 10th form, which would
  measure the refusal page instead);
* then the same number of bare creates of yankomas.complaint with the same
  texts: over JSON-RPC as the Petugas with the same CLIENTS threads, and
  through the ORM in this process, one after the other.

Prints rates, latencies, what the refused answers said, and ratios; asserts
nothing. The database is dropped at the end; the server's log is kept in
the temporary folder (its path printed).
"""
import base64
import collections
import concurrent.futures
import itertools
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
# aiosmtpd imports a package named "public": not this file.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or '.') != HERE]
from aiosmtpd.controller import Controller  # noqa: E402
sys.path.insert(0, HERE)
from common import ROOT, VENV_BIN, create_office, fresh_database  # noqa

PASSWORD = 'bench-petugas'
NIK = '3528014501900002'
TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
TEXTS = {
    'name': "Siti Aminah", 'id_type': 'nik', 'id_number': NIK,
    'address': "Jl. Trunojoyo 17, Pamekasan", 'phone': '0812 3456 7890',
    'service': 'passport', 'subject': "Paspor belum jadi",
    'description': "Dijanjikan tiga hari kerja, sudah sepuluh hari. "
    "Sudah dua kali datang ke loket dan belum ada kepastian.",
    'incident_place': "Loket 2", 'loss': "Dua kali datang",
    'requested_resolution': "Paspor segera diterbitkan",
    }


# The smallest file the office keeps as a PDF (its content says so).
PDF = (b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'
    b'trailer\n<< /Root 1 0 R >>\n%%EOF\n')


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class Sink:
    "An SMTP server that counts what the server sends and keeps nothing."

    def __init__(self):
        self.port, self.count, sink = free_port(), 0, self

        class Handler:
            async def handle_DATA(self, smtp, session, envelope):
                sink.count += 1
                return '250 OK'
        self.controller = Controller(Handler(), hostname='127.0.0.1',
            port=self.port)


def prepare(database):
    """yankomas_public activated; an office with its complaint sequence and
    its Petugas (login petugas)."""
    subprocess.run([os.path.join(VENV_BIN, 'trytond-admin'), '-d', database,
            '-u', 'yankomas_public', '--activate-dependencies'],
        check=True, stdout=subprocess.DEVNULL,
        env=dict(os.environ, PYTHONOPTIMIZE='1'))
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(database)
    pool.init()
    with Transaction().start(database, 0) as transaction:
        Sequence = pool.get('ir.sequence.strict')
        ModelData = pool.get('ir.model.data')
        ConfigurationSequence = pool.get('yankomas.configuration.sequence')
        Calendar = pool.get('company.working_calendar')
        User = pool.get('res.user')
        company, _ = create_office(pool)
        Calendar.of(company)
        sequence, = Sequence.create([{'name': "Pengaduan", 'prefix': 'PGD/',
                    'company': company.id, 'padding': 5,
                    'sequence_type': ModelData.get_id('yankomas_complaint',
                        'sequence_type_complaint')}])
        ConfigurationSequence(company=company,
            complaint_sequence=sequence).save()
        User.create([{'login': 'petugas', 'name': "Petugas",
                    'password': PASSWORD, 'email': 'petugas@bench.example',
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'groups': [('add', [ModelData.get_id(
                                    'yankomas_complaint', 'group_petugas')])],
                    }])
        transaction.commit()
        return pool, company.id


class Server:
    "trytond serving the database, as in production behind one proxy."

    def __init__(self, database, sink):
        self.port = free_port()
        self.url = f'http://127.0.0.1:{self.port}'
        self.base = f'/{database}/yankomas/public'
        self.database = database
        env = dict(os.environ, PYTHONOPTIMIZE='1',
            TRYTOND_WEB__LISTEN=f'127.0.0.1:{self.port}',
            TRYTOND_WEB__HOSTNAME=f'127.0.0.1:{self.port}',
            TRYTOND_WEB__NUM_PROXIES='1',
            TRYTOND_EMAIL__URI=f'smtp://127.0.0.1:{sink.port}',
            TRYTOND_EMAIL__FROM='yankomas@bench.example')
        self.log = tempfile.NamedTemporaryFile('w+', prefix='trytond-',
            suffix='.log', delete=False)
        self.process = subprocess.Popen(
            [os.path.join(VENV_BIN, 'trytond'), '-d', database], env=env,
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        end = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url + self.base + '/track')
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > end or self.process.poll() is not None:
                    raise RuntimeError("trytond did not start")
                time.sleep(0.3)

    def request(self, path, address, data=None, headers=None):
        "(status, headers, body) of a request from the visitor address."
        request = urllib.request.Request(self.url + path, data=data,
            headers=dict(headers or {}, **{'X-Forwarded-For': address}))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=120) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def stop(self):
        self.process.terminate()
        self.process.wait(30)
        self.log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


class RPC:
    "A JSON-RPC session, as the web client opens it."

    _ids = itertools.count(1)

    def __init__(self, server, login, password):
        self.url = f'{server.url}/{server.database}/rpc/'
        self.auth = None
        user, session = self.call('common.db.login', login,
            {'password': password})[:2]
        self.auth = 'Session ' + base64.b64encode(
            f'{login}:{user}:{session}'.encode()).decode()
        self.context = self.call('model.res.user.get_preferences', True, {})

    def call(self, method, *params):
        request = urllib.request.Request(self.url, json.dumps({
                    'id': next(self._ids), 'method': method,
                    'params': params}).encode(),
            {'Content-Type': 'application/json'})
        if self.auth:
            request.add_header('Authorization', self.auth)
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.load(response)
        if 'error' in answer:
            raise RuntimeError(answer['error'])
        return answer['result']


def multipart(fields, files):
    boundary = 'bench%d' % time.monotonic_ns()
    out = bytearray()
    for name, value in fields.items():
        out += (f'--{boundary}\r\nContent-Disposition: form-data; '
            f'name="{name}"\r\n\r\n{value}\r\n').encode()
    for name, filename, content, kind in files:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; '
            f'name="{name}"; filename="{filename}"\r\nContent-Type: {kind}'
            '\r\n\r\n').encode() + content + b'\r\n'
    out += f'--{boundary}--\r\n'.encode()
    return bytes(out), f'multipart/form-data; boundary={boundary}'


def addresses():
    "A new visitor's address each time (documentation ranges, then more)."
    for n in itertools.count(1):
        yield '10.%d.%d.%d' % (n >> 16 & 255, n >> 8 & 255, n & 255)


def visitors(server, count, office):
    """[(address, cookie, token, challenge)] of count visitors who opened
    the form; the challenges are still to solve."""
    ready = []
    for address, _ in zip(addresses(), range(count)):
        status, headers, body = server.request(
            f'{server.base}/complaint?office={office}', address)
        assert status == 200, status
        cookie = headers['Set-Cookie'].split(';')[0]
        token = TOKEN.search(body.decode()).group(1)
        status, _, body = server.request(f'{server.base}/challenge', address)
        assert status == 200, status
        ready.append((address, cookie, token, json.loads(body)))
    return ready


def solve_all(challenges):
    import multiprocessing
    from yankomas_public import pow
    workers = os.cpu_count() or 2
    with concurrent.futures.ProcessPoolExecutor(workers,
            mp_context=multiprocessing.get_context('spawn')) as pool:
        return list(pool.map(pow.solve, challenges))


def timed(function, items, clients):
    """(wall seconds, [(seconds, answer)]) of function over items by clients
    threads, function giving 'made' or the status of a failure."""
    lock, results = threading.Lock(), []

    def one(item):
        start = time.perf_counter()
        answer = function(item)
        took = time.perf_counter() - start
        with lock:
            results.append((took, answer))

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, items))
    return time.perf_counter() - start, results


def report(label, wall, results):
    """Print and return (made per second, p95 of those made): the answers of
    every kind per second, the complaints made per second, and latencies."""
    times = [t for t, _ in results]
    made = [t for t, a in results if a == 'made']
    quantile = statistics.quantiles(made, n=20)[-1] if len(made) > 1 else (
        made[0] if made else float('nan'))
    print(f"{label:<36} {len(results) / wall:5.1f} answers/s  "
        f"{len(made) / wall:5.1f} made/s  p50 "
        f"{statistics.median(times) * 1000:5.0f} ms  p95 "
        f"{statistics.quantiles(times, n=20)[-1] * 1000:5.0f} ms  "
        f"(p95 of those made {quantile * 1000:5.0f} ms)")
    answers = collections.Counter(a for _, a in results)
    if set(answers) != {'made'}:
        print(f"  answers: {dict(answers)}")
    return len(made) / wall, quantile


def main(submissions=50, clients=20):
    sink = Sink()
    sink.controller.start()
    with fresh_database() as database:
        started = time.perf_counter()
        pool, office = prepare(database)
        server = Server(database, sink)
        try:
            print(f"database and server ready in "
                f"{time.perf_counter() - started:.0f} s")
            run(pool, server, office, submissions, clients, sink)
        finally:
            server.stop()
            print(f"server log: {server.log.name}")
    sink.controller.stop()


def words(html):
    return ' '.join(re.sub(rb'<[^>]+>', b' ', html).decode().split())


def run(pool, server, office, submissions, clients, sink):
    started = time.perf_counter()
    alone = max(5, submissions // 5)
    ready = visitors(server, submissions + alone, office)
    proofs = solve_all([c for *_, c in ready])
    print(f"{len(ready)} visitors' forms, tokens and proofs of work ready "
        f"in {time.perf_counter() - started:.0f} s "
        f"({os.cpu_count()} processes solving)")
    incident = time.strftime('%Y-%m-%dT%H:%M',
        time.gmtime(time.time() - 3 * 86400))
    forms = []
    for (address, cookie, token, _), proof in zip(ready, proofs):
        fields = dict(TEXTS, office=office, incident_time=incident,
            email=f'warga.{len(forms)}@bench.example', agree='1',
            website='', csrf_token=token, altcha=proof)
        body, kind = multipart(fields,
            [('evidence', 'bukti.pdf', PDF, 'application/pdf')])
        forms.append((address, cookie, body, kind))
    failures = {}

    def submit(form):
        address, cookie, body, kind = form
        status, _, answer = server.request(f'{server.base}/complaint',
            address, data=body, headers={'Cookie': cookie,
                'Content-Type': kind})
        if status == 303:
            return 'made'
        failures[status] = words(answer)
        return status

    mails = sink.count
    print()
    report("public form (1 client, for reference)",
        *timed(submit, forms[submissions:], 1))
    form = report(f"public form ({clients} clients)",
        *timed(submit, forms[:submissions], clients))
    print(f"  {sink.count - mails} e-mails received (a notice and a "
        "confirmation for each complaint made)")

    rpc = RPC(server, 'petugas', PASSWORD)
    party, = rpc.call('model.party.party.create', [{'name': "Pengadu"}],
        rpc.context)
    values = {k: v for k, v in TEXTS.items() if k != 'name'}
    values.update(channel='web', complainant=party, company=office)

    def create(_):
        try:
            rpc.call('model.yankomas.complaint.create', [values], rpc.context)
        except urllib.error.HTTPError as error:
            failures[f'RPC {error.code}'] = words(error.read())
            return error.code
        return 'made'

    bare = report(f"RPC create ({clients} clients)",
        *timed(create, range(submissions), clients))
    orm = report("ORM create (one by one, in process)",
        *orm_creates(pool, server.database, office, values, submissions))
    for status, text in failures.items():
        print(f"{status}: {text[:200]}")
    print()
    for label, (rate, latency) in [('RPC create', bare), ('ORM create', orm)]:
        print(f"public form / {label}: {form[0] / rate:.2f}x the complaints "
            f"made per second, {form[1] / latency:.1f}x their p95")


def orm_creates(pool, database, office, values, count):
    "Creates of the complaint in this process, each in its transaction."
    from trytond.transaction import Transaction, TransactionError
    Complaint = pool.get('yankomas.complaint')
    results = []
    start = time.perf_counter()
    for _ in range(count):
        one = time.perf_counter()
        extras = {}
        while True:  # as trytond's dispatcher retries a transaction
            with Transaction().start(database, 0, context={
                        'company': office}, **extras) as transaction:
                try:
                    Complaint.create([values])
                except TransactionError as error:
                    transaction.rollback()
                    error.fix(extras)
                    continue
                transaction.commit()
                break
        results.append((time.perf_counter() - one, 'made'))
    return time.perf_counter() - start, results


if __name__ == '__main__':
    main(*[int(a) for a in sys.argv[1:3]])
