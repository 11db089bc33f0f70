"""Reporting over the complaints and their steps, per office and period.

Tryton's reporting pattern (as in sale's and stock's reporting): read-only
models whose rows come from a table query, and a context model where the
user chooses the office, the dates and the granularity. The figures are
counted by the database on the office's wall clock: each day, week or month
runs from local midnight, converted to the UTC instants stored.
"""
import datetime as dt

from sql import Literal, Null, Union, Values
from sql.aggregate import Avg, Count, Min, Sum
from sql.conditionals import Case, Coalesce
from sql.functions import CurrentTimestamp, DateTrunc

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access

from yankomas_complaint.periods import (
    GRANULARITIES, TooManyPeriods, default_range, periods as make_periods)
from yankomas_complaint.pipeline import FINAL_STATES, STEP_ROLES, STEPS
from yankomas_complaint.roles import group_ids

from .exceptions import ReportingError

GRANULARITY_SELECTION = [
    ('day', "Day"),
    ('week', "Week"),
    ('month', "Month"),
    ]
# The roles that act on steps, hence have a load (not the head of office).
ACTING_ROLES = tuple(sorted(set(STEP_ROLES.values())))


def report_office():
    """The office of the figures: the context's, only if the user works
    there. The client chooses it; the server checks it on every query."""
    pool = Pool()
    Company = pool.get('company.company')
    User = pool.get('res.user')
    transaction = Transaction()
    company_id = transaction.context.get('company')
    try:
        company_id = int(company_id)
    except (TypeError, ValueError):
        return None
    user_id = transaction.user
    with without_check_access():
        if user_id and company_id not in {
                c.id for c in User(user_id).companies}:
            return None
        companies = Company.search([('id', '=', company_id)])
    return companies[0] if companies else None


def office_engine(office):
    "The working calendar of the office, which converts its time."
    return Pool().get('company.working_calendar').of(office).engine()


def office_today(office):
    "Today on the office's wall clock."
    return Pool().get('company.working_calendar').of(office).today()


class Window:
    """What the context asks for: office, granularity and days (both
    included), with the defaults of the context form; begin and end are the
    UTC bounds of the days."""

    def __init__(self):
        context = Transaction().context
        self.office = report_office()
        self.granularity = context.get('period')
        if self.granularity not in GRANULARITIES:
            self.granularity = 'month'
        first, last = context.get('from_date'), context.get('to_date')
        if self.office and not (first and last):
            default_first, default_last = default_range(
                office_today(self.office))
            first, last = first or default_first, last or default_last
        self.first, self.last = first, last
        self.valid = bool(self.office and first and last and first <= last)
        if self.valid:
            self.engine = office_engine(self.office)
            self.begin = self._utc(first)
            self.end = self._utc(last + dt.timedelta(days=1))
        else:
            self.begin = self.end = dt.datetime(1970, 1, 1)

    def _utc(self, day):
        "Local midnight starting day, as the naive UTC instant Tryton stores."
        return self.engine.utc(day, dt.time())

    @property
    def office_id(self):
        return self.office.id if self.office else None

    def periods(self):
        "(start, UTC begin, UTC end) of each period of the range."
        if not self.valid:
            return []
        try:
            found = make_periods(self.first, self.last, self.granularity)
        except TooManyPeriods:
            raise ReportingError(gettext(
                    'yankomas_reporting.msg_reporting_too_many_periods',
                    first=self.first, last=self.last))
        return [(start, self._utc(begin), self._utc(end))
            for start, begin, end in found]


