"""Every module's checks with all of them activated in one database (run by
`make test` with unittest; each module's own suite runs it alone)."""
from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase

MODULES = [
    'company_working_calendar', 'yankomas_complaint', 'yankomas_email',
    'yankomas_document', 'yankomas_recap', 'yankomas_reporting',
    'yankomas_board', 'yankomas_privacy', 'yankomas_public',
    'yankomas_answer', 'yankomas_survey']


class ModulesTogetherTestCase(CompanyTestMixin, ModuleTestCase):
    "Test the Yankomas modules activated together"
    module = 'yankomas_board'
    extras = [m for m in MODULES if m != 'yankomas_board']

    @property
    def _skip_company_rule(self):
        # Time standards without an office are the default of every office.
        return super()._skip_company_rule | {
            ('yankomas.time_standard', 'company'),
            }


del ModuleTestCase
