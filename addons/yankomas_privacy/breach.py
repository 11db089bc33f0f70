"""The register of personal-data breaches (UU 27/2022 art. 46): each with the
3 x 24 hour clock to notify the data subjects and the authority."""
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Workflow, fields
from trytond.pyson import Eval
from trytond.transaction import Transaction

from company_working_calendar import clock

from . import notification
from .deadline import DeadlineMixin
from .exceptions import BreachError

_open = {'readonly': Eval('state') != 'open'}


class Breach(DeadlineMixin, Workflow, ModelSQL, ModelView):
    __name__ = 'yankomas.privacy.breach'
    __string__ = "Personal Data Breach"
    _clock_start = 'detected'
    _clock_states = ('open',)
    _overdue_messages = (
        'yankomas_privacy.msg_breach_overdue_label',
        'yankomas_privacy.msg_breach_overdue')
    _overdue_name = 'breach'

    company = fields.Many2One(
        'company.company', "Office", required=True,
        states={'readonly': Eval('id', -1) >= 0})
    name = fields.Char("Summary", required=True, states=_open)
    detected = fields.DateTime(
        "Detected", required=True, states=_open,
        help="When the office became aware of the breach: the 3 x 24 hours "
        "run from then, nights and holidays included.")
    description = fields.Text(
        "What Happened", required=True, states=_open)
    data_categories = fields.Text(
        "Personal Data Concerned", states=_open,
        help="E.g. names and NIK of complainants, recordings of the post.")
    subjects = fields.Integer(
        "Data Subjects Affected", states=_open,
        domain=['OR', ('subjects', '=', None), ('subjects', '>=', 0)],
        help="How many people, as far as known.")
    measures = fields.Text(
        "Measures Taken",
        states={'readonly': Eval('state') == 'closed'},
        help="What was done to stop the breach and limit its effects.")
    subjects_notified = fields.DateTime(
        "Data Subjects Notified", states=_open)
    authority_notified = fields.DateTime(
        "Authority Notified", states=_open,
        help="When the personal-data protection authority was told.")
    deadline = fields.Function(
        fields.DateTime("Notify By"), 'get_deadline')
    timeliness = fields.Function(fields.Selection([
                ('pending', "Pending"),
                ('late', "Late"),
                ('on_time', "Notified on time"),
                ('notified_late', "Notified late"),
                ], "Timeliness"), 'get_timeliness')
    state = fields.Selection([
            ('open', "Open"),
            ('notified', "Notified"),
            ('closed', "Closed"),
            ], "State", required=True, readonly=True, sort=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(
                t, (t.detected, Index.Range()), where=t.state == 'open'))
        cls._order = [('detected', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {('open', 'notified'), ('notified', 'closed')}
        cls._buttons.update({
                'notify': {
                    'invisible': Eval('state') != 'open',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'close': {
                    'invisible': Eval('state') != 'notified',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_detected():
        return clock.now()

    @staticmethod
    def default_state():
        return 'open'

    def get_timeliness(self, name):
        return notification.status(self.detected, self.subjects_notified,
            self.authority_notified, clock.now())

    @classmethod
    def validate_fields(cls, breaches, field_names):
        super().validate_fields(breaches, field_names)
        now = clock.now()
        for breach in breaches:
            if breach.detected and breach.detected > now:
                raise BreachError(gettext(
                        'yankomas_privacy.msg_breach_detected_future',
                        breach=breach.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('notified')
    def notify(cls, breaches):
        "Record that the data subjects and the authority were told."
        now = clock.now()
        for breach in breaches:
            problem = notification.notification_problem(breach.detected,
                breach.subjects_notified, breach.authority_notified, now)
            if problem:
                raise BreachError(gettext(
                        'yankomas_privacy.msg_breach_notify_%s' % problem,
                        breach=breach.rec_name))

    @classmethod
    @ModelView.button
    @Workflow.transition('closed')
    def close(cls, breaches):
        for breach in breaches:
            if not (breach.measures or '').strip():
                raise BreachError(gettext(
                        'yankomas_privacy.msg_breach_measures',
                        breach=breach.rec_name))

    @classmethod
    def check_modification(cls, mode, breaches, values=None, external=False):
        super().check_modification(
            mode, breaches, values=values, external=external)
        if mode == 'delete':
            for breach in breaches:
                raise BreachError(gettext(
                        'yankomas_privacy.msg_breach_delete',
                        breach=breach.rec_name))
