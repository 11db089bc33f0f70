"""The answer letter (Surat Jawaban): the office's answer on its letterhead,
numbered, dated, addressed and signed as the office configures."""
from trytond.i18n import gettext
from trytond.pool import Pool
from trytond.rpc import RPC
from trytond.transaction import without_check_access

from yankomas_complaint.confidentiality import shown
from yankomas_complaint.pipeline import FINAL_STATES
from yankomas_complaint.roles import holders
from yankomas_document.document import OfficeReport
from yankomas_public.links import track_url

from .exceptions import AnswerLetterError


class AnswerLetter(OfficeReport):
    "Surat Jawaban: the answer to the complainant, to print or send."
    __name__ = 'yankomas.complaint.answer_letter'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Printing numbers the letter and records who printed it.
        cls.__rpc__['execute'] = RPC(readonly=False)

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Answer = pool.get('yankomas.complaint.answer')
        context = super().get_context(records, header, data)
        complaints = Complaint.browse([r.id for r in records])
        for complaint in complaints:
            # A service complaint's answer: an integrity report has none.
            if (complaint.state not in FINAL_STATES
                    or not complaint.resolution):
                raise AnswerLetterError(gettext(
                        'yankomas_answer.msg_letter_not_answered',
                        complaint=complaint.rec_name))
        letters = Answer.letters_printed(complaints)
        # What the user prints is what they may be shown.
        context['records'] = shown(records, 'print')
        context['record'] = (context['records'][0]
            if context['records'] else None)
        context['letter'] = lambda c: letters[c.id]
        context['answer_signer'] = cls.answer_signer
        context['tracking_url'] = lambda c: track_url(c.tracking_code)
        context['paragraphs'] = cls.paragraphs
        return context

    @staticmethod
    def paragraphs(text):
        "The paragraphs of text (apart by empty lines), each its lines."
        paragraphs, lines = [], []
        for line in (text or '').splitlines() + ['']:
            if line.strip():
                lines.append(line)
            elif lines:
                paragraphs.append(lines)
                lines = []
        return paragraphs

    @classmethod
    def answer_signer(cls, complaint):
        """(caption key, user) of who signs: the head of office or the
        officer who answered, as the office configures."""
        Configuration = Pool().get('yankomas.configuration')
        settings = Configuration.answer_settings(complaint.company)
        if settings['answer_signer'] == 'kepala_kantor':
            return 'kepala_kantor', cls.head_of_office(complaint.company)
        return 'petugas', complaint.answered_by()

    @staticmethod
    def head_of_office(company):
        "The head of the office: an active user of its Kepala Kantor group."
        with without_check_access():
            users = holders(company, 'kepala_kantor')
        return users[0] if users else None

