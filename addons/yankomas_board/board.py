"""The data of the board page (routes.py): the kanban of complaints by
state, its cards, the pivot table, and moving a card by pressing the
complaint's button.

Everything runs as the user with access checks: the complaints are those
the user's record rules let them read (their own office), taken with a few
grouped queries, never by loading every complaint.
"""
import datetime as dt

from sql import Cast, Column, Literal, Null, Window
from sql.aggregate import Count, Sum
from sql.conditionals import Case
from sql.functions import RowNumber, Substring

from trytond.i18n import gettext
from trytond.model import Model
from trytond.model.modelsql import convert_from
from trytond.pool import Pool
from trytond.rpc import RPC
from trytond.transaction import Transaction

from company_working_calendar import clock
from yankomas_complaint.pipeline import (
    BUTTON_ROLES, BUTTONS, CLOSING_ACTIONS, FINAL_STATES, OFFICER_STEP,
    STEP_ROLES)

from . import kanban, pivot
# The page's routes register with trytond's WSGI app when trytond loads the
# module's classes, after its configuration: importing trytond.wsgi from the
# package's __init__ would fix the database backend before a script (the
# demo loader) reads its configuration.
from . import routes  # noqa: F401
from .exceptions import BoardError, BoardMoveError

# The page's words, in the reader's language (ir.message in board.xml).
MESSAGES = (
    'title', 'kanban', 'pivot', 'all', 'filter_category', 'filter_channel',
    'filter_officer', 'filter_overdue', 'refresh', 'updated', 'more',
    'empty', 'left', 'late', 'on_hold', 'age_minutes', 'age_hours',
    'age_days', 'move_to', 'move', 'note', 'note_help', 'agency', 'cancel',
    'confirm',
    'refused', 'rows', 'columns', 'measure', 'measure_count',
    'measure_on_time', 'measure_duration', 'total', 'csv', 'none',
    'keyboard_help', 'expand', 'collapse', 'handler', 'error', 'open',
    'dimension_category', 'dimension_channel', 'dimension_state',
    'dimension_step', 'dimension_month', 'dimension_officer',
    'working_hours', 'received', 'loading')


