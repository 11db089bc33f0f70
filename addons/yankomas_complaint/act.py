"""The buttons that carry their note: each opens a dialog asking for the
text of the action, and the action is done with it in one step
(Complaint.act), so a note can never be left on the complaint or picked up
by someone else's press."""
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .bounds import SIZES
from .step import ACTION_SELECTION


class ActStart(ModelView):
    __name__ = 'yankomas.complaint.act.start'
    __string__ = "Action with its Note"

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", readonly=True)
    action = fields.Selection(ACTION_SELECTION, "Action", readonly=True)
    seen = fields.Many2One(
        'yankomas.complaint.step', "Step", readonly=True,
        help="The step open when the button was pressed: the action is "
        "refused if the complaint moved on meanwhile.")
    note = fields.Text(
        "Note", size=SIZES['note'], required=True,
        help="The decision, direction or action taken: kept in the "
        "handling history under your name.")
    referred_to = fields.Char(
        "Referred To", size=SIZES['referred_to'],
        states={
            'invisible': Eval('action') != 'refer',
            'required': Eval('action') == 'refer',
            },
        help="The agency the complaint is referred to.")


class ActWizard(Wizard):
    "Ask the note of action, then do it on the complaint."
    action = None

    start = StateView('yankomas.complaint.act.start',
        'yankomas_complaint.complaint_act_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Confirm", 'do', 'tryton-ok', default=True),
            ])
    do = StateTransition()

    def default_start(self, fields):
        complaint = self.record
        step = complaint.current_step
        return {
            'complaint': complaint.id,
            'action': self.action,
            'seen': step.id if step else None,
            'referred_to': complaint.referred_to,
            }

    def transition_do(self):
        Complaint = Pool().get('yankomas.complaint')
        complaint = self.record
        seen = self.start.seen.id if self.start.seen else None
        Complaint.transit([complaint], self.action, self.start.note,
            seen={complaint.id: seen},
            referred_to=self.start.referred_to)
        return 'end'

    def end(self):
        return 'reload'


class Resolve(ActWizard):
    __name__ = 'yankomas.complaint.resolve'
    action = 'resolve'


class Escalate(ActWizard):
    __name__ = 'yankomas.complaint.escalate'
    action = 'escalate'


class RequestDirection(ActWizard):
    __name__ = 'yankomas.complaint.request_direction'
    action = 'request_direction'


class Decide(ActWizard):
    __name__ = 'yankomas.complaint.decide'
    action = 'decide'


class GiveDirection(ActWizard):
    __name__ = 'yankomas.complaint.give_direction'
    action = 'give_direction'


class Forward(ActWizard):
    __name__ = 'yankomas.complaint.forward'
    action = 'forward'


class Complete(ActWizard):
    __name__ = 'yankomas.complaint.complete'
    action = 'complete'


class Cancel(ActWizard):
    __name__ = 'yankomas.complaint.cancel'
    action = 'cancel'


class Withdraw(ActWizard):
    __name__ = 'yankomas.complaint.withdraw'
    action = 'withdraw'


class Refer(ActWizard):
    __name__ = 'yankomas.complaint.refer'
    action = 'refer'


class Reject(ActWizard):
    __name__ = 'yankomas.complaint.reject'
    action = 'reject'


class Examine(ActWizard):
    __name__ = 'yankomas.complaint.examine'
    action = 'examine'


class ForwardItjen(ActWizard):
    __name__ = 'yankomas.complaint.forward_itjen'
    action = 'forward_itjen'


class CloseReport(ActWizard):
    __name__ = 'yankomas.complaint.close_report'
    action = 'close_report'
