from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, Id


def _recap_sequence_field(company):
    return fields.Many2One(
        'ir.sequence', "Recap Report Sequence", required=True,
        domain=[
            ('sequence_type', '=',
                Id('yankomas_recap', 'sequence_type_recap')),
            ('company', 'in', [company, None]),
            ],
        help="Numbers the recap reports of the office.")


class Configuration(metaclass=PoolMeta):
    __name__ = 'yankomas.configuration'

    recap_sequence = fields.MultiValue(
        _recap_sequence_field(Eval('context', {}).get('company', -1)))

    @classmethod
    def multivalue_model(cls, field):
        if field == 'recap_sequence':
            return Pool().get('yankomas.configuration.sequence')
        return super().multivalue_model(field)

    @classmethod
    def default_recap_sequence(cls, **pattern):
        return cls.multivalue_model(
            'recap_sequence').default_recap_sequence()


class ConfigurationSequence(metaclass=PoolMeta):
    __name__ = 'yankomas.configuration.sequence'

    recap_sequence = _recap_sequence_field(Eval('company', -1))

    @classmethod
    def default_recap_sequence(cls):
        try:
            return Pool().get('ir.model.data').get_id(
                'yankomas_recap', 'sequence_recap')
        except KeyError:
            return None
