from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.modules.company.model import (
    CompanyMultiValueMixin, CompanyValueMixin)
from trytond.pool import Pool
from trytond.pyson import Eval, Id


def _sequence_field(company):
    return fields.Many2One(
        'ir.sequence.strict', "Complaint Sequence", required=True,
        domain=[
            ('sequence_type', '=',
                Id('yankomas_complaint', 'sequence_type_complaint')),
            ('company', 'in', [company, None]),
            ],
        help="Numbers the complaints of the office, "
        "e.g. prefix \"PGD/PMK/${year}/\" with 5 digits.")


class Configuration(
        ModelSingleton, ModelSQL, ModelView, CompanyMultiValueMixin):
    __name__ = 'yankomas.configuration'
    __string__ = "Yankomas Configuration"

    complaint_sequence = fields.MultiValue(
        _sequence_field(Eval('context', {}).get('company', -1)))
    backdate_days = fields.Integer(
        "Back-dating Window", required=True,
        domain=[('backdate_days', '>=', 0), ('backdate_days', '<=', 366)],
        help="How many days back a letter, e-mail or SP4N-LAPOR! report "
        "may be dated when it is entered (UU 25/2009 gives 30 days to "
        "complain).")

    @staticmethod
    def default_backdate_days():
        return 30

    @classmethod
    def multivalue_model(cls, field):
        if field == 'complaint_sequence':
            return Pool().get('yankomas.configuration.sequence')
        return super().multivalue_model(field)

    @classmethod
    def default_complaint_sequence(cls, **pattern):
        return cls.multivalue_model(
            'complaint_sequence').default_complaint_sequence()


class ConfigurationSequence(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.sequence'
    __string__ = "Yankomas Configuration Sequence"

    complaint_sequence = _sequence_field(Eval('company', -1))

    @classmethod
    def default_complaint_sequence(cls):
        try:
            return Pool().get('ir.model.data').get_id(
                'yankomas_complaint', 'sequence_complaint')
        except KeyError:
            return None
