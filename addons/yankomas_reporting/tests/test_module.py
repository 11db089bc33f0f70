import datetime as dt
from xml.etree import ElementTree

from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction


class YankomasReportingTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_reporting module"
    module = 'yankomas_reporting'

    @with_transaction()
    def test_period_graph_in_time_order(self):
        """The period graph's x axis, sorted by its raw values as Tryton's
        desktop client sorts it, runs in time order across a new year, each
        bar named by its period's label"""
        pool = Pool()
        Period = pool.get('yankomas.reporting.period')
        Data = pool.get('ir.model.data')
        company = create_company()
        view_id = Data.get_id('yankomas_reporting', 'reporting_period_view_graph')
        arch = Period.fields_view_get(view_id, 'graph')['arch']
        x, = ElementTree.fromstring(arch).find('x')
        name = x.get('name')
        field = Period._fields[name]
        with set_company(company), Transaction().set_context(
                company=company.id, period='month',
                from_date=dt.date(2025, 8, 1), to_date=dt.date(2026, 7, 31)):
            periods = Period.search([])
            rows = Period.read([p.id for p in periods],
                ['date', 'label', name, name + '.rec_name']
                if field._type == 'many2one' else ['date', 'label', name])
        self.assertEqual(len(rows), 12)
        shown = sorted(rows, key=lambda r: r[name])
        self.assertEqual([r['date'] for r in shown],
            [dt.date(y, m, 1) for y, m in [(2025, 8), (2025, 9), (2025, 10),
                    (2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 8)]])
        for row in shown:
            client = (row[name + '.']['rec_name']
                if field._type == 'many2one' else row[name])
            self.assertEqual(client, row['label'])
        self.assertEqual(shown[0]['label'], 'Aug 2025')


del ModuleTestCase
