from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard


class ReceiveStart(ModelView):
    __name__ = 'yankomas.complaint.receive.start'
    __string__ = "Receive a Visitor"

    company = fields.Many2One('company.company', "Office", required=True)
    complainant = fields.Many2One(
        'party.party', "Visitor", required=True,
        context={'company': Eval('company', -1)}, depends={'company'})
    subject = fields.Char("Subject", required=True)

    @staticmethod
    def default_company():
        return Transaction().context.get('company')


class Receive(Wizard):
    """SOP step 1 at the desk: record the walk-in visitor and the topic, and
    send them to the complaint officer in one go. The service ambassador no
    longer sees a complaint past reception, so the form would have nothing to
    show once it is directed."""
    __name__ = 'yankomas.complaint.receive'
    __string__ = "Receive a Visitor"

    start = StateView('yankomas.complaint.receive.start',
        'yankomas_complaint.complaint_receive_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Record Only", 'record', 'tryton-save'),
            Button("Direct to Officer", 'direct', 'tryton-forward',
                default=True),
            ])
    record = StateTransition()
    direct = StateTransition()

    def _create(self):
        Complaint = Pool().get('yankomas.complaint')
        with check_access():
            complaint, = Complaint.create([{
                        'channel': 'walk_in',
                        'company': self.start.company.id,
                        'complainant': self.start.complainant.id,
                        'subject': self.start.subject,
                        }])
        return complaint

    def transition_record(self):
        self._create()
        return 'end'

    def transition_direct(self):
        Complaint = Pool().get('yankomas.complaint')
        complaint = self._create()
        with check_access():
            Complaint.direct([complaint])
        return 'end'
