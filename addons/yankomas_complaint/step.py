from sql import Null

from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from . import clock
from .deadline import step_deadline
from .pipeline import BUTTONS, STEP_ROLES
from .roles import user_roles


STEP_SELECTION = [
    ('reception', "1. Reception"),
    ('intake', "2. Intake"),
    ('subsection', "3. Head of subsection"),
    ('section', "4. Head of section"),
    ('directed', "5. Directed"),
    ('resolution', "6. Resolution"),
    ]


class Step(ModelSQL, ModelView):
    __name__ = 'yankomas.complaint.step'
    __string__ = "Complaint Step"
    __access__ = {'complaint'}

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True, readonly=True,
        ondelete='CASCADE')
    step = fields.Selection(
        STEP_SELECTION, "Step", required=True, readonly=True, sort=False)
    role = fields.Selection([
            ('duta_layanan', "Service Ambassador"),
            ('petugas', "Complaint Officer"),
            ('kasubsi', "Head of Subsection"),
            ('kasi', "Head of Section"),
            ('kepala_kantor', "Head of Office"),
            ], "Role", required=True, readonly=True, sort=False)
    started = fields.DateTime("Started", required=True, readonly=True)
    deadline = fields.DateTime("Deadline", readonly=True)
    ended = fields.DateTime("Ended", readonly=True)
    user = fields.Many2One('res.user', "Acted by", readonly=True)
    action = fields.Selection([
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
            ], "Action", readonly=True, sort=False)
    note = fields.Text("Note", readonly=True)
    on_time = fields.Boolean("On Time", readonly=True)
    overdue = fields.Function(
        fields.Boolean("Overdue"), 'get_overdue', searcher='search_overdue')
    mine = fields.Function(
        fields.Boolean("My Task"), 'get_mine', searcher='search_mine')
    remaining = fields.Function(
        fields.TimeDelta(
            "Time Left",
            help="Until the deadline; negative when the step is late."),
        'get_remaining')
    subject = fields.Function(fields.Char("Subject"), 'get_complaint_field')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.complaint, Index.Range())),
                Index(t, (t.deadline, Index.Range()), where=t.ended == Null),
                })
        cls._order = [('started', 'ASC'), ('id', 'ASC')]

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('overdue'), 'danger', '')),
            ]

    def get_overdue(self, name):
        return bool(not self.ended and self.deadline
            and self.deadline < clock.now())

    @classmethod
    def search_overdue(cls, name, clause):
        _, operator, value = clause[:3]
        late = [('ended', '=', None), ('deadline', '<', clock.now())]
        if (operator == '=') == bool(value):
            return late
        return ['OR',
            ('ended', '!=', None),
            ('deadline', '=', None),
            ('deadline', '>=', clock.now()),
            ]

    def get_mine(self, name):
        return not self.ended and self.role in user_roles()

    @classmethod
    def search_mine(cls, name, clause):
        _, operator, value = clause[:3]
        mine = [('ended', '=', None), ('role', 'in', list(user_roles()))]
        if (operator == '=') == bool(value):
            return mine
        return ['NOT', mine]

    def get_remaining(self, name):
        if self.deadline and not self.ended:
            return self.deadline - clock.now()

    def get_complaint_field(self, name):
        value = getattr(self.complaint, name)
        return value.id if isinstance(value, ModelSQL) else value

    @classmethod
    def open(cls, complaint, step, started):
        "A new step of complaint, due by its office's time standard."
        assert step in STEP_ROLES
        TimeStandard = Pool().get('yankomas.time_standard')
        standard = TimeStandard.duration_of(complaint.company, step)
        return cls(
            complaint=complaint,
            step=step,
            role=STEP_ROLES[step],
            started=started,
            deadline=step_deadline(started, standard))

    def close(self, action, note, ended):
        assert action in BUTTONS
        self.ended = ended
        self.action = action
        self.note = note
        self.user = Transaction().user
        self.on_time = bool(self.deadline is None or ended <= self.deadline)

