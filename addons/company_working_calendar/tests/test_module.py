import datetime as dt

from sql import Values

from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction


class CompanyWorkingCalendarTestCase(CompanyTestMixin, ModuleTestCase):
    "Test company_working_calendar module"
    module = 'company_working_calendar'

    @with_transaction()
    def test_timezone_is_the_company_s(self):
        "The calendar reads and writes the company's time zone"
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        company = create_company()
        with set_company(company):
            calendar = Calendar.of(company)
            self.assertEqual(calendar.timezone, 'UTC')
            Calendar.write([calendar], {'timezone': 'Asia/Makassar'})
            self.assertEqual(company.timezone, 'Asia/Makassar')
            self.assertEqual(
                Calendar(calendar.id).engine().local(
                    dt.datetime(2026, 4, 30, 16, 30)).date(),
                dt.date(2026, 5, 1))
            company.timezone = 'Asia/Jakarta'
            company.save()
            self.assertEqual(
                Calendar(calendar.id).engine().local(
                    dt.datetime(2026, 4, 30, 16, 30)).date(),
                dt.date(2026, 4, 30))

    @with_transaction()
    def test_sql_local(self):
        "sql_local converts each row with its own company's zone"
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        wita, wit = create_company('WITA'), create_company('WIT')
        wita.timezone, wit.timezone = 'Asia/Makassar', 'Asia/Jayapura'
        wita.save()
        wit.save()
        for company in (wita, wit):
            Calendar.of(company)
        moment = dt.datetime(2026, 4, 30, 15, 30)
        rows = Values([(wita.id, moment), (wit.id, moment)])
        local = Calendar.sql_local(rows.column2, rows.column1)
        cursor = Transaction().connection.cursor()
        cursor.execute(*rows.select(rows.column1, local.as_('local')))
        result = {}
        for company, value in cursor:
            if isinstance(value, str):
                value = dt.datetime.fromisoformat(value)
            result[company] = value
        self.assertEqual(result, {
                wita.id: dt.datetime(2026, 4, 30, 23, 30),
                wit.id: dt.datetime(2026, 5, 1, 0, 30),
                })


del ModuleTestCase
