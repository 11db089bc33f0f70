"""The register of the requests of data subjects (UU 27/2022 art. 5-13):
access, correction, erasure, restriction, objection; each answered within
3 x 24 hours and honoured as far as the law allows."""
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Workflow, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock
from yankomas_complaint.identity import compact

from . import notification
from .deadline import DeadlineMixin
from .exceptions import RequestError

_received = {'readonly': Eval('state') != 'received'}
KINDS = [
    ('access', "Access"),
    ('correction', "Correction"),
    ('erasure', "Erasure"),
    ('restriction', "Restriction"),
    ('objection', "Objection"),
    ]
# The kinds honoured by restricting the processing of the complaints that
# may not be anonymised yet.
RESTRICTING = {'erasure', 'restriction', 'objection'}


class Request(DeadlineMixin, Workflow, ModelSQL, ModelView):
    __name__ = 'yankomas.privacy.request'
    __string__ = "Data Subject Request"
    _clock_start = 'received'
    _clock_states = ('received',)
    _overdue_messages = (
        'yankomas_privacy.msg_request_overdue_label',
        'yankomas_privacy.msg_request_overdue')
    _overdue_name = 'request'

    company = fields.Many2One(
        'company.company', "Office", required=True,
        states={'readonly': Eval('id', -1) >= 0})
    kind = fields.Selection(KINDS, "Request", required=True, sort=False,
        states=_received,
        help="What the data subject asks: to see the data held about them, "
        "to correct it, to erase it, to restrict its processing, or "
        "objects to it.")
    kind_string = kind.translated('kind')
    received = fields.DateTime(
        "Received", required=True,
        states={'readonly': Eval('id', -1) >= 0},
        help="When the office received the request: the 3 x 24 hours run "
        "from then, nights and holidays included.")
    subject_name = fields.Char(
        "Data Subject", required=True, states=_received,
        help="The name of the person the data is about, as they gave it.")
    party = fields.Many2One(
        'party.party', "Party", states=_received,
        context={'company': Eval('company', -1)}, depends={'company'},
        help="The party of the data subject, if the office has one.")
    id_number = fields.Char(
        "ID Number", states=_received,
        help="The NIK or passport number the data subject identified "
        "themselves with: their complaints with that number are theirs.")
    contact = fields.Char(
        "Contact", states=_received,
        help="Where the answer goes: an address, e-mail or phone.")
    description = fields.Text(
        "What Is Asked", required=True, states=_received)
    complaints = fields.Many2Many(
        'yankomas.privacy.request-yankomas.complaint', 'request',
        'complaint', "Complaints Concerned", states=_received,
        domain=[('company', '=', Eval('company', -1))],
        help="The complaints the request is about; those of the party or "
        "with the ID number count too.")
    answer = fields.Text(
        "Answer", states=_received,
        help="What the office answers the data subject: needed to close.")
    answered = fields.DateTime("Answered", readonly=True)
    timeliness = fields.Function(fields.Selection([
                ('pending', "Pending"),
                ('late', "Late"),
                ('on_time', "Answered on time"),
                ('done_late', "Answered late"),
                ], "Timeliness"), 'get_timeliness')
    exported = fields.DateTime(
        "Data Exported", readonly=True,
        states={'invisible': Eval('kind') != 'access'},
        help="When the export of the data held was last made.")
    corrections = fields.Many2Many(
        'yankomas.privacy.request-yankomas.complaint.revision', 'request',
        'revision', "Corrections Made", readonly=True,
        states={'invisible': Eval('kind') != 'correction'},
        help="The corrections of the complaints made for the request.")
    outcome = fields.Text(
        "Outcome", readonly=True,
        help="What the office did with the complaints concerned.")
    state = fields.Selection([
            ('received', "Received"),
            ('done', "Done"),
            ('refused', "Refused"),
            ], "State", required=True, readonly=True, sort=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.deadline.string = "Answer By"
        t = cls.__table__()
        cls._sql_indexes.add(Index(
                t, (t.received, Index.Range()), where=t.state == 'received'))
        cls._order = [('received', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {('received', 'done'), ('received', 'refused')}
        cls._buttons.update({
                'done': {
                    'invisible': Eval('state') != 'received',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'refuse': {
                    'invisible': Eval('state') != 'received',
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                'export': {
                    'invisible': Eval('kind') != 'access',
                    'icon': 'tryton-save',
                    'depends': ['kind'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_received():
        return clock.now()

    @staticmethod
    def default_state():
        return 'received'

    def get_rec_name(self, name):
        return '%s: %s' % (self.kind_string, self.subject_name)

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('subject_name',) + tuple(clause[1:])]

    def get_timeliness(self, name):
        return notification.timeliness(
            self.received, self.answered, clock.now())

    @classmethod
    def preprocess_values(cls, mode, values):
        values = super().preprocess_values(mode, values)
        if values.get('id_number'):
            values['id_number'] = compact(None, values['id_number'])
        return values

    @classmethod
    def validate_fields(cls, requests, field_names):
        super().validate_fields(requests, field_names)
        now = clock.now()
        for request in requests:
            if request.received and request.received > now:
                raise RequestError(gettext(
                        'yankomas_privacy.msg_request_received_future',
                        request=request.rec_name))

    @classmethod
    def check_modification(cls, mode, requests, values=None, external=False):
        super().check_modification(
            mode, requests, values=values, external=external)
        if mode == 'delete':
            for request in requests:
                raise RequestError(gettext(
                        'yankomas_privacy.msg_request_delete',
                        request=request.rec_name))
        if mode == 'write' and external:
            for request in requests:
                if request.state != 'received':
                    raise RequestError(gettext(
                            'yankomas_privacy.msg_request_closed',
                            request=request.rec_name))

    def subject_complaints(self):
        """The complaints of the office that name the data subject: those
        chosen, those of the party, those with the ID number."""
        Complaint = Pool().get('yankomas.complaint')
        names = ['OR', ('id', 'in', [c.id for c in self.complaints])]
        if self.party:
            names.append(('complainant', '=', self.party.id))
        if self.id_number:
            names.append(('id_number', '=', self.id_number))
        with without_check_access():
            return Complaint.search([
                    ('company', '=', self.company.id),
                    names,
                    ], order=[('received', 'ASC'), ('id', 'ASC')])

    @classmethod
    def _check_answer(cls, requests):
        for request in requests:
            if not (request.answer or '').strip():
                raise RequestError(gettext(
                        'yankomas_privacy.msg_request_answer',
                        request=request.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('done')
    def done(cls, requests):
        "Honour the requests as the law allows, and record the answer."
        cls._check_answer(requests)
        now = clock.now()
        for request in requests:
            values = getattr(cls, '_honour_%s' % request.kind)(request)
            values['answered'] = now
            with without_check_access():
                cls.write([request], values)

    @classmethod
    @ModelView.button
    @Workflow.transition('refused')
    def refuse(cls, requests):
        "Refuse the requests, with the answer giving the reason."
        cls._check_answer(requests)
        with without_check_access():
            cls.write(requests, {'answered': clock.now()})

    @classmethod
    @ModelView.button_action('yankomas_privacy.wizard_request_export')
    def export(cls, requests):
        pass

    @classmethod
    def _honour_access(cls, request):
        if not request.exported:
            raise RequestError(gettext(
                    'yankomas_privacy.msg_request_export_missing',
                    request=request.rec_name))
        return {}

    @classmethod
    def _honour_correction(cls, request):
        "The corrections made to the complaints since the request came."
        Revision = Pool().get('yankomas.complaint.revision')
        with without_check_access():
            corrections = Revision.search([
                    ('complaint', 'in', [c.id for c in request.complaints]),
                    ('kind', '=', 'correction'),
                    ('date', '>=', request.received),
                    ])
        if not corrections:
            raise RequestError(gettext(
                    'yankomas_privacy.msg_request_correction_missing',
                    request=request.rec_name))
        return {'corrections': [('add', [r.id for r in corrections])]}

    @classmethod
    def _honour_restricting(cls, request):
        """Anonymise, for an erasure, the complaints that may be; restrict
        the processing of the others."""
        Complaint = Pool().get('yankomas.complaint')
        complaints = request.subject_complaints()
        reason = gettext('yankomas_privacy.msg_request_reason',
            request=request.rec_name)
        erased = []
        if request.kind == 'erasure':
            erased = [c for c in complaints if c.may_be_anonymised()]
            Complaint.privacy_anonymise(erased, reason)
        restricted = Complaint.privacy_restrict(
            [c for c in complaints if c not in erased], reason)
        lines = []
        for message, done in [
                ('msg_request_outcome_anonymised', erased),
                ('msg_request_outcome_restricted', restricted)]:
            if done:
                lines.append(gettext('yankomas_privacy.' + message,
                        complaints=', '.join(c.rec_name for c in done)))
        if not complaints:
            lines.append(gettext('yankomas_privacy.msg_request_outcome_none'))
        return {'outcome': '\n'.join(lines) or None}

    _honour_erasure = _honour_restricting
    _honour_restriction = _honour_restricting
    _honour_objection = _honour_restricting


class Request_Complaint(ModelSQL):
    __name__ = 'yankomas.privacy.request-yankomas.complaint'
    __string__ = "Data Subject Request - Complaint"

    request = fields.Many2One(
        'yankomas.privacy.request', "Request", required=True,
        ondelete='CASCADE')
    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True,
        ondelete='RESTRICT')


class Request_Revision(ModelSQL):
    __name__ = 'yankomas.privacy.request-yankomas.complaint.revision'
    __string__ = "Data Subject Request - Correction"

    request = fields.Many2One(
        'yankomas.privacy.request', "Request", required=True,
        ondelete='CASCADE')
    revision = fields.Many2One(
        'yankomas.complaint.revision', "Correction", required=True,
        ondelete='RESTRICT')
