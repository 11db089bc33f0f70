import datetime as dt

from sql import Literal
from sql.aggregate import Count

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock
from yankomas_complaint.periods import PERIOD_KINDS
from yankomas_complaint.record import ServerWrittenMixin
from yankomas_complaint.step import STEP_SELECTION

from .exceptions import (
    RecapConclusionsRequired, RecapPeriodNotOver, RecapSequenceMissing,
    RecapSignedTwice)
from .recap_figures import line_values, step_values

PERIOD_SELECTION = list(zip(PERIOD_KINDS, [
            "Month", "Quarter", "Semester", "Year", "Custom dates"]))
STATUS_SELECTION = [
    ('open', "In process"),
    ('done', "Resolved"),
    ('referred', "Referred"),
    ('rejected', "Rejected"),
    ('withdrawn', "Withdrawn"),
    ('cancelled', "Cancelled"),
    ('no_reply', "Closed: no reply"),
    ]
# button: (state it leads to, role that signs, sign-off caption)
SIGNATURES = {
    'submit': ('submitted', 'petugas'),
    'check': ('checked', 'kasubsi'),
    'acknowledge': ('acknowledged', 'kasi'),
    'approve': ('approved', 'kepala_kantor'),
    }
SIGN_STAGES = [
    ('submit', "Prepared by"),
    ('check', "Checked by"),
    ('acknowledge', "Acknowledged by"),
    ('approve', "Approved by"),
    ]
_draft = {'readonly': Eval('state') != 'draft'}


def _sign_button(action):
    "The button of the role that signs at action (Recap._sign)."
    def button(cls, recaps):
        cls._sign(recaps, action)
    # ModelView.button finds the button's groups by the function's name.
    button.__name__ = button.__qualname__ = action
    return classmethod(ModelView.button(
            Workflow.transition(SIGNATURES[action][0])(button)))


