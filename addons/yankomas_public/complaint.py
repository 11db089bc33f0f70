"""What the public pages read of a complaint: found by its tracking code
only, and shown without any personal data."""
import os

from trytond.i18n import gettext
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from yankomas_complaint import tracking
from yankomas_complaint.pipeline import CLOSED_STATES
from yankomas_email.templates import render

from . import links
from .status import FINISHED, public_status

TEMPLATES = os.path.join(os.path.dirname(__file__), 'templates')
# What the form's values give to the complaint as they are.
FORM_FIELDS = ('subject', 'description', 'anonymous', 'confidential',
    'phone', 'email', 'address', 'id_type', 'id_number', 'representation',
    'represented_name', 'power_of_attorney', 'service', 'application_number',
    'reported_party', 'incident_place', 'loss', 'requested_resolution',
    'compensation_claimed', 'compensation_amount')
# The step the web complaint starts at, whose role is told of it.
WEB_STEP_ROLE = 'petugas'

# A step's hold of this kind waits on the complainant's reply.
WAITING_KIND = 'waiting_complainant'


class Complaint(metaclass=PoolMeta):
    __name__ = 'yankomas.complaint'

    @classmethod
    def by_tracking_code(cls, text):
        """The complaint of the code typed, or None. A malformed code runs
        the same query as a well-formed one, so that neither answers
        sooner."""
        code = tracking.normalise(text)
        with without_check_access():
            found = cls.search(
                [('tracking_code', '=', code or '')], limit=1)
        return found[0] if found and code else None

    def public_view(self):
        """What the tracking page shows: the register number, the office,
        where the complaint is in plain words (a status key), its dates and
        the answer once given; never the identity nor anything written
        about the complainant."""
        pool = Pool()
        Lang = pool.get('ir.lang')
        Calendar = pool.get('company.working_calendar')
        lang = Lang.get()
        calendar = Calendar.of(self.company)
        waiting = bool(self.current_step and any(
                h.kind == WAITING_KIND and not h.ended
                for h in self.current_step.holds))
        status = public_status(self.state, waiting)

        def moment(value):
            if not value:
                return ''
            local = calendar.engine().local(value)
            return '%s %s' % (lang.strftime(local, '%-d %B %Y, %H.%M'),
                local.tzname())

        history = []
        for step in self.steps:
            key = public_status(step.step)
            if not history or history[-1][0] != key:
                history.append((key, moment(step.started)))
        closed = self.state in CLOSED_STATES
        if closed and history and history[-1][0] != status:
            history.append((status, moment(self.closed)))
        return {
            'number': self.number,
            'office': self.company.rec_name,
            'status': status,
            'finished': status in FINISHED,
            'received': moment(self.received),
            'answer_deadline': (lang.strftime(self.answer_deadline,
                    '%-d %B %Y') if self.answer_deadline and not closed
                else ''),
            'closed': moment(self.closed) if closed else '',
            # An agency's name, never a person's.
            'referred_to': (self.referred_to or '')
            if self.state == 'referred' else '',
            'answer': self.resolution if closed else '',
            'history': history,
            'links': self.public_links(),
            }

    def public_links(self):
        """[(label, address)] offered under the status, in the page's
        language: where other modules invite the complainant (the survey)."""
        return []

    @classmethod
    def submit_public(cls, company, values, files):
        """The complaint of the public form's values (form.clean) for the
        office company, with the files [(name, bytes)] as its evidence; the
        office's complaint officers are told and the complainant gets the
        confirmation when they gave an e-mail address, by a queued task
        (tell_web_complaint)."""
        pool = Pool()
        Party = pool.get('party.party')
        Attachment = pool.get('ir.attachment')
        Calendar = pool.get('company.working_calendar')
        data = {k: values[k] for k in FORM_FIELDS if k in values}
        data.update(channel='web', company=company.id)
        if values.get('incident_time'):
            moment = values['incident_time']
            data['incident_time'] = Calendar.of(company).engine().utc(
                moment.date(), moment.time())
        if not values.get('anonymous'):
            # Answered later in the language the visitor used the form in.
            party = Party(name=values['name'], lang=pool.get('ir.lang').get())
            party.save()
            data['complainant'] = party.id
        with Transaction().set_context(company=company.id):
            complaint, = cls.create([data])
            if files:
                Attachment.create([{
                            'name': name,
                            'resource': str(complaint),
                            'data': content,
                            } for name, content in files])
        cls.__queue__.tell_web_complaint([complaint], Transaction().language)
        return complaint

    @classmethod
    def tell_web_complaint(cls, complaints, language):
        """The queue's task of complaints sent from the website: the
        hand-over notice to each office's officers and the confirmation to
        the complainant, in language (the one they used the form in), kept
        in the log, then sent by this task; nothing of an e-mail is built or
        sent in the visitor's request. Their keys keep the task run again
        (Mail.build_lost_notices) from doubling one."""
        Mail = Pool().get('yankomas.mail')
        messages = []
        for complaint in complaints:
            messages.extend(complaint._officer_notices())
            with Transaction().set_context(language=language):
                messages.extend(complaint._confirmation())
        Mail.send_built(messages)

    def _officer_notices(self):
        "The hand-over notices of a web complaint to the office's officers."
        Mail = Pool().get('yankomas.mail')
        step = self.current_step
        users = Mail.recipients(self.company, [WEB_STEP_ROLE])
        if not (step and users):
            return []
        return Mail.notices('web_complaint', self, step, users,
            'web:%d:%d' % (self.id, step.id), module='yankomas_public')

    def _confirmation(self):
        """The confirmation to the complainant, in the transaction's
        language: the number, the tracking code and where to follow it."""
        Mail = Pool().get('yankomas.mail')
        if not self.email:
            return []
        values = {
            'number': self.number,
            'code': self.tracking_code,
            'office': self.company.rec_name,
            'url': links.track_url(self.tracking_code),
            }
        subject = gettext('yankomas_public.msg_confirmation_subject',
            **values)
        text, html = render('confirmation', folder=TEMPLATES,
            greeting=gettext('yankomas_public.msg_confirmation_greeting'),
            received=gettext('yankomas_public.msg_confirmation_received',
                **values),
            code_label=gettext('yankomas_public.msg_confirmation_code'),
            follow=gettext('yankomas_public.msg_confirmation_follow'),
            closing=gettext('yankomas_public.msg_confirmation_closing',
                **values),
            **values)
        message = Mail.to_complainant('confirmation', self,
            'confirmation:%d' % self.id, subject, text, html)
        return [message] if message else []