class ReportingContext(ModelView):
    __name__ = 'yankomas.reporting.context'
    __string__ = "Complaint Reporting Context"

    company = fields.Many2One(
        'company.company', "Office", required=True,
        domain=[('id', 'in', Eval('companies', []))])
    companies = fields.Many2Many(
        'company.company', None, None, "Offices", readonly=True,
        help="The offices of the user.")
    from_date = fields.Date(
        "From Date",
        domain=[
            If(Eval('to_date') & Eval('from_date'),
                ('from_date', '<=', Eval('to_date')),
                ()),
            ])
    to_date = fields.Date(
        "To Date",
        domain=[
            If(Eval('from_date') & Eval('to_date'),
                ('to_date', '>=', Eval('from_date')),
                ()),
            ])
    period = fields.Selection(
        GRANULARITY_SELECTION, "Period", required=True, sort=False,
        help="The granularity of the figures per period.")

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_companies(cls):
        User = Pool().get('res.user')
        user_id = Transaction().user
        with without_check_access():
            return [c.id for c in User(user_id).companies] if user_id else []

    @classmethod
    def _default_range(cls):
        office = report_office()
        return default_range(office_today(office)) if office else (None, None)

    @classmethod
    def default_from_date(cls):
        context = Transaction().context
        if 'from_date' in context:
            return context['from_date']
        return cls._default_range()[0]

    @classmethod
    def default_to_date(cls):
        context = Transaction().context
        if 'to_date' in context:
            return context['to_date']
        return cls._default_range()[1]

    @classmethod
    def default_period(cls):
        period = Transaction().context.get('period')
        return period if period in GRANULARITIES else 'month'


class Reporting(ModelSQL, ModelView):
    "The shared columns and query shell of the reporting models."
    # The field of the row the label names, and sorts as.
    _label_key = 'id'

    company = fields.Many2One('company.company', "Office", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'ASC')]

    @classmethod
    def _meta_columns(cls, id_, window):
        return [
            id_.as_('id'),
            Literal(0).as_('create_uid'),
            CurrentTimestamp().as_('create_date'),
            cls.write_uid.sql_cast(Literal(Null)).as_('write_uid'),
            cls.write_date.sql_cast(Literal(Null)).as_('write_date'),
            cls.company.sql_cast(Literal(window.office_id)).as_('company'),
            ]

    @classmethod
    def table_query(cls):
        return cls._query(Window())

    @classmethod
    def _query(cls, window):
        raise NotImplementedError

    @classmethod
    def order_label(cls, tables):
        "The label sorts as the key it names."
        return getattr(cls, cls._label_key).convert_order(
            cls._label_key, tables, cls)

    def get_rec_name(self, name):
        return self.label


class ComplaintFiguresMixin:
    "Counts over the complaints received in the period."
    __slots__ = ()

    complaints = fields.Integer(
        "Complaints", help="Received in the period.")
    in_progress = fields.Integer("In Progress")
    done = fields.Integer("Done")
    referred = fields.Integer(
        "Referred", help="Referred to another agency.")
    rejected = fields.Integer(
        "Rejected", help="Not within the office's authority.")
    withdrawn = fields.Integer(
        "Withdrawn", help="Withdrawn by the complainant.")
    cancelled = fields.Integer("Cancelled")
    no_reply = fields.Integer(
        "No Reply", help="Closed when the complainant did not answer.")
    overdue = fields.Integer(
        "Overdue", help="In progress and past the deadline of their step now.")

    @classmethod
    def _complaint_figures(cls, complaint):
        Step = Pool().get('yankomas.complaint.step')
        step = Step.__table__()
        late = step.select(step.complaint,
            where=Step.overdue_sql(step))

        def counted(condition):
            return Sum(Case((condition, 1), else_=0))
        return [
            Count(complaint.id).as_('complaints'),
            counted(~complaint.state.in_(list(FINAL_STATES))).as_(
                'in_progress'),
            counted(complaint.state == 'done').as_('done'),
            counted(complaint.state == 'referred').as_('referred'),
            counted(complaint.state == 'rejected').as_('rejected'),
            counted(complaint.state == 'withdrawn').as_('withdrawn'),
            counted(complaint.state == 'cancelled').as_('cancelled'),
            counted(complaint.state == 'no_reply').as_('no_reply'),
            counted(complaint.id.in_(late)).as_('overdue'),
            ]

    @classmethod
    def _received_in(cls, complaint, window):
        Complaint = Pool().get('yankomas.complaint')
        return ((complaint.company == window.office_id)
            & Complaint.service_sql(complaint)
            & (complaint.received >= window.begin)
            & (complaint.received < window.end)
            & Literal(window.valid))