class Recap(Workflow, ModelSQL, ModelView):
    "Laporan Rekapitulasi Penanganan Pengaduan"
    __name__ = 'yankomas.recap'
    __string__ = "Complaint Recap Report"
    _rec_name = 'number'

    number = fields.Char("Number", readonly=True)
    company = fields.Many2One(
        'company.company', "Office", required=True, readonly=True)
    period = fields.Selection(
        PERIOD_SELECTION, "Period", required=True, readonly=True, sort=False)
    period_string = period.translated('period')
    from_date = fields.Date("From", required=True, readonly=True)
    to_date = fields.Date(
        "To", required=True, readonly=True,
        domain=[('to_date', '>=', Eval('from_date', None))])
    state = fields.Selection([
            ('draft', "Draft"),
            ('submitted', "Submitted"),
            ('checked', "Checked"),
            ('acknowledged', "Acknowledged"),
            ('approved', "Approved"),
            ], "State", required=True, readonly=True, sort=False)
    conclusions = fields.Text(
        "Conclusions and Recommendations", states=_draft,
        help="Written by the complaint officer before submitting.")
    computed = fields.DateTime(
        "Figures As Of", readonly=True,
        help="When the figures were computed; they are frozen at "
        "submission.")
    chain_head = fields.Char(
        "Chain Head", readonly=True,
        help="SHA-256 over the hash chains of the office's complaints when "
        "the figures were computed: printed on the recap, so that a later "
        "rewrite of a complaint shows against the signed paper.")
    chain_link = fields.Integer(
        "Last Chain Link", readonly=True,
        help="The last link of the chains the head covers.")
    chain_unchanged = fields.Function(
        fields.Boolean(
            "Chains Unchanged",
            help="The chains, recomputed now up to the same link, give "
            "the same head."),
        'get_chain_unchanged')
    lines = fields.One2Many(
        'yankomas.recap.line', 'recap', "Complaints", readonly=True,
        filter=[('in_period', '=', True)])
    open_lines = fields.One2Many(
        'yankomas.recap.line', 'recap', "Open at the End", readonly=True,
        filter=[('status', '=', 'open')])
    steps = fields.One2Many(
        'yankomas.recap.step', 'recap', "Per Step", readonly=True)
    signatures = fields.One2Many(
        'yankomas.recap.signature', 'recap', "Sign-off", readonly=True)
    received = fields.Function(
        fields.Integer("Received"), 'get_totals')
    resolved = fields.Function(
        fields.Integer("Resolved"), 'get_totals')
    open = fields.Function(
        fields.Integer("Open at the End"), 'get_totals')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('from_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'submitted'),
            ('submitted', 'checked'),
            ('checked', 'acknowledged'),
            ('acknowledged', 'approved'),
            }
        sources = {target: source for source, target in cls._transitions}
        cls._buttons.update({
                action: {
                    'invisible': Eval('state') != sources[target],
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    }
                for action, (target, _) in SIGNATURES.items()})
        cls._buttons['compute'] = {
            'invisible': Eval('state') != 'draft',
            'icon': 'tryton-refresh',
            'depends': ['state'],
            }

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    def get_rec_name(self, name):
        return '%s (%s - %s)' % (self.number,
            self.from_date.strftime('%d/%m/%Y'),
            self.to_date.strftime('%d/%m/%Y'))

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('number',) + tuple(clause[1:])]

    @classmethod
    def get_totals(cls, recaps, names):
        Line = Pool().get('yankomas.recap.line')
        line = Line.__table__()
        cursor = Transaction().connection.cursor()
        totals = {n: {r.id: 0 for r in recaps} for n in names}
        columns = {
            'received': line.in_period == Literal(True),
            'resolved': (line.in_period == Literal(True))
            & (line.status == 'done'),
            'open': line.status == 'open',
            }
        for name in names:
            cursor.execute(*line.select(
                    line.recap, Count(Literal(1)),
                    where=columns[name]
                    & line.recap.in_([r.id for r in recaps]),
                    group_by=[line.recap]))
            totals[name].update(cursor)
        return totals

    def summary(self, column):
        """(key, count) of the complaints received in the period, grouped by
        a column of the detail rows, most frequent first."""
        Line = Pool().get('yankomas.recap.line')
        line = Line.__table__()
        cursor = Transaction().connection.cursor()
        key = getattr(line, column)
        cursor.execute(*line.select(key, Count(Literal(1)),
                where=(line.recap == self.id)
                & (line.in_period == Literal(True)),
                group_by=[key],
                order_by=[Count(Literal(1)).desc, key]))
        return list(cursor)

    @property
    def calendar(self):
        return Pool().get('company.working_calendar').of(self.company)

    @property
    def period_over(self):
        "Whether the office's day is past the period: its figures are final."
        today = self.calendar.today()
        return self.to_date < today

    @property
    def period_bounds(self):
        "The UTC instants the period starts and ends (or now, if sooner)."
        calendar = self.calendar.engine()
        start = calendar.utc(self.from_date, dt.time())
        end = calendar.utc(self.to_date + dt.timedelta(days=1), dt.time())
        return start, min(end, clock.now())

    @classmethod
    def _new_number(cls, company_id):
        Configuration = Pool().get('yankomas.configuration')
        sequence = Configuration(1).get_multivalue(
            'recap_sequence', company=company_id)
        if not sequence:
            raise RecapSequenceMissing(gettext(
                    'yankomas_recap.msg_recap_sequence_missing'))
        with Transaction().set_context(company=company_id):
            return sequence.get()

    @classmethod
    def create(cls, vlist):
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            company = values.get('company') or cls.default_company()
            values['number'] = cls._new_number(company)
        return super().create(vlist)

    @classmethod
    def copy(cls, recaps, default=None):
        "A copy is a new draft of the same period, without figures."
        default = default.copy() if default is not None else {}
        for name in ('number', 'computed', 'lines', 'open_lines', 'steps',
                'signatures'):
            default.setdefault(name, None)
        default.setdefault('state', 'draft')
        return super().copy(recaps, default=default)

    @classmethod
    def check_modification(cls, mode, recaps, values=None, external=False):
        super().check_modification(
            mode, recaps, values=values, external=external)
        if not external:
            return
        if mode == 'create':
            return
        for recap in recaps:
            if recap.state != 'draft' or (
                    mode == 'write' and set(values) - {'conclusions'}):
                raise AccessError(gettext(
                        'yankomas_recap.msg_recap_frozen',
                        recap=recap.rec_name))

    @classmethod
    @ModelView.button
    def compute(cls, recaps):
        "Compute the figures of the draft recaps again from the complaints."
        pool = Pool()
        Line = pool.get('yankomas.recap.line')
        Step = pool.get('yankomas.recap.step')
        Link = pool.get('yankomas.complaint.link')
        recaps = [r for r in recaps if r.state == 'draft']
        Line.delete([l for r in recaps for l in Line.search(
                        [('recap', '=', r.id)])])
        Step.delete([s for r in recaps for s in r.steps])
        lines, steps = [], []
        for recap in recaps:
            start, end = recap.period_bounds
            calendar = recap.calendar
            for values in line_values(recap.company, start, end):
                deadline = values.pop('open_deadline')
                if deadline and deadline < end:
                    values['late'] = calendar.working_time_between(
                        deadline, end)
                lines.append(dict(values, recap=recap.id))
            steps.extend(dict(values, recap=recap.id)
                for values in step_values(recap.company, start, end))
        Line.create(lines)
        Step.create(steps)
        now = clock.now()
        for recap in recaps:
            recap.chain_link, recap.chain_head = Link.office_head(
                recap.company.id)
            recap.computed = now
        cls.save(recaps)

    def get_chain_unchanged(self, name):
        Link = Pool().get('yankomas.complaint.link')
        if not self.chain_head:
            return None
        with without_check_access():
            _, head = Link.office_head(self.company.id, self.chain_link)
        return head == self.chain_head

    submit = _sign_button('submit')
    check = _sign_button('check')
    acknowledge = _sign_button('acknowledge')
    approve = _sign_button('approve')

    @classmethod
    def _sign(cls, recaps, action):
        """Sign at action: freeze the figures at submission, record who and
        when, and keep the PDF as it stands with this signature."""
        pool = Pool()
        Signature = pool.get('yankomas.recap.signature')
        RecapReport = pool.get('yankomas.recap.report', type='report')
        if action == 'submit':
            for recap in recaps:
                if not recap.period_over:
                    raise RecapPeriodNotOver(gettext(
                            'yankomas_recap.msg_recap_period_not_over',
                            recap=recap.rec_name))
                if not (recap.conclusions or '').strip():
                    raise RecapConclusionsRequired(gettext(
                            'yankomas_recap.msg_recap_conclusions_required',
                            recap=recap.rec_name))
            cls.compute(recaps)
        user = pool.get('res.user')(Transaction().user)
        for recap in recaps:
            # Up the hierarchy: each stage is another person's.
            if any(s.user == user for s in recap.signatures):
                raise RecapSignedTwice(gettext(
                        'yankomas_recap.msg_recap_signed_twice',
                        recap=recap.rec_name))
        signatures = Signature.create([{
                    'recap': r.id,
                    'stage': action,
                    'user': user.id,
                    'signer': RecapReport.signer(user),
                    'nip': RecapReport.nip(user),
                    'job_title': RecapReport.own_job_title(user),
                    'signed': clock.now(),
                    } for r in recaps])
        for signature in signatures:
            _, content, _, _ = RecapReport.execute(
                [signature.recap.id], {})
            signature.document = content
            signature.document_name = '%s-%s.pdf' % (
                signature.recap.number.replace('/', '-'), action)
        Signature.save(signatures)


