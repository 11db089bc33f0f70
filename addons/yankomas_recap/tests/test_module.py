from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

from yankomas_complaint.tests.checks import assert_button_roles
from yankomas_recap.recap import SIGNATURES


class YankomasRecapTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_recap module"
    module = 'yankomas_recap'

    @with_transaction()
    def test_button_groups_follow_the_signatures(self):
        "The groups of each signing button are the role of recap.SIGNATURES"
        assert_button_roles(self, 'yankomas.recap', {
                action: (role,) for action, (_, role) in SIGNATURES.items()})

    @with_transaction()
    def test_on_time_share_fits_its_digits(self):
        "Two steps of three on time is 66.7 %, and all of them 100 %"
        from trytond.pool import Pool
        Step = Pool().get('yankomas.recap.step')
        field = Step._fields['on_time_share']
        for count, on_time, share in [(3, 2, 66.7), (3, 3, 100.0),
                (7, 1, 14.3), (0, 0, None)]:
            step = Step(count=count, on_time=on_time)
            value = step.get_on_time_share('on_time_share')
            self.assertEqual(value, share)
            if value is not None:
                integer, decimals = field.digits
                self.assertLessEqual(len(str(int(value))), integer - decimals)


del ModuleTestCase