class HandledFiguresMixin:
    "Figures of the steps ended in the period, and of the open ones now."
    __slots__ = ()

    handled = fields.Integer("Handled", help="Steps ended in the period.")
    on_time = fields.Integer(
        "On Time", help="Handled steps that ended by their deadline.")
    late = fields.Integer(
        "Late", help="Handled steps that ended after their deadline.")
    on_time_rate = fields.Function(
        fields.Float("On Time (%)", digits=(3, 1)), 'get_on_time_rate')
    average = fields.TimeDelta(
        "Average Working Time",
        help="The average working time of the handled steps, holds "
        "excluded.")
    average_minutes = fields.Function(
        fields.Float("Average (minutes)", digits=(16, 1)),
        'get_minutes')

    @classmethod
    def _handled(cls, window, key):
        """The steps of the office ended in the period, grouped by key (a
        function of the step table)."""
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        Complaint = pool.get('yankomas.complaint')
        step = Step.__table__()
        complaint = Complaint.__table__()
        return (step
            .join(complaint, condition=step.complaint == complaint.id)
            .select(
                key(step).as_('key'),
                Count(Literal(1)).as_('handled'),
                Sum(Case((step.on_time == Literal(True), 1), else_=0)).as_(
                    'on_time'),
                DateTrunc('second', Avg(step.duration)).as_('average'),
                where=(complaint.company == window.office_id)
                & Complaint.service_sql(complaint)
                & (step.ended >= window.begin)
                & (step.ended < window.end)
                & Literal(window.valid),
                group_by=[key(step)]))

    @classmethod
    def _handled_columns(cls, handled):
        return [
            Coalesce(handled.handled, 0).as_('handled'),
            Coalesce(handled.on_time, 0).as_('on_time'),
            (Coalesce(handled.handled, 0) - Coalesce(handled.on_time, 0)).as_(
                'late'),
            handled.average.as_('average'),
            ]

    @classmethod
    def _rows(cls, base, id_, key, handled, waiting, window):
        """The rows of base (one per key) with their handled figures and
        their open steps now (waiting: key, open, overdue)."""
        name, open_name = cls._label_key, cls._open_name
        return (base
            .join(handled, 'LEFT', condition=handled.key == key)
            .join(waiting, 'LEFT', condition=waiting.key == key)
            .select(
                *cls._meta_columns(id_, window),
                key.as_(name),
                *cls._handled_columns(handled),
                Coalesce(waiting.open, 0).as_(open_name),
                Coalesce(waiting.overdue, 0).as_('overdue'),
                where=Literal(window.office_id is not None)))

    def get_on_time_rate(self, name):
        if self.handled:
            return round(100 * self.on_time / self.handled, 1)

    def get_minutes(self, name):
        value = getattr(self, name[:-len('_minutes')])
        if value is not None:
            return round(value.total_seconds() / 60, 1)


class ComplaintGroupMixin(ComplaintFiguresMixin):
    """The complaints received in the period grouped by one of their fields
    (_label_key), the most frequent first."""
    __slots__ = ()

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('complaints', 'DESC'), ('id', 'ASC')]

    @classmethod
    def _query(cls, window):
        Complaint = Pool().get('yankomas.complaint')
        complaint = Complaint.__table__()
        key = getattr(complaint, cls._label_key)
        return complaint.select(
            *cls._meta_columns(Min(complaint.id), window),
            key.as_(cls._label_key),
            *cls._complaint_figures(complaint),
            where=cls._received_in(complaint, window),
            group_by=[key])


class ReportingCategory(ComplaintGroupMixin, Reporting):
    __name__ = 'yankomas.reporting.category'
    __string__ = "Complaints per Category"
    _label_key = 'category'

    category = fields.Many2One(
        'yankomas.complaint.category', "Category", readonly=True)
    label = fields.Function(fields.Char("Category"), 'get_label')

    def get_label(self, name):
        if self.category:
            return self.category.rec_name
        return gettext('yankomas_reporting.msg_reporting_no_category')

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('category.rec_name', *clause[1:])]


