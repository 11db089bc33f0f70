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


del ModuleTestCase
