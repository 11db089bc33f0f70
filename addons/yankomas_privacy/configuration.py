"""The office's retention periods and data-protection contact, in the
Yankomas configuration (one value per office)."""
from trytond.model import ModelSQL, fields
from trytond.modules.company.model import CompanyValueMixin
from trytond.pool import Pool, PoolMeta

from . import retention

_LABELS = {
    'complaint': ("Complaints (months)",
        "How long a closed complaint keeps the identity of its "
        "complainant: then the purge anonymises it."),
    'evidence': ("Evidence and Recordings (months)",
        "How long after closing the evidence files, audio and video "
        "recordings of a complaint are kept: then the purge deletes them. "
        "They go at the latest with the complaint's identity."),
    'mail': ("E-mail Log (months)",
        "How long the e-mails sent about complaints are kept after they "
        "were sent."),
    'disclosure': ("Identity-Read Log (months)",
        "How long the log of who read a confidential identity is kept."),
    }
RETENTION_FIELDS = ['retention_%s' % t for t in retention.RECORD_TYPES]


def _retention_field(kind, domain=None):
    string, help = _LABELS[kind]
    return fields.Integer(string, required=True, domain=domain, help=help)


def _contact_field():
    return fields.Text(
        "Data Protection Contact",
        help="Who the complainants contact about their personal data "
        "(the office's data-protection officer: name, e-mail, phone): "
        "printed in the data-use notice of the complaint form.")


class Configuration(metaclass=PoolMeta):
    __name__ = 'yankomas.configuration'

    retention_complaint = fields.MultiValue(_retention_field('complaint'))
    retention_evidence = fields.MultiValue(_retention_field('evidence'))
    retention_mail = fields.MultiValue(_retention_field('mail'))
    retention_disclosure = fields.MultiValue(_retention_field('disclosure'))
    privacy_contact = fields.MultiValue(_contact_field())

    @classmethod
    def multivalue_model(cls, field):
        if field in RETENTION_FIELDS or field == 'privacy_contact':
            return Pool().get('yankomas.configuration.retention')
        return super().multivalue_model(field)

    @classmethod
    def default_retention_complaint(cls, **pattern):
        return retention.DEFAULTS['complaint']

    @classmethod
    def default_retention_evidence(cls, **pattern):
        return retention.DEFAULTS['evidence']

    @classmethod
    def default_retention_mail(cls, **pattern):
        return retention.DEFAULTS['mail']

    @classmethod
    def default_retention_disclosure(cls, **pattern):
        return retention.DEFAULTS['disclosure']

    @classmethod
    def retention_months(cls, company):
        "{record type: months} the office keeps each type of record."
        configuration = cls(1)
        return {kind: configuration.get_multivalue(
                'retention_%s' % kind, company=company.id)
            or retention.DEFAULTS[kind]
            for kind in retention.RECORD_TYPES}


def _domain(name):
    return [(name, '>=', 1), (name, '<=', retention.MAXIMUM)]


class ConfigurationRetention(ModelSQL, CompanyValueMixin):
    __name__ = 'yankomas.configuration.retention'
    __string__ = "Yankomas Configuration Retention"

    retention_complaint = _retention_field(
        'complaint', _domain('retention_complaint'))
    retention_evidence = _retention_field(
        'evidence', _domain('retention_evidence'))
    retention_mail = _retention_field('mail', _domain('retention_mail'))
    retention_disclosure = _retention_field(
        'disclosure', _domain('retention_disclosure'))
    privacy_contact = _contact_field()

    @classmethod
    def default_retention_complaint(cls):
        return retention.DEFAULTS['complaint']

    @classmethod
    def default_retention_evidence(cls):
        return retention.DEFAULTS['evidence']

    @classmethod
    def default_retention_mail(cls):
        return retention.DEFAULTS['mail']

    @classmethod
    def default_retention_disclosure(cls):
        return retention.DEFAULTS['disclosure']
