from trytond.modules.company.tests import CompanyTestMixin, create_company
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction


class YankomasAnswerTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_answer module"
    module = 'yankomas_answer'

    @with_transaction()
    def test_office_defaults(self):
        "An office that set nothing answers with the module's templates"
        pool = Pool()
        Configuration = pool.get('yankomas.configuration')
        ModelData = pool.get('ir.model.data')
        company = create_company()
        settings = Configuration.answer_settings(company)
        self.assertEqual(settings, {
                'answer_template': ModelData.get_id(
                    'yankomas_answer', 'email_template_answer'),
                'reminder_template': ModelData.get_id(
                    'yankomas_answer', 'email_template_reminder'),
                'no_reply_template': ModelData.get_id(
                    'yankomas_answer', 'email_template_no_reply'),
                'answer_signer': 'petugas',
                'answer_sequence': ModelData.get_id(
                    'yankomas_answer', 'sequence_answer_letter'),
                'reminder_days': 5,
                'no_reply_days': 10,
                })

    @with_transaction()
    def test_each_kind_has_its_template_and_mail(self):
        "Every kind of answer has a template and is a kind of e-mail"
        from yankomas_answer.answer import KINDS
        from yankomas_answer.configuration import TEMPLATES
        Mail = Pool().get('yankomas.mail')
        kinds = {k for k, _ in KINDS}
        self.assertEqual(set(TEMPLATES), kinds)
        self.assertLessEqual(kinds, {k for k, _ in Mail.fields_get(
                    ['kind'])['kind']['selection']})

    @with_transaction()
    def test_forms_show_answers_and_settings(self):
        "The complaint shows its answers, the configuration the settings"
        pool = Pool()
        Complaint = pool.get('yankomas.complaint')
        Configuration = pool.get('yankomas.configuration')
        arch = Complaint.fields_view_get(view_type='form')['arch']
        self.assertIn('name="answers"', arch)
        arch = Configuration.fields_view_get(view_type='form')['arch']
        for name in ['answer_template', 'answer_signer', 'answer_sequence',
                'reminder_days', 'no_reply_days', 'reminder_template',
                'no_reply_template']:
            self.assertIn('name="%s"' % name, arch)

    @with_transaction()
    def test_answers_are_chained_and_guarded(self):
        """The answers join the complaint's hash chain, whose links of them
        hold an identity"""
        pool = Pool()
        Link = pool.get('yankomas.complaint.link')
        Answer = pool.get('yankomas.complaint.answer')
        self.assertIn(Answer, Link.chained_models())
        self.assertIn(Answer.__name__, Link._identity_models)
        self.assertNotIn('mail', Answer.chain_fields())

    def test_letter_paragraphs(self):
        "The resolution prints as its paragraphs and lines"
        from yankomas_answer.letter import AnswerLetter
        self.assertEqual(AnswerLetter.paragraphs(
                "Satu\ndua\n\n\n  \nTiga\n"), [['Satu', 'dua'], ['Tiga']])
        self.assertEqual(AnswerLetter.paragraphs(None), [])


del ModuleTestCase