class ReportingChannel(ComplaintGroupMixin, Reporting):
    __name__ = 'yankomas.reporting.channel'
    __string__ = "Complaints per Channel"
    _label_key = 'channel'

    channel = fields.Selection(
        'get_channels', "Channel", readonly=True, sort=False)
    label = fields.Function(fields.Char("Channel"), 'get_label')

    @classmethod
    def get_channels(cls):
        Complaint = Pool().get('yankomas.complaint')
        return Complaint.fields_get(['channel'])['channel']['selection']

    def get_label(self, name):
        return dict(self.get_channels()).get(self.channel, self.channel)


class ReportingPeriod(ComplaintFiguresMixin, Reporting):
    __name__ = 'yankomas.reporting.period'
    __string__ = "Complaints per Period"
    _label_key = 'date'

    date = fields.Date("Start", readonly=True)
    label = fields.Function(fields.Char("Period"), 'get_label')
    # The x of the graph. Tryton's desktop client sorts a graph's x axis by
    # the raw values of its field (a label would put "Agu" before "Jan")
    # and writes the client value: a Many2One's are its id, here the
    # period's own, the ordinal of its start, and its record name, the
    # label. The web client keeps the order of the rows, by date.
    period = fields.Many2One(
        'yankomas.reporting.period', "Period", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'ASC'), ('id', 'ASC')]

    @classmethod
    def _query(cls, window):
        "Every period of the range, those without complaints too."
        Complaint = Pool().get('yankomas.complaint')
        complaint = Complaint.__table__()
        rows = [[s.toordinal(), s, b, e] for s, b, e in window.periods()]
        # VALUES needs a row: a placeholder that the WHERE drops.
        period = Values(rows or [[1, dt.date(1970, 1, 1),
                    window.begin, window.end]])
        id_, start, begin, end = (period.column1, period.column2,
            period.column3, period.column4)
        return (period
            .join(complaint, 'LEFT',
                condition=(complaint.company == window.office_id)
                & Complaint.service_sql(complaint)
                & (complaint.received >= begin)
                & (complaint.received < end))
            .select(
                *cls._meta_columns(id_, window),
                cls.date.sql_cast(start).as_('date'),
                id_.as_('period'),
                *cls._complaint_figures(complaint),
                where=Literal(bool(rows)),
                group_by=[id_, start]))

    def get_label(self, name):
        Lang = Pool().get('ir.lang')
        lang = Lang.get()
        granularity = Transaction().context.get('period')
        if granularity == 'day':
            label = lang.strftime(self.date)
        elif granularity == 'week':
            label = gettext('yankomas_reporting.msg_reporting_week',
                date=lang.strftime(self.date))
        else:
            label = lang.strftime(self.date, '%b %Y')
        # Plain spaces: the graph axes wrap the labels there.
        return label.replace('\xa0', ' ')


class ReportingStep(HandledFiguresMixin, Reporting):
    __name__ = 'yankomas.reporting.step'
    __string__ = "Complaint Steps against the Standard"
    _label_key = 'step'
    _open_name = 'pending'

    step = fields.Selection('get_steps', "Step", readonly=True, sort=False)
    label = fields.Function(fields.Char("Step"), 'get_label')
    standard = fields.Function(
        fields.TimeDelta(
            "Standard",
            help="The office's time standard of the step, else the default."),
        'get_standard')
    standard_minutes = fields.Function(
        fields.Float("Standard (minutes)", digits=(16, 1)), 'get_minutes')
    pending = fields.Integer("Open Now", help="Steps open now.")
    overdue = fields.Integer(
        "Overdue Now", help="Open steps past their deadline now.")

    @classmethod
    def _query(cls, window):
        "One row per SOP step, in the order of the SOP."
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        Complaint = pool.get('yankomas.complaint')
        sop = Values([[i, s] for i, s in enumerate(STEPS, 1)])
        handled = cls._handled(window, lambda s: s.step)
        step = Step.__table__()
        complaint = Complaint.__table__()
        current = (step
            .join(complaint, condition=step.complaint == complaint.id)
            .select(
                step.step.as_('key'),
                Count(Literal(1)).as_('open'),
                Sum(Case((Step.overdue_sql(step), 1), else_=0)).as_(
                    'overdue'),
                where=(step.ended == Null)
                & (complaint.company == window.office_id)
                & Complaint.service_sql(complaint),
                group_by=[step.step]))
        return cls._rows(
            sop, sop.column1, sop.column2, handled, current, window)

    @classmethod
    def get_steps(cls):
        Step = Pool().get('yankomas.complaint.step')
        return Step.fields_get(['step'])['step']['selection']

    def get_label(self, name):
        return dict(self.get_steps()).get(self.step, self.step)

    @classmethod
    def get_standard(cls, reports, name):
        TimeStandard = Pool().get('yankomas.time_standard')
        return {r.id: TimeStandard.duration_of(r.company, r.step)
            for r in reports}


