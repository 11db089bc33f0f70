import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction
from trytond.wizard import Button, StateAction, StateView, Wizard

from company_working_calendar import clock
from yankomas_complaint.periods import period_dates, period_of

from .exceptions import RecapPeriodError
from .recap import PERIOD_SELECTION

MONTHS = [
    ('1', "January"), ('2', "February"), ('3', "March"), ('4', "April"),
    ('5', "May"), ('6', "June"), ('7', "July"), ('8', "August"),
    ('9', "September"), ('10', "October"), ('11', "November"),
    ('12', "December"),
    ]
# The field holding the number of the period, by kind.
NUMBER_FIELDS = {'month': 'month', 'quarter': 'quarter',
    'semester': 'semester', 'year': None}
_custom = Eval('period') == 'custom'


class CreateRecapStart(ModelView):
    __name__ = 'yankomas.recap.create.start'
    __string__ = "Create a Recap Report"

    company = fields.Many2One(
        'company.company', "Office", required=True, readonly=True)
    period = fields.Selection(
        PERIOD_SELECTION, "Period", required=True, sort=False)
    year = fields.Integer(
        "Year", states={'invisible': _custom, 'required': ~_custom})
    month = fields.Selection(MONTHS, "Month", sort=False, states={
            'invisible': Eval('period') != 'month',
            'required': Eval('period') == 'month',
            })
    quarter = fields.Selection(
        [('1', "I"), ('2', "II"), ('3', "III"), ('4', "IV")], "Quarter", sort=False,
        states={
            'invisible': Eval('period') != 'quarter',
            'required': Eval('period') == 'quarter',
            })
    semester = fields.Selection(
        [('1', "I"), ('2', "II")], "Semester", sort=False, states={
            'invisible': Eval('period') != 'semester',
            'required': Eval('period') == 'semester',
            })
    from_date = fields.Date(
        "From", required=True, states={'readonly': ~_custom})
    to_date = fields.Date(
        "To", required=True, states={'readonly': ~_custom})

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def _last_month(cls):
        """The month before the office's current one, the usual recap
        (the clock's UTC date when no office is chosen)."""
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        Company = pool.get('company.company')
        company = cls.default_company()
        today = (Calendar.of(Company(company)).today() if company
            else clock.now().date())
        return today.replace(day=1) - dt.timedelta(days=1)

    @staticmethod
    def default_period():
        return 'month'

    @classmethod
    def default_year(cls):
        return cls._last_month().year

    @classmethod
    def default_month(cls):
        return str(cls._last_month().month)

    @classmethod
    def default_quarter(cls):
        return str(period_of('quarter', cls._last_month()))

    @classmethod
    def default_semester(cls):
        return str(period_of('semester', cls._last_month()))

    @classmethod
    def default_from_date(cls):
        return cls._last_month().replace(day=1)

    @classmethod
    def default_to_date(cls):
        return cls._last_month()

    @fields.depends(
        'period', 'year', 'month', 'quarter', 'semester',
        'from_date', 'to_date')
    def on_change_with_from_date(self):
        dates = self._period_dates()
        return dates[0] if dates else self.from_date

    @fields.depends(
        'period', 'year', 'month', 'quarter', 'semester',
        'from_date', 'to_date')
    def on_change_with_to_date(self):
        dates = self._period_dates()
        return dates[1] if dates else self.to_date

    def _period_dates(self):
        if self.period in (None, 'custom') or not self.year:
            return None
        if not 2000 <= self.year <= 2100:
            return None
        number_field = NUMBER_FIELDS[self.period]
        number = getattr(self, number_field) if number_field else '1'
        if not number:
            return None
        return period_dates(self.period, self.year, int(number))


class CreateRecap(Wizard):
    "Make the recap report of a period and open it."
    __name__ = 'yankomas.recap.create'
    __string__ = "Create a Recap Report"

    start = StateView('yankomas.recap.create.start',
        'yankomas_recap.recap_create_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Create", 'create_', 'tryton-ok', default=True),
            ])
    create_ = StateAction('yankomas_recap.act_recap_form')

    def do_create_(self, action):
        pool = Pool()
        Recap = pool.get('yankomas.recap')
        User = pool.get('res.user')
        start = self.start
        if start.company not in User(Transaction().user).companies:
            raise AccessError(gettext(
                    'yankomas_recap.msg_recap_office_denied',
                    office=start.company.rec_name))
        if start.period != 'custom' and not 2000 <= (start.year or 0) <= 2100:
            raise RecapPeriodError(gettext(
                    'yankomas_recap.msg_recap_year_invalid'))
        dates = start._period_dates() or (start.from_date, start.to_date)
        if dates[0] > dates[1]:
            raise RecapPeriodError(gettext(
                    'yankomas_recap.msg_recap_period_order'))
        same, = Recap.search([
                ('company', '=', start.company.id),
                ('from_date', '=', dates[0]),
                ('to_date', '=', dates[1]),
                ], limit=1) or [None]
        if same:
            raise RecapPeriodError(gettext(
                    'yankomas_recap.msg_recap_period_exists',
                    recap=same.rec_name))
        # Recaps are made only here: the wizard is the officer's alone.
        recap, = Recap.create([{
                    'company': start.company.id,
                    'period': start.period,
                    'from_date': dates[0],
                    'to_date': dates[1],
                    }])
        Recap.compute([recap])
        action['views'].reverse()
        return action, {'res_id': [recap.id]}