class RecapPartMixin(ServerWrittenMixin):
    """A part of a recap the server writes: its lines, step figures and
    signatures, readable by whoever may read the recap."""
    __slots__ = ()
    recap = fields.Many2One(
        'yankomas.recap', "Recap", required=True, ondelete='CASCADE')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Model.__setup__ resets __access__: a class attribute is lost.
        cls.__access__.add('recap')


class RecapLine(RecapPartMixin, ModelSQL, ModelView):
    "One complaint as the recap froze it."
    __name__ = 'yankomas.recap.line'
    __string__ = "Complaint Recap Line"

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", ondelete='SET NULL')
    number = fields.Char("Number")
    received = fields.DateTime("Received")
    application_number = fields.Char(
        "Application Number", help="In SIMKIM or M-Paspor.")
    complainant = fields.Char(
        "Complainant", help="Empty when the identity is confidential.")
    confidential = fields.Boolean("Confidential")
    anonymous = fields.Boolean("Anonymous")
    channel = fields.Selection('get_channels', "Channel", sort=False)
    channel_string = channel.translated('channel')
    category = fields.Many2One(
        'yankomas.complaint.category', "Category", ondelete='RESTRICT')
    handler = fields.Char("Handled by")
    level = fields.Selection(
        'get_levels', "Level Reached", sort=False)
    level_string = level.translated('level')
    action = fields.Selection(
        'get_actions', "Last Action", sort=False)
    action_string = action.translated('action')
    action_note = fields.Text("Action Taken")
    resolved = fields.DateTime("Resolved")
    working_time = fields.TimeDelta("Working Time")
    standard = fields.TimeDelta(
        "Standard", help="The time standards of the steps it went through.")
    status = fields.Selection(
        STATUS_SELECTION, "Status at the End", sort=False)
    status_string = status.translated('status')
    in_period = fields.Boolean("Received in the Period")
    open_step = fields.Selection(
        [(None, "")] + STEP_SELECTION, "Open Step", sort=False)
    open_step_string = open_step.translated('open_step')
    late = fields.TimeDelta(
        "Late", help="Working time past the deadline of its open step.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('received', 'ASC'), ('id', 'ASC')]

    @classmethod
    def get_channels(cls):
        Complaint = Pool().get('yankomas.complaint')
        return Complaint.fields_get(['channel'])['channel']['selection']

    @classmethod
    def get_levels(cls):
        Complaint = Pool().get('yankomas.complaint')
        return Complaint.fields_get(['level'])['level']['selection']

    @classmethod
    def get_actions(cls):
        Step = Pool().get('yankomas.complaint.step')
        return Step.fields_get(['action'])['action']['selection']


class RecapStep(RecapPartMixin, ModelSQL, ModelView):
    "The figures of one SOP step as the recap froze them."
    __name__ = 'yankomas.recap.step'
    __string__ = "Complaint Recap Step"

    sequence = fields.Integer("Sequence")
    step = fields.Selection(STEP_SELECTION, "Step", sort=False)
    step_string = step.translated('step')
    count = fields.Integer("Handled")
    on_time = fields.Integer("On Time")
    on_time_share = fields.Function(
        fields.Float("On Time (%)", digits=(4, 1)), 'get_on_time_share')
    average = fields.TimeDelta("Average")
    median = fields.TimeDelta("Median")
    standard = fields.TimeDelta("Standard")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('sequence', 'ASC'), ('id', 'ASC')]

    def get_on_time_share(self, name):
        # Rounded to the field's digits: validation refuses 66.666...
        if self.count:
            return round(100.0 * self.on_time / self.count, 1)


class RecapSignature(RecapPartMixin, ModelSQL, ModelView):
    "A signature on a recap, with the PDF as it was signed."
    __name__ = 'yankomas.recap.signature'
    __string__ = "Complaint Recap Signature"

    stage = fields.Selection(SIGN_STAGES, "Stage", sort=False)
    stage_string = stage.translated('stage')
    user = fields.Many2One('res.user', "User")
    signer = fields.Char("Name")
    nip = fields.Char("NIP")
    job_title = fields.Char(
        "Job Title", help="The signer's own, as it stood when they signed; "
        "empty, the title of the role is printed.")
    signed = fields.DateTime("Signed")
    document = fields.Binary("Document", filename='document_name')
    document_name = fields.Char("Document Name")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('signed', 'ASC'), ('id', 'ASC')]
