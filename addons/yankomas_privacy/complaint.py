"""A complaint as personal data: its processing restricted at the request
of its complainant, its identity and evidence erased once it may be (by an
erasure request or at the end of its retention).

Both are written by the server in the context of a correction with its
reason, so each shows in the change history and in the hash chain; the
handling (steps, times, states, category) is never touched, so the
statistics and the recaps stay as they were."""
from trytond.i18n import gettext
from trytond.model import fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock
from yankomas_complaint.confidential import HIDDEN_FIELDS
from yankomas_complaint.correction import EVIDENCE
from yankomas_complaint.identity import IDENTITY_FIELDS
from yankomas_complaint.pipeline import CLOSED_STATES
from yankomas_complaint.revision import CORRECTION

from . import retention
from .roles import is_data_protection_officer

# Set by the server while it erases an identity: the change history keeps
# no copy of what is erased. RPC drops the context keys beginning with '_'.
ERASING = '_yankomas_privacy_erasing'
PRIVACY_FIELDS = {'restricted', 'anonymised'}
# The records whose past contents in the hash chain an erasure redacts: the
# complaint, its change history and its evidence.
ERASED_MODELS = (
    'yankomas.complaint', 'yankomas.complaint.revision', 'ir.attachment')


def erased_text():
    "What an erased value reads as in the change history."
    return gettext('yankomas_privacy.msg_erased')


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    restricted = fields.Boolean(
        "Processing Restricted", readonly=True,
        help="At the request of the complainant (UU 27/2022): only the "
        "data-protection officer sees who made the complaint; its handling "
        "goes on.")
    anonymised = fields.DateTime(
        "Anonymised", readonly=True,
        help="When the identity of the complainant and the evidence were "
        "erased: at the end of the retention period or on request.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # An anonymised complaint has nobody left to name.
        states = dict(cls.complainant.states)
        states['required'] = states['required'] & ~Eval('anonymised')
        cls.complainant.states = states

    @staticmethod
    def default_restricted():
        return False

    # Who sees the identity

    @classmethod
    def hidden_identities(cls, complaints):
        hidden = super().hidden_identities(complaints)
        if not Transaction().user:
            return hidden
        with without_check_access():
            restricted = {c.id for c in cls.browse([c.id for c in complaints])
                if c.restricted}
        if is_data_protection_officer():
            return hidden - restricted
        return hidden | restricted

    @classmethod
    def identity_guard(cls):
        guard = super().identity_guard()
        if not Transaction().user:
            return guard
        if is_data_protection_officer():
            if guard is None:
                return None
            return ['OR', guard, ('restricted', '=', True)]
        clause = ('restricted', '=', False)
        return [guard, clause] if guard is not None else [clause]

    @classmethod
    def _disclose(cls, complaints, surface, hidden):
        super()._disclose(complaints, surface, hidden)
        # A restricted identity is logged when read, confidential or not.
        with without_check_access():
            shown = [c for c in cls.browse([c.id for c in complaints])
                if c.restricted and not c.confidential and c.id not in hidden]
        if shown:
            cls.identity_disclosed(shown, surface)

    # Only the server restricts and erases

    @classmethod
    def create(cls, vlist):
        if Transaction().check_access:
            for values in vlist:
                if any(values.get(n) for n in PRIVACY_FIELDS):
                    raise AccessError(gettext(
                            'yankomas_privacy.msg_complaint_privacy_fields'))
        return super().create(vlist)

    @classmethod
    def check_modification(cls, mode, complaints, values=None, external=False):
        super().check_modification(
            mode, complaints, values=values, external=external)
        if mode != 'write':
            return
        if external and set(values) & PRIVACY_FIELDS:
            raise AccessError(gettext(
                    'yankomas_privacy.msg_complaint_privacy_fields'))
        if (set(values) & set(IDENTITY_FIELDS)
                and not Transaction().context.get(ERASING)):
            for complaint in complaints:
                if complaint.anonymised:
                    raise AccessError(gettext(
                            'yankomas_privacy.msg_complaint_anonymised',
                            complaint=complaint.rec_name))

    # Retention

    def may_be_anonymised(self, now=None):
        """Whether the complaint is closed and past the retention period of
        its office: its identity may then be erased."""
        Configuration = Pool().get('yankomas.configuration')
        if self.state not in CLOSED_STATES or self.anonymised:
            return False
        months = Configuration.retention_months(self.company)['complaint']
        return retention.expired(self.closed, months, now or clock.now())

    @classmethod
    def privacy_restrict(cls, complaints, reason):
        "Restrict the processing of the complaints; the ones done now."
        todo = [c for c in complaints if not c.restricted and not c.anonymised]
        if todo:
            with without_check_access(), Transaction().set_context(
                    {CORRECTION: reason}):
                cls.write(todo, {'restricted': True})
        return todo

    @classmethod
    def privacy_erase_evidence(cls, complaints, reason):
        """Delete the evidence of the complaints, each deletion a correction
        that keeps the file's fingerprint but not its name; the number of
        files deleted."""
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        Revision = pool.get('yankomas.complaint.revision')
        count = 0
        with without_check_access(), Transaction().set_context(
                {CORRECTION: reason, ERASING: True}):
            for complaint in complaints:
                evidence = Attachment.evidence_of(complaint)
                if not evidence:
                    continue
                step = complaint.current_step
                revisions = [Revision.change(complaint,
                        step.id if step else None, EVIDENCE,
                        'SHA-256 %s' % e.sha256 if e.sha256
                        else erased_text(), '') for e in evidence]
                Attachment.delete(evidence)
                Revision.create(revisions)
                count += len(evidence)
        return count

    @classmethod
    def privacy_anonymise(cls, complaints, reason):
        """Erase the identity of the complainants and the evidence of the
        complaints, and the copies of the identity in their change history;
        a party no complaint names any more is anonymised too. The number of
        evidence files deleted."""
        pool = Pool()
        Party = pool.get('party.party')
        Revision = pool.get('yankomas.complaint.revision')
        Link = pool.get('yankomas.complaint.link')
        complaints = [c for c in complaints if not c.anonymised]
        if not complaints:
            return 0
        parties = {c.complainant for c in complaints if c.complainant}
        count = cls.privacy_erase_evidence(complaints, reason)
        values = dict.fromkeys(IDENTITY_FIELDS)
        values['anonymised'] = clock.now()
        erased = erased_text()
        with without_check_access(), Transaction().set_context(
                {CORRECTION: reason, ERASING: True}):
            cls.write(complaints, values)
            revisions = Revision.search([
                    ('complaint', 'in', [c.id for c in complaints]),
                    ('field', 'in', list(HIDDEN_FIELDS) + [EVIDENCE]),
                    ])
            to_write = []
            for revision in revisions:
                change = {name: erased
                    for name in ('old_value', 'new_value')
                    if getattr(revision, name)
                    and getattr(revision, name) != erased
                    and not (revision.field == EVIDENCE
                        and getattr(revision, name).startswith('SHA-256 '))}
                if change:
                    to_write.extend(([revision], change))
            if to_write:
                Revision.write(*to_write)
            # The chain keeps where and when, no longer what was erased.
            Link.redact([c.id for c in complaints], ERASED_MODELS, reason)
        Party.privacy_anonymise(list(parties))
        return count


class Revision(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint.revision'

    @classmethod
    def change(cls, complaint, step, field, old_value, new_value):
        values = super().change(complaint, step, field, old_value, new_value)
        if Transaction().context.get(ERASING) and field in HIDDEN_FIELDS:
            if values['old_value']:
                values['old_value'] = erased_text()
        return values
