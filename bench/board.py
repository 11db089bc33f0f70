"""Benchmark of the board page's data: the kanban and the pivot table.

    PYTHONOPTIMIZE=1 .venv/bin/python bench/board.py [COUNT]

Loads COUNT complaints (100,000 by default) with their steps into a fresh
PostgreSQL database, most of them closed, and times, as a head of subsection
with access checks and record rules:

* the board (`yankomas.board.get_board`: counts per column and the first 50
  cards of each, with their working time left) against the two raw SQL
  queries it needs;
* the pivot (`get_pivot`) by category and state, and by step and month (a
  cut where the totals need their own distinct counts), against the raw
  grouped queries.

Prints figures as ratios to the raw SQL, in the same run; asserts nothing.
"""
import datetime as dt
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import copy_rows, create_office, fresh_database, median_time, progress  # noqa

BATCH = 20_000
# state: (share, steps it went through, the open step or None)
PATHS = {
    'done': (0.80, ['intake', 'subsection', 'resolution'], None),
    'cancelled': (0.05, ['intake'], None),
    'intake': (0.05, [], 'intake'),
    'subsection': (0.04, ['intake'], 'subsection'),
    'section': (0.02, ['intake', 'subsection'], 'section'),
    'directed': (0.01, ['intake', 'subsection', 'section'], 'directed'),
    'resolution': (0.03, ['intake', 'subsection'], 'resolution'),
    }
ROLE = {'intake': 'petugas', 'subsection': 'kasubsi', 'section': 'kasi',
    'directed': 'kasubsi', 'resolution': 'petugas'}
ACTION = {'intake': 'escalate', 'subsection': 'decide',
    'section': 'give_direction', 'directed': 'forward',
    'resolution': 'complete'}
CHANNELS = ['phone', 'letter', 'email', 'web', 'whatsapp', 'lapor']


def load(database, count):
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Pool.start()
    pool = Pool(database)
    pool.init()
    now = dt.datetime(2026, 6, 1, 3, 0)
    rng = random.Random(42)
    states = list(PATHS)
    weights = [PATHS[s][0] for s in states]
    with Transaction().start(database, 0) as transaction:
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        Category = pool.get('yankomas.complaint.category')
        Calendar = pool.get('company.working_calendar')
        company, party = create_office(pool)
        Calendar.of(company)
        categories = [c.id for c in Category.search([])]
        users = {}
        for role in ('petugas', 'kasubsi', 'kasi'):
            users[role], = User.create([{
                        'login': role, 'name': role.title(),
                        'companies': [('add', [company.id])],
                        'company': company.id,
                        'groups': [('add', [ModelData.get_id(
                                        'yankomas_complaint',
                                        'group_%s' % role)])],
                        }])
        cursor = transaction.connection.cursor()
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            rows = []
            for i in range(size):
                state = rng.choices(states, weights)[0]
                received = now - dt.timedelta(
                    minutes=rng.randint(10, 60 * 24 * 365))
                closed = (received + dt.timedelta(days=rng.randint(0, 20))
                    if state in ('done', 'cancelled') else None)
                rows.append(('PGD/B/%07d' % (start + i), company.id,
                        rng.choice(CHANNELS), received, 'Bench', party.id,
                        state, 'self', rng.choice(categories), closed, 0,
                        now))
            copy_rows(cursor, 'yankomas_complaint', [
                    'number', 'company', 'channel', 'received', 'subject',
                    'complainant', 'state', 'representation', 'category',
                    'closed', 'create_uid', 'create_date'], rows)
            cursor.execute('SELECT id, received, state FROM '
                'yankomas_complaint ORDER BY id DESC LIMIT %s', (size,))
            steps = []
            for complaint_id, when, state in cursor.fetchall():
                _, path, open_step = PATHS[state]
                started = when
                for index, step in enumerate(path):
                    took = dt.timedelta(minutes=rng.randint(5, 120))
                    last = index == len(path) - 1
                    action = ('cancel' if state == 'cancelled'
                        else 'complete' if state == 'done' and last
                        else ACTION[step])
                    steps.append((complaint_id, step, ROLE[step], started,
                            started + dt.timedelta(hours=1),
                            started + took, users[ROLE[step]].id, action,
                            took, took <= dt.timedelta(hours=1), False, 0,
                            now))
                    started += took
                if open_step:
                    steps.append((complaint_id, open_step, ROLE[open_step],
                            started, started + dt.timedelta(hours=1), None,
                            None, None, None, None, False, 0, now))
            copy_rows(cursor, 'yankomas_complaint_step', [
                    'complaint', 'step', 'role', 'started', 'deadline',
                    'ended', 'user', 'action', 'duration', 'on_time',
                    'on_hold', 'create_uid', 'create_date'], steps)
            progress(start + size, count, 'complaints')
        cursor.execute('ANALYZE yankomas_complaint')
        cursor.execute('ANALYZE yankomas_complaint_step')
        transaction.commit()
    return pool, now, company.id, users['kasubsi'].id


