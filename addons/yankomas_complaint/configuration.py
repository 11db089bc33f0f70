from trytond.model import ModelSingleton, ModelSQL, ModelView, fields

from .notice import NOTICE_KINDS
from trytond.modules.company.model import (
    CompanyMultiValueMixin, CompanyValueMixin)
from trytond.pool import Pool
from trytond.pyson import Eval, Id


def _sequence_field(company):
    return fields.Many2One(
        'ir.sequence', "Complaint Sequence", required=True,
        domain=[
            ('sequence_type', '=',
                Id('yankomas_complaint', 'sequence_type_complaint')),
            ('company', 'in', [company, None]),
            ],
        help="Numbers the complaints of the office, "
        "e.g. prefix \"PGD/PMK/${year}/\" with 5 digits.")


def _recap_sequence_field(company):
    return fields.Many2One(
        'ir.sequence', "Recap Report Sequence", required=True,
        domain=[
            ('sequence_type', '=',
                Id('yankomas_complaint', 'sequence_type_recap')),
            ('company', 'in', [company, None]),
            ],
        help="Numbers the recap reports of the office.")


def _notices_field():
    return fields.MultiSelection([
            ('escalate', "Escalated (to the head of subsection)"),
            ('request_direction', "Direction requested (to the head of section)"),
            ('give_direction', "Direction given (to the head of subsection)"),
            ('decide', "Decided (to the complaint officer)"),
            ('forward', "Direction forwarded (to the complaint officer)"),
            ('breach', "Deadline breached (to the role and its superior)"),
            ], "E-mail Notices",
        help="Which notices the office sends by e-mail.")


class Configuration(
        ModelSingleton, ModelSQL, ModelView, CompanyMultiValueMixin):
    __name__ = 'yankomas.configuration'
    __string__ = "Yankomas Configuration"

    complaint_sequence = fields.MultiValue(
        _sequence_field(Eval('context', {}).get('company', -1)))
    recap_sequence = fields.MultiValue(
        _recap_sequence_field(Eval('context', {}).get('company', -1)))
    notices = fields.MultiValue(_notices_field())

    @classmethod
    def multivalue_model(cls, field):
        if field in {'complaint_sequence', 'recap_sequence'}:
            return Pool().get('yankomas.configuration.sequence')
        if field == 'notices':
            return Pool().get('yankomas.configuration.notice')
        return super().multivalue_model(field)

    @classmethod
    def default_notices(cls, **pattern):
        return cls.multivalue_model('notices').default_notices()

    @classmethod
    def default_complaint_sequence(cls, **pattern):
        return cls.multivalue_model(
            'complaint_sequence').default_complaint_sequence()

    @classmethod
    def default_recap_sequence(cls, **pattern):
        return cls.multivalue_model(
            'recap_sequence').default_recap_sequence()


class ConfigurationSequence(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.sequence'
    __string__ = "Yankomas Configuration Sequence"

    complaint_sequence = _sequence_field(Eval('company', -1))
    recap_sequence = _recap_sequence_field(Eval('company', -1))

    @classmethod
    def default_complaint_sequence(cls):
        try:
            return Pool().get('ir.model.data').get_id(
                'yankomas_complaint', 'sequence_complaint')
        except KeyError:
            return None

    @classmethod
    def default_recap_sequence(cls):
        try:
            return Pool().get('ir.model.data').get_id(
                'yankomas_complaint', 'sequence_recap')
        except KeyError:
            return None


class ConfigurationNotice(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.notice'
    __string__ = "Yankomas Configuration Notice"

    notices = _notices_field()

    @classmethod
    def default_notices(cls):
        return list(NOTICE_KINDS)
