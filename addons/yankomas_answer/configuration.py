"""What each office sets for its answers: the e-mail templates (Tryton's
ir.email.template, translated per language), who signs the answer letter
and its numbering, and the working days a silent complainant is given."""
from trytond.model import Model, ModelSQL, fields
from trytond.modules.company.model import CompanyValueMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, Id

from . import silence

# kind of message: (field of the configuration, XML id of its default)
TEMPLATES = {
    'answer': ('answer_template', 'email_template_answer'),
    'reminder': ('reminder_template', 'email_template_reminder'),
    'no_reply': ('no_reply_template', 'email_template_no_reply'),
    }
_TEMPLATE_LABELS = {
    'answer': ("Answer E-mail",
        "The template of the e-mail that sends the resolution to the "
        "complainant."),
    'reminder': ("Reminder E-mail",
        "The template of the e-mail that reminds a complainant the office "
        "waits on."),
    'no_reply': ("No-Reply E-mail",
        "The template of the e-mail that tells the complainant their "
        "complaint was closed for lack of reply."),
    }
SIGNERS = [
    ('petugas', "Complaint officer who answered"),
    ('kepala_kantor', "Head of office"),
    ]
DAY_FIELDS = ['reminder_days', 'no_reply_days']
FIELDS = [f for f, _ in TEMPLATES.values()] + [
    'answer_signer', 'answer_sequence'] + DAY_FIELDS


def _template_field(kind):
    string, help = _TEMPLATE_LABELS[kind]
    return fields.Many2One(
        'ir.email.template', string, required=True, ondelete='RESTRICT',
        domain=[('model.name', '=', 'yankomas.complaint')],
        help=help + " Its subject and body are translated per language.")


def _signer_field():
    return fields.Selection(
        SIGNERS, "Answer Letter Signed by", required=True,
        help="Who signs the answer letter (Surat Jawaban): the complaint "
        "officer who gave the answer, or the head of office.")


def _sequence_field(company):
    return fields.Many2One(
        'ir.sequence.strict', "Answer Letter Sequence", required=True,
        domain=[
            ('sequence_type', '=',
                Id('yankomas_answer', 'sequence_type_answer')),
            ('company', 'in', [company, None]),
            ],
        help="Numbers the office's answer letters, when first printed.")


def _days_field(name, domain=None):
    string, help = {
        'reminder_days': ("Remind After (working days)",
            "While a step waits on the complainant, a reminder goes every "
            "so many working days, before the closing."),
        'no_reply_days': ("Close for No Reply After (working days)",
            "A complaint waiting on its complainant that long is closed "
            "as \"no reply\" (SP4N-LAPOR! closes after 10)."),
        }[name]
    return fields.Integer(string, required=True, domain=domain, help=help)


def _day_domain(name):
    return [(name, '>=', 1), (name, '<=', silence.MAXIMUM_DAYS)]


class Configuration(metaclass=PoolMeta):
    __name__ = 'yankomas.configuration'

    answer_template = fields.MultiValue(_template_field('answer'))
    reminder_template = fields.MultiValue(_template_field('reminder'))
    no_reply_template = fields.MultiValue(_template_field('no_reply'))
    answer_signer = fields.MultiValue(_signer_field())
    answer_sequence = fields.MultiValue(
        _sequence_field(Eval('context', {}).get('company', -1)))
    reminder_days = fields.MultiValue(_days_field('reminder_days'))
    no_reply_days = fields.MultiValue(_days_field('no_reply_days'))

    @classmethod
    def multivalue_model(cls, field):
        if field in FIELDS:
            return Pool().get('yankomas.configuration.answer')
        return super().multivalue_model(field)

    @classmethod
    def default_answer_template(cls, **pattern):
        return cls.multivalue_model(
            'answer_template').default_answer_template()

    @classmethod
    def default_reminder_template(cls, **pattern):
        return cls.multivalue_model(
            'reminder_template').default_reminder_template()

    @classmethod
    def default_no_reply_template(cls, **pattern):
        return cls.multivalue_model(
            'no_reply_template').default_no_reply_template()

    @classmethod
    def default_answer_signer(cls, **pattern):
        return cls.multivalue_model('answer_signer').default_answer_signer()

    @classmethod
    def default_answer_sequence(cls, **pattern):
        return cls.multivalue_model(
            'answer_sequence').default_answer_sequence()

    @classmethod
    def default_reminder_days(cls, **pattern):
        return silence.DEFAULT_REMINDER_DAYS

    @classmethod
    def default_no_reply_days(cls, **pattern):
        return silence.DEFAULT_CLOSE_DAYS

    @classmethod
    def answer_settings(cls, company):
        """{field: value} of what the office sets for its answers (a
        record's id for a relation), the defaults where it set nothing."""
        configuration = cls(1)
        settings = {}
        for name in FIELDS:
            value = configuration.get_multivalue(name, company=company.id)
            if not value:
                value = getattr(cls, 'default_%s' % name)()
            settings[name] = value.id if isinstance(value, Model) else value
        return settings


def _xml_id(xml_id):
    try:
        return Pool().get('ir.model.data').get_id('yankomas_answer', xml_id)
    except KeyError:
        return None


class ConfigurationAnswer(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.answer'
    __string__ = "Yankomas Configuration Answer"

    answer_template = _template_field('answer')
    reminder_template = _template_field('reminder')
    no_reply_template = _template_field('no_reply')
    answer_signer = _signer_field()
    answer_sequence = _sequence_field(Eval('company', -1))
    reminder_days = _days_field('reminder_days', _day_domain('reminder_days'))
    no_reply_days = _days_field('no_reply_days', _day_domain('no_reply_days'))

    @classmethod
    def default_answer_template(cls):
        return _xml_id(TEMPLATES['answer'][1])

    @classmethod
    def default_reminder_template(cls):
        return _xml_id(TEMPLATES['reminder'][1])

    @classmethod
    def default_no_reply_template(cls):
        return _xml_id(TEMPLATES['no_reply'][1])

    @classmethod
    def default_answer_signer(cls):
        return 'petugas'

    @classmethod
    def default_answer_sequence(cls):
        return _xml_id('sequence_answer_letter')

    @classmethod
    def default_reminder_days(cls):
        return silence.DEFAULT_REMINDER_DAYS

    @classmethod
    def default_no_reply_days(cls):
        return silence.DEFAULT_CLOSE_DAYS
