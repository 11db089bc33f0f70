"""The complaint's side of the answer: what goes back when it closes, in
which language and template, the values a template may use, and the
scheduler that reminds a silent complainant and closes for no reply."""
import logging

from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock
from yankomas_complaint import serialise
from yankomas_complaint.pipeline import SERVER_ACTIONS, SETS_RESOLUTION, STEPS
from yankomas_public.links import track_url

from . import render, silence
from .configuration import TEMPLATES
from .media import CLOSING_KINDS

logger = logging.getLogger(__name__)
# A complainant without a language of their own is answered in Indonesian.
DEFAULT_LANGUAGE = 'id'
# The kind of hold (yankomas_complaint's hold.HOLD_KINDS) that waits on the
# complainant.
WAITING_COMPLAINANT = 'waiting_complainant'


def template_values(complaint, hold=None):
    """{name: text} an answer template may use, of complaint as the reader
    may be shown it, in the context's language; hold is what the office
    waits for (the complaint's open hold waiting on its complainant by
    default)."""
    pool = Pool()
    Calendar = pool.get('company.working_calendar')
    Configuration = pool.get('yankomas.configuration')
    Lang = pool.get('ir.lang')
    lang = Lang.get()
    engine = Calendar.of(complaint.company).engine()
    settings = Configuration.answer_settings(complaint.company)
    hold = hold or complaint.waiting_hold()

    def day(moment):
        if moment:
            return lang.strftime(engine.local(moment), '%d %B %Y')
        return ''
    closing = (silence.closing_time(
            engine, hold.started, settings['no_reply_days'])
        if hold else None)
    code = complaint.tracking_code
    return {
        'number': complaint.number or '',
        'subject': complaint.subject or '',
        'name': complaint.complainant_name or '',
        'office': complaint.company.rec_name,
        'received': day(complaint.received),
        'closed': day(complaint.closed),
        'resolution': complaint.resolution or '',
        'referred_to': complaint.referred_to or '',
        'tracking_code': code or '',
        'tracking_url': track_url(code) if code else '',
        'request': hold.reason if hold else '',
        'requested': day(hold.started) if hold else '',
        'close_on': day(closing),
        'days': str(settings['no_reply_days']),
        }


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    answers = fields.One2Many(
        'yankomas.complaint.answer', 'complaint', "Answers", readonly=True,
        help="What was sent back to the complainant, when and how.")

    @classmethod
    def _advance(cls, complaints, action, note=None):
        "Once closed, the complaints' answers go back to their complainants."
        Answer = Pool().get('yankomas.complaint.answer')
        super()._advance(complaints, action, note)
        kind = CLOSING_KINDS.get(action)
        if kind and complaints:
            Answer.record(cls.browse([c.id for c in complaints]), kind)

    def answer_language(self):
        "The code of the language the complainant is written to in."
        party = self.complainant
        if party and party.lang:
            return party.lang.code
        return DEFAULT_LANGUAGE

    def answer_links(self):
        """[(label, address)] added to the answer's e-mail and letter, in the
        context's language: where other modules invite the complainant (the
        survey)."""
        return []

    def answer_values(self, hold=None):
        "The values of the complaint an answer template may use."
        return template_values(self, hold)

    def waiting_hold(self):
        """The hold waiting on the complainant: the open one of the current
        step, or the one that ended with the closing for no reply."""
        step = self.current_step or (self.steps[-1] if self.steps else None)
        if not step:
            return None
        holds = [h for h in step.holds if h.kind == WAITING_COMPLAINANT]
        for hold in holds:
            if not hold.ended:
                return hold
        if step.action == 'no_reply' and holds:
            return holds[-1]

    def answer_message(self, kind, hold=None):
        """(subject, text, html) of the e-mail of kind (configuration.
        TEMPLATES) to the complainant, from the office's template in the
        complainant's language; the module's own template if the office's
        cannot be filled."""
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        Template = pool.get('ir.email.template')
        ModelData = pool.get('ir.model.data')
        field, xml_id = TEMPLATES[kind]
        template_id = Configuration.answer_settings(self.company)[field]
        with Transaction().set_context(language=self.answer_language()):
            complaint = self.__class__(self.id)
            values = complaint.answer_values(hold)
            rest = (gettext('yankomas_answer.msg_mail_track'),
                values['tracking_url'], complaint.answer_links())
            template = Template(template_id)
            try:
                return render.message(
                    template.subject, template.body, values, *rest)
            except Exception as exception:
                default = ModelData.get_id('yankomas_answer', xml_id)
                if template.id == default:
                    raise
                logger.warning("Answer template %s of %s cannot be filled: "
                    "%s", template.id, self.company.rec_name, exception)
                template = Template(default)
                return render.message(
                    template.subject, template.body, values, *rest)

    def postal_address(self):
        "Where a letter to the complainant goes: their name and address."
        return '\n'.join(filter(None, [self.complainant_name, self.address]))

    def public_address(self):
        "The page where the complainant reads the answer: the tracking page."
        if self.channel == 'web' and self.tracking_code:
            return track_url(self.tracking_code)

    def answered_by(self):
        """Who gave the answer: the user who closed the step with it, else
        the complaint's officer (for a closing by the server)."""
        for step in reversed(self.steps):
            if step.action in SETS_RESOLUTION and step.user:
                return step.user
        return self.officer

    @classmethod
    def chase_silent(cls):
        """The scheduler: remind the complainants a step waits on, and close
        as no reply the complaints whose complainant stayed silent past the
        office's limit, in its working days (silence.py)."""
        pool = Pool()
        Hold = pool.get('yankomas.complaint.step.hold')
        Answer = pool.get('yankomas.complaint.answer')
        Configuration = pool.get('yankomas.configuration')
        Calendar = pool.get('company.working_calendar')
        now = clock.now()
        # The server's own act, whoever runs the job.
        with Transaction().set_user(0), without_check_access():
            holds = Hold.search([
                    ('kind', '=', WAITING_COMPLAINANT),
                    ('ended', '=', None),
                    ('step.ended', '=', None),
                    ('step.complaint.integrity', '=', False),
                    ('step.complaint.state', 'in', list(STEPS)),
                    ], order=[('started', 'ASC'), ('id', 'ASC')])
            last = Answer.last_reminders(holds)
            silent = []
            for hold in holds:
                complaint = hold.step.complaint
                settings = Configuration.answer_settings(complaint.company)
                action = silence.due(
                    Calendar.of(complaint.company).engine(), hold.started,
                    now, settings['reminder_days'],
                    settings['no_reply_days'], last.get(hold.id))
                if action == 'remind':
                    Answer.record([complaint], 'reminder', hold=hold)
                elif action == 'close':
                    silent.append((complaint, hold, settings['no_reply_days']))
            if silent:
                cls.close_silent(silent)

    @classmethod
    def close_silent(cls, silent):
        """Close each complaint of silent [(complaint, hold, days)] as no
        reply, its step closed with the server's note, in the complainant's
        language."""
        Calendar = Pool().get('company.working_calendar')
        for complaint, hold, days in silent:
            calendar = Calendar.of(complaint.company)
            with Transaction().set_context(
                    language=complaint.answer_language()):
                note = gettext('yankomas_answer.msg_no_reply_note',
                    days=days, requested=calendar.format_local(hold.started),
                    request=hold.reason)
            cls.close_no_reply([complaint], note)

    @classmethod
    def close_no_reply(cls, complaints, note):
        """Close the complaints as no reply, with note as their resolution:
        the server only (no button, no RPC). One that a person is moving at
        the same moment is theirs: left for the next run to look at again."""
        try:
            serialise.lock(cls, [c.id for c in complaints])
        except serialise.Changed:
            return
        sources = SERVER_ACTIONS['no_reply'][0]
        complaints = [c for c in complaints if c.state in sources]
        if complaints:
            cls._advance(complaints, 'no_reply', note)
