import datetime as dt
import logging
import smtplib
from email.message import EmailMessage
from email.utils import formataddr

import trytond.config as config
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.sendmail import get_smtp_server, send_message
from trytond.transaction import Transaction

from company_working_calendar import clock
from yankomas_complaint.record import ServerWrittenMixin
from yankomas_complaint.roles import holders

from .mail_digest import DigestMixin
from .render import complaint_url, header_text, message_id
from .templates import render

logger = logging.getLogger(__name__)
KINDS = [
    ('escalate', "Escalated to you"),
    ('request_direction', "Direction requested"),
    ('give_direction', "Direction given"),
    ('decide', "Decided"),
    ('forward', "Direction forwarded"),
    ('breach', "Deadline breached"),
    ('digest', "Digest"),
    ]
# Sent messages are kept: retrying only looks at these states.
PENDING = ['queued', 'failed']
# A hand-over task not finished this long after it was queued has lost its
# worker (Mail.build_lost_notices).
LOST_AFTER = dt.timedelta(minutes=5)


class Mail(DigestMixin, ServerWrittenMixin, ModelSQL, ModelView):
    "An e-mail of the module: queued with the change, sent by the queue."
    __name__ = 'yankomas.mail'
    __string__ = "E-mail"

    company = fields.Many2One(
        'company.company', "Office", required=True, readonly=True)
    kind = fields.Selection(KINDS, "Kind", required=True, readonly=True)
    key = fields.Char(
        "Key", required=True, readonly=True,
        help="What the message is about; the same key is never sent twice.")
    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", readonly=True, ondelete='CASCADE')
    recipient = fields.Many2One('res.user', "Recipient", readonly=True)
    email = fields.Char("E-mail", required=True, readonly=True)
    subject = fields.Char("Subject", required=True, readonly=True)
    body_text = fields.Text("Text", readonly=True)
    body_html = fields.Text("HTML", readonly=True)
    state = fields.Selection([
            ('queued', "Queued"),
            ('sent', "Sent"),
            ('failed', "Failed"),
            ], "State", required=True, readonly=True, sort=False)
    error = fields.Text(
        "Error", readonly=True,
        states={'invisible': ~Eval('error')})
    attempts = fields.Integer("Attempts", readonly=True)
    sent = fields.DateTime("Sent", readonly=True)
    archive = fields.Many2One(
        'ir.email', "Archived E-mail", readonly=True, ondelete='SET NULL',
        help="The message as sent, in Tryton's e-mail archive.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('key_unique', Unique(t, t.key),
                'yankomas_email.msg_mail_key_unique'),
            ]
        cls._sql_indexes.add(Index(t, (t.id, Index.Range()),
                where=t.state.in_(PENDING)))
        cls._order = [('create_date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_state():
        return 'queued'

    @staticmethod
    def default_attempts():
        return 0

    @classmethod
    def recipients(cls, company, roles):
        "The active users of the office with one of the roles and an e-mail."
        return [u for u in holders(company, *roles) if u.email]

    @classmethod
    def queue_notices(cls, kind, complaint, step, users, key,
            module='yankomas_email'):
        """Queue the notices of kind about step of complaint to users
        (Mail.notices), sent by Tryton's queue once the transaction
        commits."""
        messages = cls.notices(kind, complaint, step, users, key, module)
        cls.queue_sending(messages)
        return messages

    @classmethod
    def notices(cls, kind, complaint, step, users, key,
            module='yankomas_email'):
        """The new notices of kind about step of complaint, one per user
        (key:<user id>), rendered in their language and saved, not sent;
        keys already in the log are skipped, so a notice is never doubled.
        Its subject and request are module's messages
        msg_notice_<kind>_subject and msg_notice_<kind>_body (another module
        adds its kinds)."""
        keys = {'%s:%s' % (key, u.id): u for u in users}
        known = {m.key for m in cls.search([('key', 'in', list(keys))])}
        messages = []
        for message_key, user in keys.items():
            if message_key in known:
                continue
            language = user.language.code if user.language else None
            subject, text, html = _render_notice(
                kind, complaint, step, language, module)
            messages.append(cls(
                    company=complaint.company, kind=kind, key=message_key,
                    complaint=complaint, recipient=user, email=user.email,
                    subject=subject, body_text=text, body_html=html))
        cls.save(messages)
        return messages

    @classmethod
    def queue_to_complainant(cls, kind, complaint, key, subject, text, html):
        """Queue a message of kind to the complainant (Mail.to_complainant),
        sent by Tryton's queue once the transaction commits."""
        message = cls.to_complainant(kind, complaint, key, subject, text, html)
        if message:
            cls.queue_sending([message])
        return message

    @classmethod
    def to_complainant(cls, kind, complaint, key, subject, text, html):
        """The new message of kind to the complainant's own e-mail address
        (none for an anonymous complaint or without an address), saved, not
        sent; the key is sent once. Other modules add their kinds to
        Mail.kind."""
        if not complaint.email or cls.search([('key', '=', key)], limit=1):
            return None
        message = cls(company=complaint.company, kind=kind, key=key,
            complaint=complaint, email=complaint.email, subject=subject,
            body_text=text, body_html=html)
        message.save()
        return message

    @classmethod
    def queue_sending(cls, messages):
        """Send the messages from Tryton's queue once the transaction that
        made them commits (by trytond-worker, or after the request when no
        worker runs); the scheduler retries what is still pending."""
        if messages:
            cls.__queue__.send_queued(messages)

    @classmethod
    def send_built(cls, messages):
        """Send the messages a queue task has just built: committed first,
        so that a worker killed while sending leaves them queued for the
        scheduler's retry (Mail.send_pending)."""
        if messages:
            Transaction().commit()
            cls.send(messages)

    @classmethod
    def send_queued(cls, messages):
        "The queue's task: send those of the messages still to send."
        cls.send(cls.browse(cls.search([
                        ('id', 'in', [m.id for m in messages]),
                        ('state', 'in', PENDING),
                        ])))

    @classmethod
    def send_pending(cls):
        """Send what is queued or failed before (the scheduler's retry),
        after running again the hand-overs whose notices were never built."""
        cls.build_lost_notices()
        cls.send(cls.search([('state', 'in', PENDING)],
                order=[('id', 'ASC')], limit=1000))

    @classmethod
    def notice_tasks(cls):
        """The (model, method) of the queue's tasks that build messages and
        may be run again (their keys keep them from doubling one); another
        module adds its own."""
        return {
            ('yankomas.complaint.step', 'send_handover_notices'),
            ('yankomas.digest.period', 'build'),
            }

    @classmethod
    def build_lost_notices(cls):
        """Run again the tasks of Mail.notice_tasks (the hand-over's
        Step.send_handover_notices, the digests' DigestPeriod.build) of
        Tryton's queue still unfinished
        LOST_AFTER after they were queued: their worker died before
        committing the notices (a task taken is never taken again), or no
        worker runs and the server died after the request's commit. The
        notices' keys keep a task run twice from doubling one."""
        Queue = Pool().get('ir.queue')
        since = dt.datetime.now() - LOST_AFTER
        rebuilt = cls.notice_tasks()
        for task in Queue.search([
                    ('finished_at', '=', None),
                    ('enqueued_at', '<', since),
                    ], order=[('id', 'ASC')], limit=100):
            data = task.data or {}
            if (data.get('model'), data.get('method')) in rebuilt:
                logger.warning("Notices of task %s built again", task.id)
                task.run()

    @classmethod
    def send(cls, messages):
        """Send each message over one SMTP connection, each in its own
        commit; a message that fails keeps its error for the next run."""
        if not messages:
            return
        sender = config.get('email', 'from')
        try:
            server = get_smtp_server(strict=True)
        except (OSError, smtplib.SMTPException) as exception:
            logger.warning("SMTP server unreachable: %s", exception)
            for message in messages:
                if cls._claim(message):
                    cls._failed(message, exception)
            return
        try:
            for message in messages:
                if not cls._claim(message):
                    continue
                try:
                    email = message.as_email(sender)
                except Exception as exception:
                    # One message that cannot be built never stops the rest.
                    logger.exception("E-mail %s cannot be built", message.key)
                    cls._failed(message, exception)
                    continue
                try:
                    send_message(email, server=server, strict=True)
                except (OSError, smtplib.SMTPException) as exception:
                    cls._failed(message, exception)
                else:
                    cls.write([message], {
                            'state': 'sent',
                            'sent': clock.now(),
                            'error': None,
                            'archive': cls._archive(message, email),
                            })
                    Transaction().commit()
        finally:
            try:
                server.quit()
            except (OSError, smtplib.SMTPException):
                pass

    @classmethod
    def _claim(cls, message):
        """Count an attempt on the message if it is still to send. The row
        stays locked until the commit after sending, so the scheduler and
        the server sending after a commit never both send it."""
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.update(
                [table.attempts], [table.attempts + 1],
                where=(table.id == message.id) & table.state.in_(PENDING)))
        return cursor.rowcount == 1

    @classmethod
    def _archive(cls, message, email):
        """The sent message in Tryton's e-mail archive, on its complaint,
        where the client's related records show it like any e-mail."""
        Email = Pool().get('ir.email')
        archived = Email.from_message(email, body=message.body_html,
            resource=message.complaint or message.recipient)
        archived.save()
        return archived.id

    @classmethod
    def _failed(cls, message, exception):
        cls.write([message], {
                'state': 'failed',
                'error': str(exception) or exception.__class__.__name__,
                })
        Transaction().commit()

    def as_email(self, sender):
        email = EmailMessage()
        email['From'] = sender
        email['To'] = formataddr((header_text(self.recipient.name), self.email)
            if self.recipient else ('', self.email))
        email['Subject'] = header_text(self.subject)
        email['X-Yankomas-Key'] = self.key
        # Derived from the key: a copy sent again after a crash is
        # recognisably the same message.
        email['Message-ID'] = message_id(self.key, sender)
        email.set_content(self.body_text or '')
        if self.body_html:
            email.add_alternative(self.body_html, subtype='html')
        return email


def _render_notice(kind, complaint, step, language, module):
    "Subject, text and HTML of a notice, in the recipient's language."
    pool = Pool()
    Step = pool.get('yankomas.complaint.step')
    Calendar = pool.get('company.working_calendar')
    with Transaction().set_context(language=language):
        step = Step(step.id)
        values = {
            'number': complaint.number,
            'subject': complaint.subject,
            'step': step.step_string,
            'deadline': Calendar.of(complaint.company).format_local(
                step.deadline) or '-',
            'url': complaint_url(complaint.id),
            }
        subject = gettext(
            '%s.msg_notice_%s_subject' % (module, kind), **values)
        asked = gettext('%s.msg_notice_%s_body' % (module, kind), **values)
        by = gettext('yankomas_email.msg_notice_deadline', **values)
        opening = gettext('yankomas_email.msg_notice_open', **values)
    text, html = render('notice', asked=asked, by=by, opening=opening,
        url=values['url'])
    return subject, text, html