class Board(Model):
    "The board of complaints"
    __name__ = 'yankomas.board'
    __string__ = "Complaint Board"

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__.update({
                'get_setup': RPC(),
                'get_board': RPC(),
                'get_cards': RPC(),
                'get_pivot': RPC(),
                'get_pivot_csv': RPC(),
                'move': RPC(readonly=False),
                })

    # -- what the page needs to start ------------------------------------

    @classmethod
    def get_setup(cls):
        """The page's words, columns, filter choices and the moves the user
        may make, all in the user's language."""
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Category = pool.get('yankomas.complaint.category')
        Button = pool.get('ir.model.button')
        User = pool.get('res.user')
        ModelAccess = pool.get('ir.model.access')
        ModelAccess.check(Complaint.__name__, 'read')
        states = cls._labels('state')
        groups = set(User.get_groups())
        buttons = {}
        for name in BUTTONS:
            allowed = Button.get_groups(Complaint.__name__, name)
            buttons[name] = {
                'label': Complaint._button_label(name),
                'note': kanban.needs_note(name),
                'agency': kanban.needs_agency(name),
                'allowed': bool(groups & allowed) if allowed else False,
                }
        user = User(Transaction().user)
        return {
            'language': Transaction().language,
            'user': user.name or user.login,
            'messages': {m: gettext('yankomas_board.msg_board_%s' % m)
                for m in MESSAGES},
            'columns': [{
                    'state': s,
                    'label': states[s],
                    'collapsed': s in kanban.COLLAPSED,
                    } for s in kanban.COLUMNS],
            'moves': [{'source': s, 'target': t, 'button': b}
                for (s, t), b in sorted(kanban.MOVES.items())],
            'buttons': buttons,
            'categories': [{'id': c.id, 'name': c.rec_name}
                for c in Category.search([('integrity', '=', False)],
                    order=[('name', 'ASC')])],
            'channels': [{'id': k, 'name': v}
                for k, v in cls._selection(Complaint, 'channel')],
            'officers': [{'id': i, 'name': n}
                for i, n in sorted(cls._officers().items(),
                    key=lambda x: x[1])],
            'dimensions': list(pivot.DIMENSIONS),
            'measures': list(pivot.MEASURES),
            'page': kanban.PAGE,
            'refresh': 30,
            }

    # -- the kanban ------------------------------------------------------

    @classmethod
    def get_board(cls, filters=None):
        """Every column with its count and overdue count (one grouped
        query) and its first cards (one query for all columns)."""
        filters = cls._filters(filters)
        c, from_, where, os, _ = cls._complaints(filters, {'open'})
        cursor = Transaction().connection.cursor()
        now = clock.now()
        Step = Pool().get('yankomas.complaint.step')
        late = Case(((os.id != Null) & Step.overdue_sql(os, now), 1), else_=0)
        cursor.execute(*from_.select(
                c.state, Count(c.id), Sum(late),
                where=where, group_by=[c.state]))
        counts = {state: (count, int(overdue or 0))
            for state, count, overdue in cursor}
        cards = cls._cards(filters, None, 0, kanban.PAGE)
        columns = []
        for state in kanban.COLUMNS:
            count, overdue = counts.get(state, (0, 0))
            columns.append({
                    'state': state,
                    'count': count,
                    'overdue': overdue,
                    'cards': cards.get(state, []),
                    })
        return {'columns': columns, 'now': now.isoformat()}

    @classmethod
    def get_cards(cls, state, offset=0, filters=None):
        "The next page of cards of one column, from offset."
        if state not in kanban.COLUMNS:
            raise BoardError(gettext(
                    'yankomas_board.msg_board_filter_invalid',
                    name='state', value=state))
        try:
            offset = kanban.bounded(offset, low=0)
        except (TypeError, ValueError):
            raise BoardError(gettext(
                    'yankomas_board.msg_board_filter_invalid',
                    name='offset', value=offset))
        filters = cls._filters(filters)
        return cls._cards(filters, state, offset, kanban.PAGE).get(state, [])

    @classmethod
    def _cards(cls, filters, state, offset, limit):
        """{state: [card]} of the cards ranked offset+1 to offset+limit in
        their column: open columns oldest first, closed ones latest closed
        first."""
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        c, from_, where, os, _ = cls._complaints(filters, {'open'})
        closing = Step.__table__()
        from_ = from_.join(closing, 'LEFT', condition=(
                (closing.complaint == c.id)
                & closing.action.in_(CLOSING_ACTIONS)))
        if state:
            where &= c.state == state
        final = c.state.in_(list(FINAL_STATES))
        rank = RowNumber(window=Window([c.state], order_by=[
                    Case((final, c.closed), else_=Null).desc,
                    c.received.asc, c.id.asc]))
        ranked = from_.select(
            c.id, c.number, c.state, c.company, c.category, c.subject,
            c.received, c.closed, os.deadline, os.on_hold, os.role,
            os.assignee, Column(closing, 'user').as_('closer'),
            rank.as_('rank'), where=where)
        cursor = Transaction().connection.cursor()
        cursor.execute(*ranked.select(
                ranked.id, ranked.number, ranked.state, ranked.company,
                ranked.category, ranked.subject, ranked.received,
                ranked.closed, ranked.deadline, ranked.on_hold, ranked.role,
                ranked.assignee, ranked.closer,
                where=(ranked.rank > offset) & (ranked.rank <= offset + limit),
                order_by=[ranked.state, ranked.rank]))
        rows = cursor.fetchall()
        return cls._make_cards(rows)

    @classmethod
    def _make_cards(cls, rows):
        pool = Pool()
        Category = pool.get('yankomas.complaint.category')
        User = pool.get('res.user')
        Company = pool.get('company.company')
        Calendar = pool.get('company.working_calendar')
        Step = pool.get('yankomas.complaint.step')
        now = clock.now()
        roles = cls._labels('role', 'yankomas.complaint.step')
        categories = {c.id: c.rec_name for c in Category.browse(
                {r[4] for r in rows if r[4]})}
        users = {u.id: u.name or u.login for u in User.browse(
                {r[11] for r in rows if r[11]}
                | {r[12] for r in rows if r[12]})}
        clocks = {}
        for company_id in {r[3] for r in rows}:
            deadlines = [r[8] for r in rows
                if r[3] == company_id and r[8] and not r[9]]
            clocks[company_id] = kanban.WorkingClock(
                Calendar.of(Company(company_id)).engine(),
                deadlines + [now])
        cards = {}
        for (id_, number, state, company, category, subject, received,
                closed, deadline, on_hold, role, assignee, closer) in rows:
            if state in FINAL_STATES:
                handler = users.get(closer, '')
                age = (closed or now) - received
                remaining = None
            else:
                handler = (users[assignee] if assignee
                    else roles.get(role or STEP_ROLES.get(state), ''))
                age = now - received
                remaining = (clocks[company].between(now, deadline)
                    if deadline and not on_hold else None)
            cards.setdefault(state, []).append({
                    'id': id_,
                    'number': number,
                    'state': state,
                    'category': categories.get(category, ''),
                    'subject': subject,
                    'handler': handler,
                    'received': received.isoformat(),
                    'age': kanban.minutes(age),
                    'remaining': kanban.minutes(remaining),
                    # As the breach scan and the column counts say: past the
                    # deadline, even while the office is closed.
                    'overdue': bool(state not in FINAL_STATES
                        and not on_hold
                        and Step.is_overdue(None, deadline, now)),
                    'on_hold': bool(on_hold),
                    })
        return cards

    # -- the pivot -------------------------------------------------------

    @classmethod
    def get_pivot(cls, rows, cols, filters=None):
        """The table of rows by cols with count, on-time share and average
        working seconds in each cell and in the totals."""
        row_keys, col_keys, table = cls._pivot(rows, cols, filters)
        row_labels, col_labels = cls._dimension_labels(rows, row_keys), \
            cls._dimension_labels(cols, col_keys)

        def measures(cell):
            return {m: cell.value(m) for m in pivot.MEASURES}

        def line(row):
            return [measures(table[row, col]) if (row, col) in table
                else None for col in col_keys]
        return {
            'rows': rows,
            'cols': cols,
            'col_labels': [col_labels[k] for k in col_keys],
            'lines': [{
                    'label': row_labels[row],
                    'cells': line(row),
                    'total': measures(table[row, pivot.TOTAL]),
                    } for row in row_keys],
            'totals': {
                'cells': [measures(table[pivot.TOTAL, col])
                    for col in col_keys],
                'total': measures(table[pivot.TOTAL, pivot.TOTAL]),
                },
            }

    @classmethod
    def get_pivot_csv(cls, rows, cols, measure='count', filters=None):
        "The same table as CSV text, for one measure."
        if not pivot.check(rows, cols, measure):
            raise BoardError(gettext(
                    'yankomas_board.msg_board_filter_invalid',
                    name='measure', value=measure))
        row_keys, col_keys, table = cls._pivot(rows, cols, filters)
        labels = {**{('r', k): v for k, v in cls._dimension_labels(
                        rows, row_keys).items()},
            **{('c', k): v for k, v in cls._dimension_labels(
                        cols, col_keys).items()}}
        names = {k: gettext('yankomas_board.msg_board_dimension_%s' % k)
            for k in pivot.DIMENSIONS}
        corner = '%s \\ %s' % (names[rows], names[cols])
        # Row and column keys may be equal: label rows and columns apart.
        row_keys = [('r', k) for k in row_keys]
        col_keys = [('c', k) for k in col_keys]
        table = {(('r', r) if r is not pivot.TOTAL else r,
                ('c', c) if c is not pivot.TOTAL else c): v
            for (r, c), v in table.items()}
        return pivot.to_csv(row_keys, col_keys, table, measure,
            labels.__getitem__,
            (corner, gettext('yankomas_board.msg_board_total')))

    @classmethod
    def _pivot(cls, rows, cols, filters):
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        if not pivot.check(rows, cols):
            raise BoardError(gettext(
                    'yankomas_board.msg_board_filter_invalid',
                    name='rows/cols', value='%s/%s' % (rows, cols)))
        filters = cls._filters(filters)
        c, from_, where, _, intake = cls._complaints(filters,
            {'intake'} if 'officer' in {rows, cols} else set())
        step = Step.__table__()
        from_ = from_.join(step, condition=step.complaint == c.id)
        expressions = {
            'category': c.category,
            'channel': c.channel,
            'state': c.state,
            'step': step.step,
            'month': cls._month(c.received, c.company),
            'officer': Step.officer_sql(intake),
            }
        closed = step.ended != Null
        on_time = Case((closed & (step.on_time == Literal(True)), 1),
            else_=0)
        cursor = Transaction().connection.cursor()

        def query(*dimensions):
            # The dimensions are computed in a subquery and grouped outside:
            # PostgreSQL cannot match a parameter of GROUP BY to one of
            # SELECT.
            flat = from_.select(
                *(expressions[d].as_(d) for d in sorted(set(dimensions))),
                c.id.as_('complaint'), step.ended, on_time.as_('on_time'),
                step.duration, where=where)
            group = [Column(flat, d) for d in dimensions]
            cursor.execute(*flat.select(*group,
                    Count(flat.complaint, distinct=True),
                    Count(flat.ended), Sum(flat.on_time), Sum(flat.duration),
                    group_by=group or None))
            result = {}
            for row in cursor:
                keys, (count, done, timely, seconds) = (
                    row[:len(group)], row[len(group):])
                if isinstance(seconds, dt.timedelta):
                    seconds = seconds.total_seconds()
                result[tuple(keys)] = pivot.Cell(
                    count, done or 0, int(timely or 0), float(seconds or 0))
            return result
        cells = {k: v for k, v in query(rows, cols).items()}
        totals = {}
        if not pivot.additive(rows, cols):
            totals = dict(
                row_counts={k[0]: v.count for k, v in query(rows).items()},
                col_counts={k[0]: v.count for k, v in query(cols).items()},
                total_count=sum(v.count for v in query().values()))
        order_rows = cls._dimension_order(rows, {k[0] for k in cells})
        order_cols = cls._dimension_order(cols, {k[1] for k in cells})
        cells = dict(sorted(cells.items(), key=lambda kv: (
                    order_rows[kv[0][0]], order_cols[kv[0][1]])))
        row_keys, col_keys, table = pivot.build(cells, **totals)
        row_keys.sort(key=order_rows.__getitem__)
        col_keys.sort(key=order_cols.__getitem__)
        return row_keys, col_keys, table

    @classmethod
    def _month(cls, column, company):
        "The office's month (YYYY-MM) of a UTC timestamp column."
        Calendar = Pool().get('company.working_calendar')
        local = Calendar.sql_local(column, company)
        return Substring(Cast(local, 'VARCHAR'), 1, 7)

    @classmethod
    def _dimension_order(cls, dimension, keys):
        "{key: sort key}: the pipeline's order, names, or time."
        labels = cls._dimension_labels(dimension, keys)
        if dimension in {'channel', 'state', 'step'}:
            order = [k for k, _ in cls._dimension_selection(dimension)]
            return {k: (k is None, order.index(k) if k in order else 0,
                    labels[k]) for k in keys}
        return {k: (k is None, labels[k] if dimension != 'month' else k or '')
            for k in keys}

    @classmethod
    def _dimension_selection(cls, dimension):
        pool = Pool()
        if dimension == 'step':
            return cls._selection(pool.get('yankomas.complaint.step'), 'step')
        return cls._selection(pool.get('yankomas.complaint'), dimension)

    @classmethod
    def _dimension_labels(cls, dimension, keys):
        "{key: label} of the values of a dimension, in the user's language."
        pool = Pool()
        none = gettext('yankomas_board.msg_board_none')
        labels = {}
        if dimension in {'channel', 'state', 'step'}:
            labels = dict(cls._dimension_selection(dimension))
        elif dimension == 'category':
            Category = pool.get('yankomas.complaint.category')
            labels = {c.id: c.rec_name
                for c in Category.browse([k for k in keys if k])}
        elif dimension == 'officer':
            User = pool.get('res.user')
            labels = {u.id: u.name or u.login
                for u in User.browse([k for k in keys if k])}
        elif dimension == 'month':
            labels = {k: k for k in keys if k}
        return {k: labels.get(k, none) if k is not None else none
            for k in keys}

    # -- moving a card ---------------------------------------------------

    @classmethod
    def move(cls, complaint_id, source, target, note=None, referred_to=None):
        """Do the action of the button that takes the complaint from source
        (the column the card was seen in) to target with its note (and, for
        a referral, the agency), as the button does from any client: the
        user's rights, the state seen, the note and the agency checked."""
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Button = pool.get('ir.model.button')
        User = pool.get('res.user')
        states = cls._labels('state')
        try:
            complaint_id = kanban.bounded(complaint_id)
        except (TypeError, ValueError):
            complaint_id = None
        complaints = Complaint.search([('id', '=', complaint_id)]) \
            if complaint_id else []
        if not complaints:
            raise BoardMoveError(gettext(
                    'yankomas_board.msg_board_complaint_unknown',
                    complaint=complaint_id))
        complaint, = complaints
        for name, value in [('source', source), ('target', target)]:
            if value not in states:
                raise BoardError(gettext(
                        'yankomas_board.msg_board_filter_invalid',
                        name=name, value=value))
        if complaint.state != source:
            # Moved since the board was drawn: by whom and when (the step
            # that left the card's column, else the last one closed).
            ended = [s for s in complaint.steps if s.ended]
            left = [s for s in ended if s.step == source] or ended
            raise Complaint._refusal(complaint, left[-1] if left else None)
        button = kanban.move_button(source, target)
        if not button:
            raise BoardMoveError(gettext(
                    'yankomas_board.msg_board_no_move',
                    complaint=complaint.rec_name,
                    source=states.get(source, source),
                    target=states[target]))
        if not (Button.get_groups(Complaint.__name__, button)
                & set(User.get_groups())):
            roles = cls._labels('role', 'yankomas.complaint.step')
            raise BoardMoveError(gettext(
                    'yankomas_board.msg_board_move_role',
                    complaint=complaint.rec_name,
                    button=Complaint._button_label(button),
                    roles=', '.join(roles[r] for r in BUTTON_ROLES[button])))
        seen = complaint.current_step
        Complaint.transit([complaint], button, note,
            seen={complaint.id: seen.id if seen else None},
            referred_to=referred_to if button == 'refer' else None)
        complaint = Complaint(complaint.id)
        return {
            'id': complaint.id,
            'number': complaint.number,
            'state': complaint.state,
            'message': gettext('yankomas_board.msg_board_moved_to',
                complaint=complaint.rec_name,
                button=Complaint._button_label(button),
                state=states[complaint.state]),
            }

    # -- the complaints the user may see ---------------------------------

    @classmethod
    def _filters(cls, filters):
        "The filters checked: category, channel, officer (ids) and overdue."
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        filters = dict(filters or {})
        result = {}
        for name in ('category', 'officer'):
            value = filters.pop(name, None)
            if value in (None, ''):
                continue
            try:
                result[name] = kanban.bounded(value)
            except (TypeError, ValueError):
                raise BoardError(gettext(
                        'yankomas_board.msg_board_filter_invalid',
                        name=name, value=value))
        channel = filters.pop('channel', None)
        if channel not in (None, ''):
            if channel not in dict(cls._selection(Complaint, 'channel')):
                raise BoardError(gettext(
                        'yankomas_board.msg_board_filter_invalid',
                        name='channel', value=channel))
            result['channel'] = channel
        overdue = filters.pop('overdue', None)
        if overdue not in (None, '', False, 0, '0', 'false'):
            result['overdue'] = True
        if filters:
            name = sorted(filters)[0]
            raise BoardError(gettext(
                    'yankomas_board.msg_board_filter_invalid',
                    name=name, value=filters[name]))
        return result

    @classmethod
    def _complaints(cls, filters, joins):
        """(complaint table, FROM, WHERE, open step, intake step) of the
        complaints the user may read that pass the filters. The record rules
        of the complaint are applied to the same table, as search does.
        The open and intake steps are joined when joins names them or a
        filter needs them."""
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Step = pool.get('yankomas.complaint.step')
        ModelAccess = pool.get('ir.model.access')
        Rule = pool.get('ir.rule')
        ModelAccess.check(Complaint.__name__, 'read')
        complaint = Complaint.__table__()
        tables = {None: (complaint, None)}
        where = Literal(True)
        # Integrity reports have their own register and pipeline.
        domain = [('integrity', '=', False)]
        rule = Rule.domain_get(Complaint.__name__, mode='read')
        if rule:
            domain.append(rule)
        tables, where = Complaint.search_domain(
            domain, active_test=False, tables=tables)
        open_step = Step.__table__()
        intake = Step.__table__()
        from_ = convert_from(None, tables)
        if 'open' in joins or filters.get('overdue'):
            from_ = from_.join(open_step, 'LEFT',
                condition=(open_step.complaint == complaint.id)
                & (open_step.ended == Null))
        if 'intake' in joins or 'officer' in filters:
            from_ = from_.join(intake, 'LEFT',
                condition=(intake.complaint == complaint.id)
                & (intake.step == OFFICER_STEP))
        if 'category' in filters:
            where &= complaint.category == filters['category']
        if 'channel' in filters:
            where &= complaint.channel == filters['channel']
        if 'officer' in filters:
            where &= Step.officer_sql(intake) == filters['officer']
        if filters.get('overdue'):
            where &= (open_step.id != Null) & Step.overdue_sql(open_step)
        return complaint, from_, where, open_step, intake

    @classmethod
    def _officers(cls):
        """{user id: name} of the complaint officers of the complaints the
        user may see: who took each complaint at intake."""
        pool = Pool()
        User = pool.get('res.user')
        Step = pool.get('yankomas.complaint.step')
        c, from_, where, _, intake = cls._complaints({}, {'intake'})
        officer = Step.officer_sql(intake)
        cursor = Transaction().connection.cursor()
        cursor.execute(*from_.select(officer,
                where=where & (officer != Null), group_by=[officer]))
        return {u.id: u.name or u.login
            for u in User.browse([r for r, in cursor])}

    @staticmethod
    def _selection(Model, name):
        "The (value, label) pairs of a selection field, translated."
        return [(k, v) for k, v in Model.fields_get([name])[name]['selection']
            if k is not None]

    @classmethod
    def _labels(cls, name, model='yankomas.complaint'):
        return dict(cls._selection(Pool().get(model), name))
