from trytond.model import ModelSQL, ModelView, fields
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .bounds import SIZES
from .link import ChainedMixin
from .record import NamedAfterMixin, ServerWrittenMixin

HOLD_KINDS = [
    ('waiting_complainant', "Waiting for the complainant"),
    ('waiting_unit', "Waiting for another unit"),
    ]


class Hold(
        NamedAfterMixin, ChainedMixin, ServerWrittenMixin, ModelSQL,
        ModelView):
    __name__ = 'yankomas.complaint.step.hold'
    __string__ = "Step Hold"
    _named_after = 'step'

    step = fields.Many2One(
        'yankomas.complaint.step', "Step", required=True, readonly=True,
        ondelete='CASCADE')
    kind = fields.Selection(
        HOLD_KINDS, "Waiting For", required=True, readonly=True, sort=False)
    kind_string = kind.translated('kind')
    reason = fields.Text(
        "Reason", size=SIZES['hold_reason'], required=True, readonly=True)
    started = fields.DateTime("Held", required=True, readonly=True)
    started_by = fields.Many2One('res.user', "Held by", readonly=True)
    deadline = fields.DateTime(
        "Deadline when Held", readonly=True,
        help="The step's deadline when it was put on hold.")
    ended = fields.DateTime("Resumed", readonly=True)
    ended_by = fields.Many2One('res.user', "Resumed by", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Model.__setup__ resets __access__: a class attribute is lost.
        cls.__access__.add('step')
        cls._order = [('started', 'ASC'), ('id', 'ASC')]

    def _name_parts(self):
        return (self.kind_string,)

    @property
    def chain_complaint(self):
        return self.step.complaint

    @classmethod
    def chain_domain(cls, complaint_ids):
        return [('step.complaint', 'in', complaint_ids)]


class HoldStart(ModelView):
    __name__ = 'yankomas.complaint.hold.start'
    __string__ = "Put on Hold"

    kind = fields.Selection(
        HOLD_KINDS, "Waiting For", required=True, sort=False)
    reason = fields.Text("Reason", size=SIZES['hold_reason'], required=True)


class HoldComplaint(Wizard):
    "Stop the clock of the complaint's open step until it is resumed."
    __name__ = 'yankomas.complaint.hold'
    __string__ = "Put on Hold"

    start = StateView('yankomas.complaint.hold.start',
        'yankomas_complaint.complaint_hold_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Put on Hold", 'hold', 'tryton-ok', default=True),
            ])
    hold = StateTransition()

    def transition_hold(self):
        self.model.hold_steps(self.records, self.start.kind, self.start.reason)
        return 'end'
