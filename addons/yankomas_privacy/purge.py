"""The purge at the end of the retention periods: each run anonymises the
closed complaints past their period, deletes the evidence, e-mails and
identity reads past theirs, and is kept in the purge log."""
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateAction, StateView, Wizard

from company_working_calendar import clock
from yankomas_complaint.pipeline import CLOSED_STATES
from yankomas_complaint.record import ServerWrittenMixin

from . import retention

# Set by the server while it purges (RPC drops the keys beginning with '_').
PURGE = '_yankomas_privacy_purge'


class Purge(ServerWrittenMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.privacy.purge'
    __string__ = "Retention Purge"

    company = fields.Many2One(
        'company.company', "Office", required=True, ondelete='RESTRICT')
    date = fields.DateTime("Purged", required=True)
    user = fields.Many2One(
        'res.user', "Run by", ondelete='RESTRICT',
        help="Empty when the scheduler ran it.")
    complaints = fields.Many2Many(
        'yankomas.privacy.purge-yankomas.complaint', 'purge', 'complaint',
        "Complaints Anonymised")
    complaint_count = fields.Integer("Complaints Anonymised")
    evidence_count = fields.Integer("Evidence Files Deleted")
    mail_count = fields.Integer("E-mails Deleted")
    read_count = fields.Integer("Identity Reads Deleted")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.date, Index.Range())))
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def purge(cls):
        "The scheduler: purge every office."
        Company = Pool().get('company.company')
        with without_check_access():
            companies = Company.search([])
        return [cls.run(c) for c in companies]

    @classmethod
    def run(cls, company):
        "Purge what the office keeps past its retention periods; the log."
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        Complaint = pool.get('yankomas.complaint')
        now = clock.now()
        months = Configuration.retention_months(company)
        reason = gettext('yankomas_privacy.msg_purge_reason')

        def past(kind):
            return retention.cutoff(now, months[kind])
        closed = [
            ('company', '=', company.id),
            ('state', 'in', list(CLOSED_STATES)),
            ('anonymised', '=', None),
            ]
        with without_check_access(), Transaction().set_context(
                {PURGE: True}, active_test=False):
            complaints = Complaint.search(
                closed + [('closed', '<', past('complaint'))],
                order=[('id', 'ASC')])
            evidence_only = Complaint.search(
                closed + [
                    ('closed', '<', past('evidence')),
                    ('id', 'not in', [c.id for c in complaints]),
                    ], order=[('id', 'ASC')])
            evidence = Complaint.privacy_erase_evidence(evidence_only, reason)
            evidence += Complaint.privacy_anonymise(complaints, reason)
            mails = cls._purge_mails(company, past('mail'))
            reads = cls._purge_reads(company, past('disclosure'))
            log, = cls.create([{
                        'company': company.id,
                        'date': now,
                        'user': Transaction().user or None,
                        'complaints': [('add', [c.id for c in complaints])],
                        'complaint_count': len(complaints),
                        'evidence_count': evidence,
                        'mail_count': mails,
                        'read_count': reads,
                        }])
        return log

    @classmethod
    def _purge_mails(cls, company, before):
        "Delete the office's e-mails sent (or failed) before; their number."
        pool = Pool()
        try:
            Mail = pool.get('yankomas.mail')
        except KeyError:
            return 0  # the e-mail module is not activated
        Email = pool.get('ir.email')
        mails = Mail.search([
                ('company', '=', company.id),
                ('state', '!=', 'queued'),
                ['OR',
                    ('sent', '<', before),
                    [('sent', '=', None), ('create_date', '<', before)],
                    ],
                ])
        archives = [m.archive for m in mails if m.archive]
        Mail.delete(mails)
        Email.delete(archives)
        return len(mails)

    @classmethod
    def _purge_reads(cls, company, before):
        "Delete the office's identity reads logged before; their number."
        Disclosure = Pool().get('yankomas.privacy.disclosure')
        reads = Disclosure.search([
                ('company', '=', company.id),
                ('date', '<', before),
                ])
        Disclosure.delete(reads)
        return len(reads)


class Purge_Complaint(ServerWrittenMixin, ModelSQL):
    __name__ = 'yankomas.privacy.purge-yankomas.complaint'
    __string__ = "Retention Purge - Complaint"

    purge = fields.Many2One(
        'yankomas.privacy.purge', "Purge", required=True, ondelete='CASCADE')
    complaint = fields.Many2One(
        'yankomas.complaint', "Complaint", required=True,
        ondelete='RESTRICT')


class PurgeRunStart(ModelView):
    __name__ = 'yankomas.privacy.purge.run.start'
    __string__ = "Run Retention Purge"

    company = fields.Many2One(
        'company.company', "Office", required=True,
        domain=[('id', 'in', Eval('context', {}).get('companies', []))])

    @staticmethod
    def default_company():
        return Transaction().context.get('company')


class PurgeRun(Wizard):
    "The data-protection officer runs the purge for one office now."
    __name__ = 'yankomas.privacy.purge.run'
    __string__ = "Run Retention Purge"

    start = StateView(
        'yankomas.privacy.purge.run.start',
        'yankomas_privacy.purge_run_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Purge", 'purge', 'tryton-ok', default=True),
            ])
    purge = StateAction('yankomas_privacy.act_purge')

    def do_purge(self, action):
        pool = Pool()
        Purge = pool.get('yankomas.privacy.purge')
        User = pool.get('res.user')
        company = self.start.company
        user = User(Transaction().user)
        if company not in user.companies:
            raise AccessError(gettext(
                    'yankomas_privacy.msg_purge_office',
                    office=company.rec_name))
        log = Purge.run(company)
        return action, {'res_id': [log.id]}
