"""Benchmark of the e-mail digests: building them for one office.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/digest.py [COMPLAINTS] [READERS]

Loads COMPLAINTS overdue complaints (10,000 by default) and READERS staff
(50) into a fresh PostgreSQL database, then runs the scheduler's digest job
(`Mail.send_digests`) at a digest time, which queues the office's task,
then the task's building of its digests (as trytond-worker runs it), and
prints the time and the number of SQL queries of each, with the same for a
tenth of the complaints to show how they grow. It runs the job again a
minute later, as trytond-cron does, when the period is already queued, and
prints that run's cost and its ratio to the first. Prints figures, asserts
nothing; no e-mail leaves (the work is rolled back).
"""
import datetime as dt
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import copy_rows, create_office, fresh_database, progress  # noqa

ROLES = [('petugas', 0.6), ('kasubsi', 0.2), ('kasi', 0.1),
    ('kepala_kantor', 0.1)]
STEPS = [('intake', 'petugas'), ('subsection', 'kasubsi'),
    ('section', 'kasi'), ('resolution', 'petugas')]
BATCH = 20_000


class QueryCounter:
    "Counts the SQL statements trytond sends to PostgreSQL."

    def __init__(self):
        from trytond.backend.postgresql import database
        self.count, self.cursor = 0, database.LoggingCursor
        self.execute = self.cursor.execute
        counter = self

        def execute(cursor, *args, **kwargs):
            counter.count += 1
            return counter.execute(cursor, *args, **kwargs)
        self.cursor.execute = execute


def load(database, complaints, readers, now):
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(database)
    pool.init()
    with Transaction().start(database, 0) as transaction:
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        Category = pool.get('yankomas.complaint.category')
        company, party = create_office(pool)
        users = []
        for role, share in ROLES:
            group = ModelData.get_id('yankomas_complaint', 'group_%s' % role)
            for i in range(max(1, round(readers * share))):
                users.append({'login': '%s%d' % (role, i),
                        'name': '%s %d' % (role, i),
                        'email': '%s%d@bench.example' % (role, i),
                        'companies': [('add', [company.id])],
                        'company': company.id,
                        'groups': [('add', [group])]})
        User.create(users[:readers])
        categories = [c.id for c in Category.search([])]
        cursor = transaction.connection.cursor()
        for start in range(0, complaints, BATCH):
            size = min(BATCH, complaints - start)
            copy_rows(cursor, 'yankomas_complaint', [
                    'number', 'company', 'channel', 'received', 'subject',
                    'complainant', 'state', 'representation', 'category',
                    'create_uid', 'create_date'], (
                    ('PGD/B/%07d' % (start + i), company.id, 'phone',
                        now - dt.timedelta(days=2), 'Bench %d' % i, party.id,
                        STEPS[i % len(STEPS)][0], 'self',
                        categories[i % len(categories)], 0, now)
                    for i in range(size)))
            cursor.execute('SELECT id FROM yankomas_complaint '
                'ORDER BY id DESC LIMIT %s', (size,))
            rows = []
            for n, (complaint_id,) in enumerate(cursor.fetchall()):
                step, role = STEPS[n % len(STEPS)]
                started = now - dt.timedelta(days=2, minutes=n % 600)
                rows.append((complaint_id, step, role, started,
                        started + dt.timedelta(hours=1), False, 0, now))
            copy_rows(cursor, 'yankomas_complaint_step', [
                    'complaint', 'step', 'role', 'started', 'deadline',
                    'on_hold', 'create_uid', 'create_date'], rows)
            progress(start + size, complaints, 'overdue complaints')
        transaction.commit()
    return pool


def measure(database, pool, now, counter):
    """The scheduler's digest job (Mail.send_digests) at now, the first run
    of the period, which queues the office's task; the task's building of
    the digests (what trytond-worker runs, without its commit and sending);
    the job a minute later, when the period is queued: (time, queries) of
    each, the digests built and their sizes."""
    from trytond.transaction import Transaction
    from company_working_calendar import clock
    Mail = pool.get('yankomas.mail')
    Queue = pool.get('ir.queue')
    Period = pool.get('yankomas.digest.period')
    Calendar = pool.get('company.working_calendar')

    def timed(function):
        counter.count = 0
        start = time.perf_counter()
        function()
        runs.append((time.perf_counter() - start, counter.count))

    def build():
        while transaction.tasks:
            data = Queue(transaction.tasks.pop()).data
            calendar_id, moment, start, end = data['args']
            for period in Period.browse(data['instances']):
                Mail.build_digests(
                    Calendar(calendar_id), moment, period.key, start, end)

    runs = []
    with Transaction().start(database, 0) as transaction:
        with clock.frozen(now):
            timed(Mail.send_digests)
        timed(build)
        with clock.frozen(now + dt.timedelta(minutes=1)):
            timed(Mail.send_digests)
        mails = Mail.search([('kind', '=', 'digest')])
        assert mails, "the benchmark's instant must be a digest time"
        sizes = [len(m.body_text) for m in mails]
        transaction.rollback()
    return runs, len(mails), sizes


def run(complaints, readers, now):
    counter = QueryCounter()
    with fresh_database() as database:
        pool = load(database, complaints, readers, now)
        runs, mails, sizes = measure(database, pool, now, counter)
    (queued, queries_queued), (built, queries), (again, queries_again) = runs
    print('%6d overdue complaints, %d readers: the job queues the office\'s'
        ' task in %.1f ms, %d SQL queries; the task builds %d digests in'
        ' %.2f s, %d SQL queries (%.1f per reader), largest digest %d'
        ' characters' % (complaints, readers, queued * 1000, queries_queued,
            mails, built, queries, queries / readers, max(sizes)))
    print('%6s a minute later, the period queued: %.1f ms, %d SQL queries; '
        'queued / first run with its task: %.5fx the time, %.3fx the'
        ' queries' % ('', again * 1000, queries_again,
            again / (queued + built),
            queries_again / (queries_queued + queries)))


def main():
    # trytond picks its backend when first imported.
    os.environ.setdefault('TRYTOND_DATABASE__URI', 'postgresql://')
    complaints = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    readers = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    # Monday 7 December 2026, 07:30 in Jakarta: a digest time.
    now = dt.datetime(2026, 12, 7, 0, 31)
    run(complaints // 10, readers, now)
    run(complaints, readers, now)


if __name__ == '__main__':
    main()
