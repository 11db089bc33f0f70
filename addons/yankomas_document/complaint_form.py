from genshi.filters.i18n import Translator

from trytond.pool import Pool
from trytond.report.report import TranslateFactory
from trytond.transaction import Transaction

from yankomas_complaint.attachment import format_size
from yankomas_complaint.confidentiality import shown
from yankomas_complaint.pipeline import OFFICER_STEP, STEP_ROLES
from yankomas_complaint.roles import user_roles

from .bilingual import Bilingual
from .document import OfficeReport

# The language of the office's documents, which a bilingual form is in.
OFFICE_LANGUAGE = 'id'


class ComplaintForm(OfficeReport):
    "Form Pengaduan, with the receipt for the complainant."
    __name__ = 'yankomas.complaint.form'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        # What the user prints is what they may be shown.
        context['records'] = shown(records, 'print')
        context['record'] = (context['records'][0]
            if context['records'] else None)
        context['receiver'] = cls.receiver
        context['handler_step'] = cls.handler_step
        context['evidence'] = cls.evidence
        context['format_size'] = format_size
        context['receipt_codes'] = cls.receipt_codes
        context['bilingual'] = False
        return context

    @classmethod
    def receipt_codes(cls, complaint):
        """[(caption, address, QR code)] printed on the receipt: the pages
        where the complainant follows the complaint (other modules add
        theirs; the code is markup, yankomas_public.receipt.qr_code)."""
        return []

    @staticmethod
    def receiver(complaint):
        """The complaint's officer (Complaint.officer), who takes the form;
        while nobody holds the open intake step, the complaint officer
        printing it."""
        pool = Pool()
        User = pool.get('res.user')
        if complaint.officer:
            return complaint.officer
        step = complaint.current_step
        user = Transaction().user
        if (step and step.step == OFFICER_STEP and user
                and STEP_ROLES[OFFICER_STEP] in user_roles()):
            return User(user)

    @staticmethod
    def handler_step(complaint):
        "The last closed step, whose note is the latest disposition."
        closed = [s for s in complaint.steps if s.ended]
        return closed[-1] if closed else None

    @staticmethod
    def evidence(complaint):
        "The files kept as the complaint's evidence, in the order stored."
        return Pool().get('ir.attachment').evidence_of(complaint)


class ComplaintFormBilingual(ComplaintForm):
    """The Form Pengaduan in Indonesian with the English below each label,
    for a complainant who does not read Indonesian (stay permits are asked
    for by foreigners): the same template and translations as the form; the
    values as typed."""
    __name__ = 'yankomas.complaint.form.bilingual'

    @classmethod
    def execute(cls, ids, data):
        with Transaction().set_context(language=OFFICE_LANGUAGE):
            return super().execute(ids, data)

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['bilingual'] = True
        return context

    @classmethod
    def _callback_loader(cls, report, template):
        # As Report._callback_loader, with the form's translations (this
        # action has none of its own) and the English put back below the
        # labels before they are translated.
        Translation = Pool().get('ir.translation')
        translate = TranslateFactory(ComplaintForm.__name__, Translation)
        template.filters.append(
            Bilingual(translate.gettext, Transaction().language))
        translator = Translator(translate)
        template.filters.append(translator)
        if hasattr(template, 'add_directives'):
            template.add_directives(Translator.NAMESPACE, translator)
        return translate
