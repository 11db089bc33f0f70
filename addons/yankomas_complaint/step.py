import datetime as dt

from sql import Column, Null
from sql.conditionals import Coalesce

from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from company_working_calendar import clock

from .bounds import SIZES
from .exceptions import StepHoldError
from .link import ChainedMixin
from .pipeline import ALL_ACTIONS, ALL_STEP_ROLES, SUPERIOR, responsible
from .record import NamedAfterMixin, ServerWrittenMixin
from .roles import user_roles

STEP_SELECTION = [
    ('reception', "1. Reception"),
    ('intake', "2. Intake"),
    ('subsection', "3. Head of subsection"),
    ('section', "4. Head of section"),
    ('directed', "5. Directed"),
    ('resolution', "6. Resolution"),
    ('report_received', "Integrity report: received"),
    ('report_examination', "Integrity report: examination"),
    ]
ACTION_SELECTION = [
    (None, ""),
    ('direct', "Directed to the officer"),
    ('resolve', "Resolved at the desk"),
    ('escalate', "Escalated to the head of subsection"),
    ('request_direction', "Direction requested"),
    ('decide', "Decided"),
    ('give_direction', "Direction given"),
    ('forward', "Forwarded to the officer"),
    ('complete', "Completed"),
    ('cancel', "Cancelled"),
    ('withdraw', "Withdrawn by the complainant"),
    ('refer', "Referred to another agency"),
    ('reject', "Rejected: not within the office's authority"),
    ('examine', "Taken into examination"),
    ('forward_itjen', "Forwarded to the Inspectorate General"),
    ('close_report', "Closed"),
    ('no_reply', "Closed: no reply from the complainant"),
    ]
ROLE_SELECTION = [
    ('duta_layanan', "Service Ambassador"),
    ('petugas', "Complaint Officer"),
    ('kasubsi', "Head of Subsection"),
    ('kasi', "Head of Section"),
    ('kepala_kantor', "Head of Office"),
    ('pengawas_internal', "Internal Oversight"),
    ]


