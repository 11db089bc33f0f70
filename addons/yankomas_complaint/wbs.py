"""Integrity reports (the whistle-blowing system, WBS): a complaint of an
integrity category (pungli, calo, ethics, gratification) is registered in
its own numbering, handled by the internal oversight unit instead of the
office chain, hidden from every other role and from the officer it names,
and its reporter's identity is always confidential."""
from sql import Literal

from trytond.i18n import gettext
from trytond.model import fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from .exceptions import ComplaintIncomplete
from .pipeline import INTEGRITY_STEPS
from .roles import group_ids

# Who takes in, handles and reads integrity reports.
INTEGRITY_ROLES = ('pengawas_internal', 'kepala_kantor')


def _user_groups():
    return set(Pool().get('res.user').get_groups())


def in_roles(roles):
    "Whether the current user has one of roles (the server always has)."
    if not Transaction().user:
        return True
    return bool(set(group_ids(roles)) & _user_groups())


class IntegrityReportMixin:
    __slots__ = ()

    integrity = fields.Boolean(
        "Integrity Report", readonly=True,
        help="Of an integrity category: handled by the internal oversight "
        "unit, hidden from the office chain, the reporter always "
        "confidential.")
    reported_employee = fields.Many2One(
        'company.employee', "Officer Reported",
        domain=[('company', '=', Eval('company', -1))],
        states={
            'invisible': ~Eval('integrity', False),
            'readonly': ~Eval('state').in_(list(INTEGRITY_STEPS)),
            },
        help="The employee the report is about, if they are one: the "
        "report is hidden from them, whatever their role.")

    @staticmethod
    def default_integrity():
        return False

    @classmethod
    def service_sql(cls, table):
        """SQL: the row of the complaint table is a service complaint, not an
        integrity report (which office figures and recaps leave out)."""
        return table.integrity == Literal(False)

    @classmethod
    def integrity_categories(cls, values):
        """The ids of integrity categories among values (what clients sent
        as categories: anything else is left to the field's validation)."""
        Category = Pool().get('yankomas.complaint.category')
        ids = [v for v in values
            if isinstance(v, int) and not isinstance(v, bool) and v >= 0]
        if not ids:
            return set()
        with without_check_access():
            return {c.id for c in Category.search([
                        ('id', 'in', ids),
                        ('integrity', '=', True),
                        ])}

    @staticmethod
    def _in(value, ids):
        "Whether a client's value is one of ids, whatever its type."
        return (isinstance(value, int) and not isinstance(value, bool)
            and value in ids)

    @classmethod
    def _prepare_integrity(cls, vlist):
        """At creation: a complaint of an integrity category is an integrity
        report, taken in only by the internal oversight unit or the head of
        office, its reporter confidential."""
        integrity = cls.integrity_categories(
            [v.get('category') for v in vlist])
        for values in vlist:
            values['integrity'] = cls._in(values.get('category'), integrity)
            if not values['integrity']:
                continue
            if not in_roles(INTEGRITY_ROLES):
                raise AccessError(gettext(
                        'yankomas_complaint.msg_integrity_create'))
            values['confidential'] = True

    @classmethod
    def _check_integrity_category(cls, complaints, values):
        "A complaint keeps its track: an integrity category or none."
        if 'category' not in values:
            return
        integrity = cls._in(values['category'],
            cls.integrity_categories([values['category']]))
        for complaint in complaints:
            if complaint.integrity != integrity:
                raise AccessError(gettext(
                        'yankomas_complaint.msg_integrity_track',
                        complaint=complaint.rec_name))

    def missing_report_fields(self):
        """Names of what an integrity report still lacks: who or which unit,
        where, when, what happened, and its evidence; who reports it unless
        anonymous."""
        Attachment = Pool().get('ir.attachment')
        missing = [n for n in ['category', 'description', 'incident_place',
                'incident_time'] if not getattr(self, n)]
        if not (self.reported_party or self.reported_employee):
            missing.insert(0, 'reported_party')
        if not self.anonymous:
            missing += [n for n in ['complainant', 'id_type', 'id_number']
                if not getattr(self, n)]
        with without_check_access():
            if not Attachment.evidence_of(self):
                missing.append('evidence')
        return missing

    @classmethod
    def _check_report_complete(cls, complaints):
        for complaint in complaints:
            missing = complaint.missing_report_fields()
            if missing:
                labels = cls.fields_get([m for m in missing
                        if m in cls._fields])
                names = [labels[m]['string'] if m in labels else gettext(
                        'yankomas_complaint.msg_integrity_evidence')
                    for m in missing]
                raise ComplaintIncomplete(gettext(
                        'yankomas_complaint.msg_integrity_incomplete',
                        complaint=complaint.rec_name,
                        fields=', '.join(names)))
