from trytond.model import ModelSingleton, ModelSQL, ModelView, fields
from trytond.modules.company.model import (
    CompanyMultiValueMixin, CompanyValueMixin)
from trytond.pool import Pool
from trytond.pyson import Eval, Id

from .attachment import DEFAULT_SIZE_LIMIT, DEFAULT_TYPES, EVIDENCE_SELECTION
from .confidential import DEFAULT_ROLES
from .step import ROLE_SELECTION


def _sequence_field(company, string="Complaint Sequence",
        help="Numbers the complaints of the office, "
        "e.g. prefix \"PGD/PMK/${year}/\" with 5 digits."):
    return fields.Many2One(
        'ir.sequence.strict', string, required=True,
        domain=[
            ('sequence_type', '=',
                Id('yankomas_complaint', 'sequence_type_complaint')),
            ('company', 'in', [company, None]),
            ],
        help=help)


def _integrity_sequence_field(company):
    return _sequence_field(company, "Integrity Report Sequence",
        help="Numbers the integrity reports of the office apart from its "
        "complaints, e.g. prefix \"WBS/PMK/${year}/\" with 5 digits.")


def _evidence_types_field():
    return fields.MultiSelection(
        EVIDENCE_SELECTION, "Evidence Types", sort=False,
        help="The types of file the office keeps as evidence of a "
        "complaint, judged from their content.")


def _evidence_size_limit_field(domain=None):
    return fields.Integer(
        "Evidence Size Limit (MiB)", required=True, domain=domain,
        help="The largest evidence file the office keeps.")


def _identity_roles_field():
    return fields.MultiSelection(
        ROLE_SELECTION, "Roles Seeing Confidential Identities", sort=False,
        help="The roles of the office that see who made a confidential "
        "complaint; everyone else reads \"Confidential\" instead.")


class Configuration(
        ModelSingleton, ModelSQL, ModelView, CompanyMultiValueMixin):
    __name__ = 'yankomas.configuration'
    __string__ = "Yankomas Configuration"

    complaint_sequence = fields.MultiValue(
        _sequence_field(Eval('context', {}).get('company', -1)))
    integrity_sequence = fields.MultiValue(
        _integrity_sequence_field(Eval('context', {}).get('company', -1)))
    evidence_types = fields.MultiValue(_evidence_types_field())
    evidence_size_limit = fields.MultiValue(_evidence_size_limit_field())
    identity_roles = fields.MultiValue(_identity_roles_field())
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
        if field in {'complaint_sequence', 'integrity_sequence'}:
            return Pool().get('yankomas.configuration.sequence')
        if field in {'evidence_types', 'evidence_size_limit'}:
            return Pool().get('yankomas.configuration.evidence')
        if field == 'identity_roles':
            return Pool().get('yankomas.configuration.identity')
        return super().multivalue_model(field)

    @classmethod
    def default_complaint_sequence(cls, **pattern):
        return cls.multivalue_model(
            'complaint_sequence').default_complaint_sequence()

    @classmethod
    def default_integrity_sequence(cls, **pattern):
        return cls.multivalue_model(
            'integrity_sequence').default_integrity_sequence()

    @classmethod
    def default_evidence_types(cls, **pattern):
        return cls.multivalue_model(
            'evidence_types').default_evidence_types()

    @classmethod
    def default_evidence_size_limit(cls, **pattern):
        return cls.multivalue_model(
            'evidence_size_limit').default_evidence_size_limit()

    @classmethod
    def default_identity_roles(cls, **pattern):
        return cls.multivalue_model(
            'identity_roles').default_identity_roles()


class ConfigurationSequence(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.sequence'
    __string__ = "Yankomas Configuration Sequence"

    complaint_sequence = _sequence_field(Eval('company', -1))
    integrity_sequence = _integrity_sequence_field(Eval('company', -1))

    @classmethod
    def default_complaint_sequence(cls):
        return cls._default_sequence('sequence_complaint')

    @classmethod
    def default_integrity_sequence(cls):
        return cls._default_sequence('sequence_integrity')

    @staticmethod
    def _default_sequence(xml_id):
        try:
            return Pool().get('ir.model.data').get_id(
                'yankomas_complaint', xml_id)
        except KeyError:
            return None


class ConfigurationEvidence(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.evidence'
    __string__ = "Yankomas Configuration Evidence"

    evidence_types = _evidence_types_field()
    evidence_size_limit = _evidence_size_limit_field([
            ('evidence_size_limit', '>=', 1),
            ('evidence_size_limit', '<=', 1024),
            ])

    @classmethod
    def default_evidence_types(cls):
        return list(DEFAULT_TYPES)

    @classmethod
    def default_evidence_size_limit(cls):
        return DEFAULT_SIZE_LIMIT


class ConfigurationIdentity(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.identity'
    __string__ = "Yankomas Configuration Identity"

    identity_roles = _identity_roles_field()

    @classmethod
    def default_identity_roles(cls):
        return list(DEFAULT_ROLES)