class Step(
        NamedAfterMixin, ChainedMixin, ServerWrittenMixin, ModelSQL,
        ModelView):
    __name__ = 'yankomas.complaint.step'
    __string__ = "Complaint Step"

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True, readonly=True,
        ondelete='CASCADE')
    step = fields.Selection(
        STEP_SELECTION, "Step", required=True, readonly=True, sort=False)
    step_string = step.translated('step')
    role = fields.Selection(
        ROLE_SELECTION, "Role", required=True, readonly=True, sort=False)
    assignee = fields.Many2One(
        'res.user', "Assigned to", readonly=True,
        help="The user expected to act, when the step comes back to them.")
    started = fields.DateTime("Started", required=True, readonly=True)
    deadline = fields.DateTime(
        "Deadline", readonly=True,
        help="Empty while the step is on hold: it moves until it resumes.")
    ended = fields.DateTime("Ended", readonly=True)
    user = fields.Many2One('res.user', "Acted by", readonly=True)
    action = fields.Selection(
        ACTION_SELECTION, "Action", readonly=True, sort=False)
    action_string = action.translated('action')
    note = fields.Text("Note", size=SIZES['note'], readonly=True)
    duration = fields.TimeDelta(
        "Working Time", readonly=True,
        help="The working time the step took, holds excluded.")
    on_time = fields.Boolean("On Time", readonly=True)
    on_hold = fields.Boolean("On Hold", readonly=True)
    holds = fields.One2Many(
        'yankomas.complaint.step.hold', 'step', "Holds", readonly=True)
    breach_detected = fields.DateTime(
        "Breach Detected", readonly=True,
        help="When the scheduler found the step past its deadline.")
    overdue = fields.Function(
        fields.Boolean("Overdue"), 'get_overdue', searcher='search_overdue')
    mine = fields.Function(
        fields.Boolean("My Task"), 'get_mine', searcher='search_mine')
    remaining = fields.Function(
        fields.TimeDelta(
            "Time Left",
            help="Working time until the deadline; negative when late."),
        'get_remaining')
    subject = fields.Function(fields.Char("Subject"), 'get_complaint_field')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Model.__setup__ resets __access__: a class attribute is lost.
        cls.__access__.add('complaint')
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.complaint, Index.Range())),
                # The recap: the steps ended in a period.
                Index(t, (t.ended, Index.Range())),
                # The breach scan: open steps not yet noticed, by deadline.
                Index(t, (t.deadline, Index.Range()),
                    where=(t.ended == Null) & (t.breach_detected == Null)),
                })
        cls._order = [('started', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_on_hold():
        return False

    def _name_parts(self):
        return (self.step_string,)

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('overdue'), 'danger',
                    If(Eval('on_hold'), 'muted', ''))),
            ]

    # -- the business terms every module reads from here -----------------

    @classmethod
    def overdue_sql(cls, step, now=None):
        """SQL: the step row is overdue, open past its deadline (a step on
        hold has no deadline). The one definition the breach scan, the
        board, the reporting and the digests use."""
        return ((step.ended == Null) & (step.deadline != Null)
            & (step.deadline < (now or clock.now())))

    def get_overdue(self, name):
        return self.is_overdue(self.ended, self.deadline)

    @staticmethod
    def is_overdue(ended, deadline, now=None):
        "overdue_sql in Python, for rows already read."
        return bool(not ended and deadline and deadline < (now or clock.now()))

    @classmethod
    def officer_sql(cls, step):
        """SQL: the officer of an intake step row: who closed it, else who
        holds it (see Complaint.officer)."""
        return Coalesce(Column(step, 'user'), step.assignee)

    @classmethod
    def search_overdue(cls, name, clause):
        _, operator, value = clause[:3]
        step = cls.__table__()
        late = step.select(step.id, where=cls.overdue_sql(step))
        return [('id', 'in' if (operator == '=') == bool(value) else 'not in',
                late)]

    def get_mine(self, name):
        return bool(not self.ended and responsible(self.role,
                    self.assignee.id if self.assignee else None,
                    Transaction().user, user_roles()))

    @classmethod
    def search_mine(cls, name, clause):
        _, operator, value = clause[:3]
        roles, user = list(user_roles()), Transaction().user
        if (operator == '=') == bool(value):
            return [('ended', '=', None), ['OR',
                    ('role', 'in', roles),
                    ('assignee', '=', user),
                    ]]
        return ['OR',
            ('ended', '!=', None),
            [('role', 'not in', roles), ['OR',
                    ('assignee', '!=', user),
                    ('assignee', '=', None),
                    ]],
            ]

    @classmethod
    def get_remaining(cls, steps, name):
        "Working time left, counted from now or from the start of a hold."
        now = clock.now()
        result = {}
        for step in steps:
            result[step.id] = None
            if step.ended:
                continue
            if step.on_hold:
                hold = step.open_hold
                result[step.id] = step.calendar.working_time_between(
                    hold.started, hold.deadline)
            elif step.deadline:
                result[step.id] = step.calendar.working_time_between(
                    now, step.deadline)
        return result

    def get_complaint_field(self, name):
        return getattr(self.complaint, name)

    @property
    def calendar(self):
        Calendar = Pool().get('company.working_calendar')
        return Calendar.of(self.complaint.company)

    @property
    def open_hold(self):
        for hold in self.holds:
            if not hold.ended:
                return hold

    @classmethod
    def open(cls, complaint, step, started, assignee=None):
        "A new step of complaint, due by its office's time standard."
        pool = Pool()
        TimeStandard = pool.get('yankomas.time_standard')
        Calendar = pool.get('company.working_calendar')
        standard = TimeStandard.duration_of(complaint.company, step)
        calendar = Calendar.of(complaint.company)
        return cls(
            complaint=complaint,
            step=step,
            role=ALL_STEP_ROLES[step],
            assignee=assignee,
            started=started,
            deadline=calendar.compute_deadline(started, standard),
            on_hold=False)

    def close(self, action, note, ended):
        assert action in ALL_ACTIONS
        calendar = self.calendar
        if self.on_hold:
            self.end_hold(ended)
        held = sum((calendar.working_time_between(h.started, h.ended)
                for h in self.holds), start=dt.timedelta())
        self.ended = ended
        self.action = action
        self.note = note
        # None when the server closes it on its own (a closing for no reply).
        self.user = Transaction().user or None
        self.duration = calendar.working_time_between(
            self.started, ended) - held
        self.on_time = bool(self.deadline is None or ended <= self.deadline)

    def start_hold(self, kind, reason, at):
        Hold = Pool().get('yankomas.complaint.step.hold')
        if self.on_hold or self.ended:
            raise StepHoldError(gettext(
                    'yankomas_complaint.msg_step_already_on_hold',
                    complaint=self.complaint.rec_name))
        self.holds = list(self.holds) + [Hold(
                kind=kind, reason=reason, started=at,
                started_by=Transaction().user, deadline=self.deadline)]
        self.deadline = None
        self.on_hold = True

    def end_hold(self, at):
        "Resume: the deadline moves by the working time spent on hold."
        hold = self.open_hold
        if not hold:
            raise StepHoldError(gettext(
                    'yankomas_complaint.msg_step_not_on_hold',
                    complaint=self.complaint.rec_name))
        hold.ended = at
        hold.ended_by = Transaction().user or None
        hold.save()
        calendar = self.calendar
        if hold.deadline:
            self.deadline = calendar.compute_deadline(
                hold.deadline, calendar.working_time_between(hold.started, at))
        self.on_hold = False

    @classmethod
    def new_breach_ids(cls, now=None):
        """Ids of the open steps past their deadline that no scan noticed.

        The ids come straight from the domain's SQL: the scan runs every
        minute and needs none of the columns a plain search would prefetch.
        """
        step = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*step.select(step.id,
                where=cls.overdue_sql(step, now)
                & (step.breach_detected == Null),
                order_by=[step.deadline.asc, step.id.asc]))
        return [id_ for id_, in cursor]

    @classmethod
    def detect_breaches(cls):
        "Stamp the steps that became late and notice each of them once."
        pool = Pool()
        Notice = pool.get('yankomas.breach.notice')
        now = clock.now()
        steps = cls.browse(cls.new_breach_ids(now))
        if not steps:
            return []
        cls.write(steps, {'breach_detected': now})
        notices = [Notice(
                step=s, complaint=s.complaint, company=s.complaint.company,
                role=s.role, superior_role=SUPERIOR.get(s.role),
                deadline=s.deadline, detected=now)
            for s in steps]
        Notice.save(notices)
        return notices

