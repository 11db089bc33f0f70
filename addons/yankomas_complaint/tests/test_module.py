from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

from yankomas_complaint.pipeline import (
    BUTTON_ROLES, LEVEL_STEPS, LEVELS, STEP_ROLES, STEPS, level_reached)

from .checks import assert_button_roles


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
        assert_button_roles(self, 'yankomas.complaint', BUTTON_ROLES)

    @with_transaction()
    def test_selections_follow_the_pipeline(self):
        "The step, role and level selections are the pipeline's"
        from trytond.pool import Pool
        pool = Pool()
        Step = pool.get('yankomas.complaint.step')
        Complaint = pool.get('yankomas.complaint')
        self.assertEqual(
            [k for k, _ in Step.fields_get(['step'])['step']['selection']],
            list(STEPS))
        roles = {k for k, _ in Step.fields_get(['role'])['role']['selection']}
        self.assertLessEqual(set(STEP_ROLES.values()), roles)
        self.assertEqual(
            [k for k, _ in Complaint.fields_get(['level'])['level'][
                    'selection']], list(LEVELS))
        for level, steps in LEVEL_STEPS.items():
            for step in steps:
                self.assertEqual(level_reached({step}), level)


del ModuleTestCase
