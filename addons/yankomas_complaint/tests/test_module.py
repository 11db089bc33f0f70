from trytond.modules.company.tests import CompanyTestMixin
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

from yankomas_complaint.pipeline import BUTTON_ROLES


class YankomasComplaintTestCase(CompanyTestMixin, ModuleTestCase):
    "Test Yankomas Complaint module"
    module = 'yankomas_complaint'

    @property
    def _skip_company_rule(self):
        # Time standards without an office are the default of every office.
        return super()._skip_company_rule | {
            ('yankomas.time_standard', 'company'),
            }

    @with_transaction()
    def test_button_groups_follow_the_pipeline(self):
        "The groups of each SOP button are those of pipeline.BUTTON_ROLES"
        pool = Pool()
        Button = pool.get('ir.model.button')
        ModelData = pool.get('ir.model.data')
        for name, roles in BUTTON_ROLES.items():
            button, = Button.search([
                    ('model', '=', 'yankomas.complaint'),
                    ('name', '=', name),
                    ])
            self.assertEqual(
                {g.id for g in button.groups},
                {ModelData.get_id('yankomas_complaint', 'group_%s' % r)
                    for r in roles}, name)


del ModuleTestCase
