"""The survey slips the office hands out: a wizard issues N printed tokens
of a service, and a report prints them, each with its QR code."""
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction
from trytond.wizard import Button, StateReport, StateView, Wizard

from yankomas_document.document import OfficeReport
from yankomas_public.receipt import qr_code

from .exceptions import SurveySlipError
from .survey import SERVICES

SLIPS_MAX = 200
# Slips per A4 page (slip.html: two columns of three).
SLIPS_PER_PAGE = 6


class PrintSlipsStart(ModelView):
    __name__ = 'yankomas.survey.slip.print.start'
    __string__ = "Print Survey Slips"

    company = fields.Many2One(
        'company.company', "Office", required=True,
        domain=[('id', 'in', Eval('companies', []))])
    companies = fields.Many2Many(
        'company.company', None, None, "Offices", readonly=True)
    service = fields.Selection(
        SERVICES, "Service", required=True, sort=False)
    count = fields.Integer(
        "Slips", required=True,
        domain=[('count', '>=', 1), ('count', '<=', SLIPS_MAX)],
        help="Each slip holds its own code: one answer per slip.")

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_companies():
        User = Pool().get('res.user')
        return [c.id for c in User(Transaction().user).companies]

    @staticmethod
    def default_count():
        return SLIPS_PER_PAGE


class PrintSlips(Wizard):
    __name__ = 'yankomas.survey.slip.print'
    __string__ = "Print Survey Slips"

    start = StateView(
        'yankomas.survey.slip.print.start',
        'yankomas_survey.slip_print_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Print", 'print_', 'tryton-print', default=True),
            ])
    print_ = StateReport('yankomas.survey.slip')

    def do_print_(self, action):
        pool = Pool()
        Token = pool.get('yankomas.survey.token')
        User = pool.get('res.user')
        company = self.start.company
        if company not in User(Transaction().user).companies:
            raise AccessError(gettext(
                    'yankomas_survey.msg_slip_office', office=company.rec_name))
        if not (1 <= (self.start.count or 0) <= SLIPS_MAX):
            raise SurveySlipError(gettext(
                    'yankomas_survey.msg_slip_count', max=SLIPS_MAX))
        tokens = Token.issue(company, 'printed', service=self.start.service,
            count=self.start.count)
        return action, {
            'model': Token.__name__,
            'ids': [t.id for t in tokens],
            'id': tokens[0].id,
            }


class SlipReport(OfficeReport):
    "Survey slips: per token its office, service, QR code and address."
    __name__ = 'yankomas.survey.slip'

    @classmethod
    def execute(cls, ids, data):
        """The slips, named after the report and their number: a file name
        of their codes (Tryton's default, the tokens' names) would spread
        the codes wherever the file goes."""
        ActionReport = Pool().get('ir.action.report')
        extension, content, direct, _ = super().execute(ids, data)
        action, = ActionReport.search([('report_name', '=', cls.__name__)])
        return extension, content, direct, '%s-%d' % (action.name, len(ids))

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['qr'] = qr_code
        context['address'] = cls.address
        context['pages'] = [records[i:i + SLIPS_PER_PAGE]
            for i in range(0, len(records), SLIPS_PER_PAGE)]
        return context

    @staticmethod
    def address(token):
        """The survey's address as printed: where it is, then its code on a
        line of its own (a code cut at its "-" would be typed wrong)."""
        url = token.url
        return url[:-len(token.code)], token.code
