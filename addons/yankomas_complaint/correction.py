"""The correction of a complaint after its intake (the correct button): one
field, or one piece of evidence removed, with the reason, by the head of
office or the administrator. Recorded as a revision of kind correction."""
import datetime as dt
from decimal import Decimal, InvalidOperation

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .exceptions import CorrectionError
from .pipeline import INTAKE_STATES
from .revision import CORRECTION, TEXT_FORMATS, field_text
from .roles import may_correct

EVIDENCE = 'evidence'
TRUE_WORDS = {'ya', 'yes', 'y', 'true', '1', 'benar'}
FALSE_WORDS = {'tidak', 'no', 'n', 'false', '0', 'salah'}


def correctable_fields():
    "The complaint's fields a correction may change."
    Complaint = Pool().get('yankomas.complaint')
    return Complaint.revised_fields() + ['resolution']


def parse_field_text(complaint, name, text):
    """The value of field name that text, written as field_text shows it,
    stands for; CorrectionError names what was expected."""
    pool = Pool()
    Complaint = pool.get('yankomas.complaint')
    Calendar = pool.get('company.working_calendar')
    field = Complaint._fields[name]
    description = Complaint.fields_get([name])[name]
    text = (text or '').strip()

    def refuse(expected):
        raise CorrectionError(gettext(
                'yankomas_complaint.msg_correction_value',
                value=text, field=description['string'],
                expected=gettext('yankomas_complaint.msg_correction_%s'
                    % expected)))
    if not text:
        if field._type == 'boolean':
            return False
        if field.required:
            refuse('required')
        return None
    if field._type in {'char', 'text'}:
        return text
    if field._type == 'boolean':
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        refuse('boolean')
    if field._type == 'selection':
        for key, label in description['selection']:
            if key and text.lower() in {str(key).lower(), label.lower()}:
                return key
        refuse('selection')
    if field._type == 'many2one':
        Target = pool.get(field.model_name)
        targets = Target.search([('rec_name', '=', text)], limit=2)
        if len(targets) != 1:
            refuse('many2one')
        return targets[0].id
    if field._type in {'date', 'datetime'}:
        try:
            moment = dt.datetime.strptime(text, TEXT_FORMATS[field._type])
        except ValueError:
            refuse(field._type)
        if field._type == 'date':
            return moment.date()
        return Calendar.of(complaint.company).engine().utc(
            moment.date(), moment.time())
    if field._type in {'numeric', 'integer'}:
        try:
            number = Decimal(text.replace('.', '').replace(',', '.'))
        except InvalidOperation:
            refuse('number')
        return int(number) if field._type == 'integer' else number
    refuse('required')


class CorrectStart(ModelView):
    __name__ = 'yankomas.complaint.correct.start'
    __string__ = "Correct Complaint"

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", readonly=True)
    resource = fields.Char("Resource", readonly=True)
    field = fields.Selection(
        'get_fields', "What to Correct", required=True, sort=False)
    current = fields.Text("Current Value", readonly=True)
    value = fields.Text(
        "Corrected Value",
        states={'invisible': Eval('field') == EVIDENCE},
        help="Written as the current value is shown: a date as "
        "31/12/2026 14:30 (office time), a choice or a record by its name, "
        "Ya or Tidak.")
    evidence = fields.Many2One(
        'ir.attachment', "Evidence to Remove",
        domain=[('resource', '=', Eval('resource', ''))],
        states={
            'invisible': Eval('field') != EVIDENCE,
            'required': Eval('field') == EVIDENCE,
            })
    reason = fields.Text(
        "Reason", required=True,
        help="Why the record is corrected: kept with the correction.")

    @classmethod
    def get_fields(cls):
        Complaint = Pool().get('yankomas.complaint')
        names = correctable_fields()
        labels = Complaint.fields_get(names)
        return [(n, labels[n]['string']) for n in names] + [
            (EVIDENCE, gettext('yankomas_complaint.msg_revision_evidence'))]

    @fields.depends('complaint', 'field')
    def on_change_with_current(self):
        if (self.complaint and self.field and self.field != EVIDENCE
                and self.field in correctable_fields()):
            return field_text(self.complaint, self.field)


class Correct(Wizard):
    __name__ = 'yankomas.complaint.correct'
    __string__ = "Correct Complaint"

    start = StateView(
        'yankomas.complaint.correct.start',
        'yankomas_complaint.complaint_correct_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Correct", 'apply', 'tryton-ok', default=True),
            ])
    apply = StateTransition()

    def default_start(self, fields):
        return {
            'complaint': self.record.id,
            'resource': str(self.record),
            }

    def transition_apply(self):
        complaint = self.record
        if not may_correct():
            raise AccessError(gettext(
                    'yankomas_complaint.msg_correction_access'))
        if complaint.state in INTAKE_STATES:
            raise CorrectionError(gettext(
                    'yankomas_complaint.msg_correction_intake',
                    complaint=complaint.rec_name))
        reason = (self.start.reason or '').strip()
        if not reason:
            raise CorrectionError(gettext(
                    'yankomas_complaint.msg_correction_reason'))
        if self.start.field == EVIDENCE:
            self._remove_evidence(complaint, self.start.evidence, reason)
        elif self.start.field in correctable_fields():
            self._correct_field(complaint, self.start.field,
                self.start.value, reason)
        return 'end'

    @staticmethod
    def _correct_field(complaint, name, text, reason):
        Complaint = Pool().get('yankomas.complaint')
        value = parse_field_text(complaint, name, text)
        with without_check_access(), Transaction().set_context(
                {CORRECTION: reason}):
            Complaint.write([complaint], {name: value})

    @staticmethod
    def _remove_evidence(complaint, evidence, reason):
        pool = Pool()
        Attachment = pool.get('ir.attachment')
        Revision = pool.get('yankomas.complaint.revision')
        if not evidence or evidence.resource != complaint:
            raise CorrectionError(gettext(
                    'yankomas_complaint.msg_correction_evidence',
                    complaint=complaint.rec_name))
        old = evidence.name
        digest = getattr(evidence, 'sha256', None)
        if digest:
            old += ' (SHA-256 %s)' % digest
        with without_check_access(), Transaction().set_context(
                {CORRECTION: reason}):
            Attachment.delete([evidence])
            step = complaint.current_step
            Revision.create([Revision.change(complaint,
                        step.id if step else None, EVIDENCE, old, '')])
