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
