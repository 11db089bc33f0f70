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

    @with_transaction()
    def test_rpc_ranges_bounded(self):
        "Over RPC working time is computed over two years at most"
        from company_working_calendar.calendar import (
            RPC_MAX_SPAN, RPC_YEARS)
        from company_working_calendar.exceptions import CalendarError
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        company = create_company()

        def rpc(name, *args):
            "The method as the dispatcher calls it for a client."
            method = Calendar.__rpc__[name].decorate(getattr(Calendar, name))
            return method(calendar, *args)

        with set_company(company):
            calendar = Calendar.of(company)
            start = dt.datetime(2026, 1, 5, 1, 0)
            end = start + RPC_MAX_SPAN
            self.assertEqual(rpc('working_time_between', start, end),
                calendar.working_time_between(start, end))
            self.assertEqual(rpc('working_time_between', end, start),
                -calendar.working_time_between(start, end))
            self.assertEqual(
                rpc('compute_deadline', start, dt.timedelta(hours=10)),
                calendar.compute_deadline(start, dt.timedelta(hours=10)))
            too_far = start + RPC_MAX_SPAN + dt.timedelta(seconds=1)
            refused = [
                ('working_time_between', start, too_far, '731'),
                ('working_time_between', too_far, start, '731'),
                ('working_time_between', dt.datetime(1901, 1, 1),
                    dt.datetime(2198, 12, 31), '731'),
                ('working_time_between', dt.datetime(1, 1, 1),
                    dt.datetime(1, 1, 2), str(RPC_YEARS[0])),
                ('working_time_between', dt.datetime(9999, 12, 30),
                    dt.datetime(9999, 12, 31), str(RPC_YEARS[1])),
                ('working_time_between', '2026-01-05', start,
                    str(RPC_YEARS[0])),
                ('working_time_between', start, None, str(RPC_YEARS[0])),
                ('working_time_between', dt.date(2026, 1, 5), start,
                    str(RPC_YEARS[0])),
                ('compute_deadline', start, too_far - start, '731'),
                ('compute_deadline', start, -(too_far - start), '731'),
                ('compute_deadline', start, 3600, 'deadline'),
                ('compute_deadline', dt.datetime(1, 1, 1),
                    dt.timedelta(hours=1), str(RPC_YEARS[0])),
                ]
            for name, first, second, fragment in refused:
                with self.subTest(name=name, first=first, second=second):
                    with self.assertRaises(CalendarError) as context:
                        rpc(name, first, second)
                    self.assertIn(fragment, context.exception.message)
            # The server's own calls are not bounded.
            self.assertGreater(
                calendar.working_time_between(start, start + 3 * RPC_MAX_SPAN),
                calendar.working_time_between(start, end))

    @with_transaction()
    def test_import_year_bounded(self):
        "Holidays are imported for the years the calendar knows"
        from company_working_calendar.calendar import IMPORT_YEARS
        from company_working_calendar.exceptions import CalendarError
        pool = Pool()
        Calendar = pool.get('company.working_calendar')
        Import = pool.get(
            'company.working_calendar.import_holidays', type='wizard')
        company = create_company()
        with set_company(company):
            calendar = Calendar.of(company)
            with Transaction().set_context(
                    active_model=Calendar.__name__, active_id=calendar.id,
                    active_ids=[calendar.id]):
                for year in [IMPORT_YEARS[0] - 1, IMPORT_YEARS[1] + 1, 10 ** 9]:
                    session_id, _, _ = Import.create()
                    wizard = Import(session_id)
                    wizard.start.year = year
                    with self.assertRaises(CalendarError):
                        wizard.transition_import_()
                session_id, _, _ = Import.create()
                wizard = Import(session_id)
                wizard.start.year = 2030
                wizard.transition_import_()
            self.assertIn(2030, {
                    h.date.year for h in Calendar(calendar.id).holidays})


del ModuleTestCase