class ReportingOfficer(HandledFiguresMixin, Reporting):
    __name__ = 'yankomas.reporting.officer'
    __string__ = "Complaint Handling per Officer"
    _label_key = 'user'
    _open_name = 'load'

    user = fields.Many2One('res.user', "Officer", readonly=True)
    label = fields.Function(fields.Char("Officer"), 'get_label')
    load = fields.Integer(
        "Open Load",
        help="Open steps waiting for the officer now: those of their roles "
        "and those assigned to them (what My Tasks lists).")
    overdue = fields.Integer(
        "Overdue Load", help="Steps of the open load past their deadline.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('user', 'ASC'), ('id', 'ASC')]

    @classmethod
    def _query(cls, window):
        """The staff of the office who act on steps, and anyone who ended a
        step of the office in the period."""
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        Complaint = pool.get('yankomas.complaint')
        User = pool.get('res.user')
        UserGroup = pool.get('res.user-res.group')
        UserCompany = pool.get('res.user-company.company')

        office = window.office_id
        roles = Values([[g, r] for g, r in zip(
                    group_ids(ACTING_ROLES), ACTING_ROLES)])
        user = User.__table__()
        user_group = UserGroup.user_group_all_table()
        user_company = UserCompany.__table__()
        staff = (user_group
            .join(roles, condition=user_group.group == roles.column1)
            .join(user_company,
                condition=user_company.user == user_group.user)
            .join(user, condition=user.id == user_group.user)
            .select(user_group.user.as_('user'), roles.column2.as_('role'),
                where=(user_company.company == office)
                & (user.active == Literal(True))))

        handled = cls._handled(window, lambda s: s.user)
        step = Step.__table__()
        complaint = Complaint.__table__()
        open_ = (step
            .join(complaint, condition=step.complaint == complaint.id)
            .select(step.id.as_('id'), step.role.as_('role'),
                step.assignee.as_('assignee'), step.deadline.as_('deadline'),
                Case((Step.overdue_sql(step), 1), else_=0).as_('late'),
                where=(step.ended == Null) & (complaint.company == office)
                & Complaint.service_sql(complaint)))
        # (user, step) once each: by role, or by assignment.
        waiting = Union(
            staff.join(open_, condition=open_.role == staff.role).select(
                staff.user.as_('user'), open_.id.as_('step'),
                open_.late.as_('late')),
            open_.select(
                open_.assignee.as_('user'), open_.id.as_('step'),
                open_.late.as_('late'),
                where=open_.assignee != Null))
        load = waiting.select(
            waiting.user.as_('key'),
            Count(Literal(1)).as_('open'),
            Sum(waiting.late).as_('overdue'),
            group_by=[waiting.user])
        people = Union(
            staff.select(staff.user.as_('user')),
            handled.select(handled.key.as_('user'),
                where=handled.key != Null))
        return cls._rows(
            people, people.user, people.user, handled, load, window)

    def get_label(self, name):
        return self.user.rec_name if self.user else ''

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('user.rec_name', *clause[1:])]
