"""Shared pieces of the benchmarks: a fresh PostgreSQL database with the
module, bulk loading through COPY, and timing."""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV_BIN = os.path.join(ROOT, '.venv', 'bin')


@contextmanager
def fresh_database(uri='postgresql://'):
    "A new PostgreSQL database with the module activated, dropped after."
    import psycopg
    # A new name each time: trytond's caches are keyed on the name.
    name = 'yankomas_bench_%d_%d' % (os.getpid(), time.time_ns() % 10**9)
    with psycopg.connect(
            uri, dbname='postgres', autocommit=True) as conn:
        conn.execute('CREATE DATABASE "%s"' % name)
    passfile = tempfile.NamedTemporaryFile('w', suffix='.pass')
    passfile.write('bench-admin\n')
    passfile.flush()
    env = dict(os.environ, TRYTOND_DATABASE__URI=uri,
        TRYTONPASSFILE=passfile.name, PYTHONOPTIMIZE='1')
    try:
        subprocess.run([os.path.join(VENV_BIN, 'trytond-admin'), '-d', name,
                '-u', 'yankomas_email', 'yankomas_recap', 'yankomas_reporting',
                'yankomas_board', '--activate-dependencies'],
            env=env, input=b'\n', check=True, stdout=subprocess.DEVNULL)
        os.environ['TRYTOND_DATABASE__URI'] = uri
        yield name
    finally:
        with psycopg.connect(
            uri, dbname='postgres', autocommit=True) as conn:
            conn.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
        passfile.close()


def copy_rows(cursor, table, columns, rows):
    "Load rows into table with COPY, the fastest way into PostgreSQL."
    with cursor.copy('COPY "%s" (%s) FROM STDIN' % (
                table, ', '.join('"%s"' % c for c in columns))) as copy:
        for row in rows:
            copy.write_row(row)


def progress(done, total, label):
    sys.stdout.write('\r%s: %d/%d (%d%%)' % (
            label, done, total, 100 * done // total))
    if done >= total:
        sys.stdout.write('\n')
    sys.stdout.flush()


def median_time(function, repeat=7):
    "The median wall time of function over repeat runs, after a warm-up."
    function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def create_office(pool, name='Kantor Imigrasi Bench'):
    "An office (company in Rupiah, Jakarta time) and its party."
    Company = pool.get('company.company')
    Party = pool.get('party.party')
    Currency = pool.get('currency.currency')
    currency, = Currency.create([{'name': 'Rupiah', 'code': 'IDR',
                'symbol': 'Rp', 'rounding': 1, 'digits': 0}])
    party, = Party.create([{'name': name}])
    company, = Company.create([{'party': party.id, 'currency': currency.id,
                'timezone': 'Asia/Jakarta'}])
    return company, party


# The modules `make production` activates (they bring in the others).
PRODUCTION_MODULES = ['yankomas_email', 'yankomas_recap', 'yankomas_reporting',
    'yankomas_board', 'yankomas_privacy', 'yankomas_public', 'yankomas_answer',
    'yankomas_survey']


def modules_digest():
    """A digest of the modules' code and data (the files `make production`
    rebuilds its database for): a cached database is reused while it holds."""
    import hashlib
    digest = hashlib.sha256()
    addons = os.path.join(ROOT, 'addons')
    for folder, dirs, files in sorted(os.walk(addons)):
        dirs[:] = sorted(d for d in dirs if d not in ('tests', '__pycache__'))
        for name in sorted(files):
            if name.endswith(('.py', '.xml', '.cfg', '.po')):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, addons).encode())
                with open(path, 'rb') as file:
                    digest.update(file.read())
    return digest.hexdigest()[:12]


def template_database(prefix, modules=PRODUCTION_MODULES, language='id',
        config=None, password='bench-admin', uri='postgresql://'):
    """The name of a PostgreSQL database with modules activated (and
    language loaded), kept between runs as a template to copy with CREATE
    DATABASE ... TEMPLATE: built with trytond-admin when the modules changed
    since (older templates of prefix dropped), as `make production` builds
    its database. The admin's password is password."""
    import psycopg
    name = '%s_%s' % (prefix, modules_digest())
    with psycopg.connect(uri, dbname='postgres', autocommit=True) as conn:
        found = [n for n, in conn.execute('SELECT datname FROM pg_database'
                ' WHERE datname LIKE %s', (prefix + '\\_%',))]
        if name in found:
            return name
        for old in found:
            conn.execute('DROP DATABASE "%s" WITH (FORCE)' % old)
        conn.execute('CREATE DATABASE "%s"' % name)
    with tempfile.NamedTemporaryFile('w', suffix='.pass') as passfile:
        passfile.write(password + '\n')
        passfile.flush()
        env = dict(os.environ, TRYTOND_DATABASE__URI=uri,
            TRYTONPASSFILE=passfile.name, PYTHONOPTIMIZE='1')
        command = [os.path.join(VENV_BIN, 'trytond-admin'), '-d', name,
            '-u', *modules, '--activate-dependencies']
        if config:
            command[1:1] = ['-c', config]
        if language:
            command += ['-l', language]
        try:
            subprocess.run(command, env=env, input=b'\n', check=True,
                stdout=subprocess.DEVNULL)
        except BaseException:
            with psycopg.connect(
                    uri, dbname='postgres', autocommit=True) as conn:
                conn.execute('DROP DATABASE IF EXISTS "%s"' % name)
            raise
    return name


def percentile(ordered, share):
    "The nearest-rank percentile share (0..1) of the sorted list ordered."
    if not ordered:
        return float('nan')
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def machine():
    "The machine, as a line: CPU model, cores, memory."
    model = 'unknown CPU'
    try:
        with open('/proc/cpuinfo') as cpuinfo:
            for line in cpuinfo:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
        with open('/proc/meminfo') as meminfo:
            memory = int(meminfo.readline().split()[1]) // 1024
    except OSError:
        memory = 0
    return '%s, %d cores, %d MiB' % (model, os.cpu_count(), memory)


def load_average():
    "The 1, 5 and 15 minute load averages, as a string."
    return '%.2f %.2f %.2f' % os.getloadavg()
