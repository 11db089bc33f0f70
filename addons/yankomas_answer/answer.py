"""What the office sent back to a complainant, when and how: the record on
the complaint of each answer, reminder and closing notice, by e-mail, by
letter or through the channel. Only the server writes it."""
from sql import Null

from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access

from company_working_calendar import clock
from yankomas_complaint.confidentiality import IdentityCopyMixin
from yankomas_complaint.link import ChainedMixin
from yankomas_complaint.record import NamedAfterMixin, ServerWrittenMixin

from . import media

KINDS = [
    ('answer', "Answer"),
    ('reminder', "Reminder"),
    ('no_reply', "Closing for no reply"),
    ]
MEDIA = [
    ('email', "E-mail"),
    ('letter', "Letter"),
    ('channel', "Through the channel"),
    ]
STATUSES = [
    (None, ""),
    ('queued', "Queued"),
    ('sent', "Sent"),
    ('failed', "Failed"),
    ('to_print', "To print"),
    ('printed', "Printed"),
    ('recorded', "Recorded"),
    ]


class Answer(
        NamedAfterMixin, IdentityCopyMixin, ChainedMixin, ServerWrittenMixin,
        ModelSQL, ModelView):
    __name__ = 'yankomas.complaint.answer'
    __string__ = "Answer to the Complainant"
    # The address written to is the complainant's identity.
    _identity_copies = ('recipient',)
    # The purge of the e-mail log empties mail on its own (SET NULL).
    _chain_excluded = ChainedMixin._chain_excluded | {'mail'}

    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True, readonly=True,
        ondelete='CASCADE')
    kind = fields.Selection(
        KINDS, "Kind", required=True, readonly=True, sort=False)
    kind_string = kind.translated('kind')
    medium = fields.Selection(
        MEDIA, "Medium", required=True, readonly=True, sort=False)
    medium_string = medium.translated('medium')
    date = fields.DateTime("Recorded", required=True, readonly=True)
    recipient = fields.Text(
        "Recipient", readonly=True,
        help="The e-mail or postal address written to, or the public "
        "page that shows the answer.")
    channel = fields.Function(
        fields.Selection('get_channels', "Channel"), 'get_complaint_field')
    hold = fields.Many2One(
        'yankomas.complaint.step.hold', "Hold", readonly=True,
        ondelete='RESTRICT',
        help="The hold waiting on the complainant, for a reminder or a "
        "closing for no reply.")
    mail = fields.Many2One(
        'yankomas.mail', "E-mail Sent", readonly=True, ondelete='SET NULL')
    number = fields.Char(
        "Letter Number", readonly=True,
        help="Given when the letter is first printed.")
    printed = fields.DateTime("Printed", readonly=True)
    printed_by = fields.Many2One('res.user', "Printed by", readonly=True)
    copies = fields.Integer(
        "Copies Printed", readonly=True,
        states={'invisible': Eval('medium') != 'letter'})
    status = fields.Function(
        fields.Selection(STATUSES, "Status"), 'get_status')
    sent = fields.Function(fields.DateTime("Sent"), 'get_status')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Model.__setup__ resets __access__: a class attribute is lost.
        cls.__access__.add('complaint')
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.complaint, Index.Range())),
                Index(t, (t.hold, Index.Range())),
                Index(t, (t.date, Index.Range()),
                    where=(t.medium == 'letter') & (t.printed == Null)),
                })
        cls._order = [('date', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_copies():
        return 0

    def _name_parts(self):
        return (self.kind_string, self.medium_string)

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('status') == 'failed', 'danger',
                    If(Eval('status') == 'to_print', 'warning', ''))),
            ]

    @classmethod
    def get_channels(cls):
        Complaint = Pool().get('yankomas.complaint')
        return Complaint.fields_get(['channel'])['channel']['selection']

    def get_complaint_field(self, name):
        return getattr(self.complaint, name)

    @classmethod
    def get_status(cls, answers, names):
        result = {n: {a.id: None for a in answers} for n in names}
        with without_check_access():
            for answer in cls.browse(answers):
                mail = answer.mail
                if answer.medium == 'email':
                    status = mail.state if mail else None
                elif answer.medium == 'letter':
                    status = 'printed' if answer.printed else 'to_print'
                else:
                    status = 'recorded'
                if 'status' in result:
                    result['status'][answer.id] = status
                if 'sent' in result and mail:
                    result['sent'][answer.id] = mail.sent
        return result

    @classmethod
    def copyless_domain(cls):
        return [('medium', '=', 'channel')]

    def carries_identity(self):
        return self.medium != 'channel'

    @classmethod
    def record(cls, complaints, kind, hold=None):
        """Send kind (see KINDS) to each complaint's complainant by the media
        of their channel (media.py) and record what went: the e-mail queued,
        the letter to print, the channel that carries it. The records."""
        pool = Pool()
        Mail = pool.get('yankomas.mail')
        now = clock.now()
        answers = []
        for complaint in complaints:
            if kind == 'no_reply':
                hold = complaint.waiting_hold()
            if kind == 'reminder':
                ways = media.reminder_media(
                    complaint.anonymous, complaint.email)
            else:
                ways = media.answer_media(
                    complaint.channel, complaint.anonymous, complaint.email)
            for medium in ways:
                answer = cls(complaint=complaint, kind=kind, medium=medium,
                    date=now, hold=hold)
                if medium == 'email':
                    subject, text, html = complaint.answer_message(kind, hold)
                    answer.mail = Mail.queue_to_complainant(kind, complaint,
                        cls.mail_key(complaint, kind, hold), subject, text,
                        html)
                    if not answer.mail:
                        continue  # sent before (the key is sent once)
                    answer.recipient = complaint.email
                elif medium == 'letter':
                    answer.recipient = complaint.postal_address()
                else:
                    answer.recipient = complaint.public_address()
                answers.append(answer)
        with without_check_access():
            cls.save(answers)
        return answers

    @classmethod
    def mail_key(cls, complaint, kind, hold=None):
        "The key of the e-mail of kind to the complainant: sent only once."
        if kind == 'reminder':
            count = cls.search_count([
                    ('hold', '=', hold.id),
                    ('kind', '=', 'reminder'),
                    ])
            return 'reminder:%d:%d' % (hold.id, count + 1)
        return '%s:%d' % (kind, complaint.id)

    @classmethod
    def last_reminders(cls, holds):
        "{hold id: when its last reminder was recorded}."
        result = {}
        for answer in cls.search([
                    ('hold', 'in', [h.id for h in holds]),
                    ('kind', '=', 'reminder'),
                    ], order=[('date', 'ASC'), ('id', 'ASC')]):
            result[answer.hold.id] = answer.date
        return result

    @classmethod
    def letters_printed(cls, complaints):
        """Record that the answer letter of each closed complaint is printed
        now by the current user, numbered from its office's sequence the
        first time; {complaint id: letter record}."""
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        Sequence = pool.get('ir.sequence.strict')
        now = clock.now()
        user = Transaction().user or None
        letters = {}
        with without_check_access():
            for complaint in complaints:
                kind = ('no_reply' if complaint.state == 'no_reply'
                    else 'answer')
                found = cls.search([
                        ('complaint', '=', complaint.id),
                        ('kind', '=', kind),
                        ('medium', '=', 'letter'),
                        ], order=[('date', 'ASC'), ('id', 'ASC')], limit=1)
                letter = found[0] if found else cls(
                    complaint=complaint, kind=kind, medium='letter',
                    date=now, recipient=complaint.postal_address(),
                    number=None, printed=None, printed_by=None, copies=0)
                if not letter.number:
                    settings = Configuration.answer_settings(
                        complaint.company)
                    with Transaction().set_context(
                            company=complaint.company.id):
                        letter.number = Sequence(
                            settings['answer_sequence']).get()
                if not letter.printed:
                    letter.printed, letter.printed_by = now, user
                letter.copies = (letter.copies or 0) + 1
                letter.save()
                letters[complaint.id] = letter
        return letters
