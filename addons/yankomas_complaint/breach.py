from trytond.model import ModelSQL, ModelView, Unique, fields

from .record import NamedAfterMixin, ServerWrittenMixin
from .step import ROLE_SELECTION


class BreachNotice(
        NamedAfterMixin, ServerWrittenMixin, ModelSQL, ModelView):
    "A step found past its deadline, to tell its role and their superior."
    __name__ = 'yankomas.breach.notice'
    __string__ = "Breach Notice"
    _named_after = 'step'

    step = fields.Many2One(
        'yankomas.complaint.step', "Step", required=True, readonly=True,
        ondelete='CASCADE')
    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True, readonly=True,
        ondelete='CASCADE')
    company = fields.Many2One(
        'company.company', "Office", required=True, readonly=True)
    role = fields.Selection(ROLE_SELECTION, "Role", readonly=True)
    superior_role = fields.Selection(
        [(None, "")] + ROLE_SELECTION, "Superior", readonly=True)
    deadline = fields.DateTime("Deadline", readonly=True)
    detected = fields.DateTime("Detected", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Read as its complaint is: an integrity report's notices with it.
        cls.__access__.add('complaint')
        t = cls.__table__()
        cls._sql_constraints += [
            ('step_unique', Unique(t, t.step),
                'yankomas_complaint.msg_breach_notice_unique'),
            ]
        cls._order = [('detected', 'DESC'), ('id', 'DESC')]

