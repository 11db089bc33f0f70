from trytond.modules.company.tests import CompanyTestMixin
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction


class YankomasPublicTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_public module"
    module = 'yankomas_public'

    @with_transaction()
    def test_lost_web_task_built_again(self):
        "The scheduler runs a lost task of a web complaint's e-mails again"
        Mail = Pool().get('yankomas.mail')
        self.assertLessEqual({
                ('yankomas.complaint.step', 'send_handover_notices'),
                ('yankomas.complaint', 'tell_web_complaint'),
                }, Mail.notice_tasks())


del ModuleTestCase
