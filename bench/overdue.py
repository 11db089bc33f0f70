"""Benchmark of the breach scan: finding the open steps that became late.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/overdue.py [COUNT]

Loads COUNT complaints (100,000 by default; 1,000,000 for the large run) into
a fresh PostgreSQL database, most of them closed, and compares the time of
`Step.new_breach_ids` (the ORM search the scheduler runs every minute) with the
same query in raw SQL, in the same run. Prints figures, asserts nothing.
"""
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import copy_rows, create_office, fresh_database, median_time, progress  # noqa

STEPS = {
    'done': ['reception', 'intake'],
    'escalated': ['reception', 'intake', 'subsection', 'resolution'],
    }
ROLE = {'reception': 'duta_layanan', 'intake': 'petugas',
    'subsection': 'kasubsi', 'resolution': 'petugas'}
BATCH = 20_000


def load(database, count):
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(database)
    pool.init()
    now = dt.datetime(2026, 6, 1, 3, 0)
    rng = random.Random(42)
    with Transaction().start(database, 0) as transaction:
        company, party = create_office(pool)
        cursor = transaction.connection.cursor()
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            received = [now - dt.timedelta(minutes=rng.randint(10, 60 * 24 * 365))
                for _ in range(size)]
            copy_rows(cursor, 'yankomas_complaint', [
                    'number', 'company', 'channel', 'received', 'subject',
                    'complainant', 'state', 'representation', 'create_uid',
                    'create_date'], (
                    ('PGD/B/%07d' % (start + i), company.id, 'walk_in', r,
                        'Bench', party.id, 'done', 'self', 0, now)
                    for i, r in enumerate(received)))
            cursor.execute('SELECT id, received FROM yankomas_complaint '
                'ORDER BY id DESC LIMIT %s', (size,))
            rows = []
            for complaint_id, when in cursor.fetchall():
                share = rng.random()
                path = STEPS['escalated' if share < 0.3 else 'done']
                open_last = share > 0.9
                late_unnoticed = share > 0.995
                for index, step in enumerate(path):
                    last = index == len(path) - 1
                    started = when + dt.timedelta(minutes=30 * index)
                    deadline = started + dt.timedelta(minutes=30)
                    if last and open_last:
                        if late_unnoticed:
                            noticed = None
                        else:
                            deadline = now + dt.timedelta(minutes=30)
                            noticed = None
                        rows.append((complaint_id, step, ROLE[step], started,
                                deadline, None, noticed, False, 0, now))
                    else:
                        rows.append((complaint_id, step, ROLE[step], started,
                                deadline, started + dt.timedelta(minutes=20),
                                None, False, 0, now))
            copy_rows(cursor, 'yankomas_complaint_step', [
                    'complaint', 'step', 'role', 'started', 'deadline',
                    'ended', 'breach_detected', 'on_hold', 'create_uid',
                    'create_date'], rows)
            progress(start + size, count, 'complaints')
        cursor.execute('ANALYZE yankomas_complaint_step')
        transaction.commit()
    return pool, now


def measure(database, pool, now):
    from trytond.transaction import Transaction
    Step = pool.get('yankomas.complaint.step')
    query = ('SELECT id FROM yankomas_complaint_step '
        'WHERE ended IS NULL AND breach_detected IS NULL '
        'AND deadline < %s ORDER BY deadline, id')
    with Transaction().start(database, 0, readonly=True) as transaction:
        cursor = transaction.connection.cursor()
        cursor.execute('SELECT count(*), count(*) FILTER (WHERE ended IS NULL)'
            ' FROM yankomas_complaint_step')
        total, open_ = cursor.fetchone()

        def raw():
            cursor.execute(query, (now,))
            return cursor.fetchall()

        def orm():
            return Step.new_breach_ids(now)

        found = len(orm())
        assert found == len(raw())
        cursor.execute('EXPLAIN ' + query, (now,))
        plan = '\n'.join('    ' + r[0] for r in cursor.fetchall())
        raw_time = median_time(raw)
        orm_time = median_time(orm)
    print('steps: %d, open: %d, new breaches found: %d' % (
            total, open_, found))
    print('raw SQL plan:\n' + plan)
    print('raw SQL scan:       %8.2f ms' % (raw_time * 1000))
    print('Step.new_breach_ids: %7.2f ms' % (orm_time * 1000))
    print('ratio ORM / SQL:    %8.2f (target <= 1.5)' % (orm_time / raw_time))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with fresh_database() as database:
        pool, now = load(database, count)
        measure(database, pool, now)


if __name__ == '__main__':
    main()