# The SQL the board needs, written by hand: counts per column, then the
# first 50 cards of each column with their open and closing steps.
BOARD_SQL = ["""
SELECT c.state, count(c.id),
    sum(CASE WHEN o.id IS NOT NULL AND o.deadline < %(now)s THEN 1 ELSE 0 END)
FROM yankomas_complaint c
LEFT JOIN yankomas_complaint_step o ON o.complaint = c.id AND o.ended IS NULL
WHERE c.company = %(company)s
GROUP BY c.state""", """
SELECT * FROM (
    SELECT c.id, c.number, c.state, c.company, c.category, c.subject,
        c.received, c.closed, o.deadline, o.on_hold, o.role, o.assignee,
        f."user",
        row_number() OVER (PARTITION BY c.state ORDER BY
            CASE WHEN c.state IN ('done', 'cancelled') THEN c.closed END
                DESC, c.received, c.id) AS rank
    FROM yankomas_complaint c
    LEFT JOIN yankomas_complaint_step o
        ON o.complaint = c.id AND o.ended IS NULL
    LEFT JOIN yankomas_complaint_step f ON f.complaint = c.id
        AND f.action IN ('resolve', 'complete', 'cancel')
    WHERE c.company = %(company)s) AS ranked
WHERE rank <= 50 ORDER BY state, rank"""]
PIVOT_SQL = """
SELECT {dims}, count(DISTINCT c.id), count(s.ended),
    sum(CASE WHEN s.ended IS NOT NULL AND s.on_time THEN 1 ELSE 0 END),
    sum(s.duration)
FROM yankomas_complaint c
JOIN yankomas_complaint_step s ON s.complaint = c.id
WHERE c.company = %(company)s
GROUP BY {dims}"""
MONTH = "substring(CAST(c.received + interval '7 hours' AS varchar) FROM 1 FOR 7)"
PIVOTS = {
    ('category', 'state'): [
        PIVOT_SQL.format(dims='c.category, c.state')],
    ('step', 'month'): [
        PIVOT_SQL.format(dims='s.step, %s' % MONTH),
        PIVOT_SQL.format(dims='s.step'),
        PIVOT_SQL.format(dims=MONTH),
        PIVOT_SQL.replace('{dims}, ', '').replace('GROUP BY {dims}', '')],
    }


def measure(database, pool, now, company, user):
    from company_working_calendar import clock
    from trytond.transaction import Transaction
    Board = pool.get('yankomas.board')
    context = {'_check_access': True, 'company': company, 'language': 'en'}
    params = {'now': now, 'company': company}
    with Transaction().start(database, user, readonly=True,
                context=context) as transaction, \
            clock.frozen(now):
        cursor = transaction.connection.cursor()
        cursor.execute('SELECT count(*) FROM yankomas_complaint')
        complaints, = cursor.fetchone()
        cursor.execute('SELECT count(*) FROM yankomas_complaint_step')
        steps, = cursor.fetchone()

        def raw(queries):
            def run():
                for query in queries:
                    cursor.execute(query, params)
                    cursor.fetchall()
            return run

        board = Board.get_board({})
        shown = sum(len(c['cards']) for c in board['columns'])
        assert sum(c['count'] for c in board['columns']) == complaints
        results = [('board (counts + %d cards)' % shown,
                median_time(lambda: Board.get_board({})),
                median_time(raw(BOARD_SQL)))]
        for (rows, cols), queries in PIVOTS.items():
            table = Board.get_pivot(rows, cols, {})
            assert table['totals']['total']['count'] == complaints
            results.append(('pivot %s x %s (%d quer%s)' % (
                        rows, cols, len(queries),
                        'y' if len(queries) == 1 else 'ies'),
                    median_time(lambda: Board.get_pivot(rows, cols, {})),
                    median_time(raw(queries))))
    print('complaints: %d, steps: %d' % (complaints, steps))
    print('%-40s %10s %10s %7s' % ('', 'ORM ms', 'raw ms', 'ratio'))
    for name, orm_time, raw_time in results:
        print('%-40s %10.1f %10.1f %7.2f' % (
                name, orm_time * 1000, raw_time * 1000, orm_time / raw_time))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with fresh_database() as database:
        pool, now, company, user = load(database, count)
        measure(database, pool, now, company, user)


if __name__ == '__main__':
    main()
