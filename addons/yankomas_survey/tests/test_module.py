import os
from decimal import Decimal

import polib

from trytond.modules.company.tests import CompanyTestMixin
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

from yankomas_survey import ikm

LOCALE = os.path.join(os.path.dirname(__file__), '..', 'locale', 'id.po')


def translations():
    "{(msgctxt, msgid): msgstr} of the module's Indonesian."
    return {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(LOCALE)}


class YankomasSurveyTestCase(CompanyTestMixin, ModuleTestCase):
    "Test yankomas_survey module"
    module = 'yankomas_survey'

    def test_translations_complete(self):
        "No English is left on an Indonesian screen of the module."
        missing = [k for k, v in translations().items() if not v]
        self.assertEqual(missing, [])

    def test_translations_say_the_regulation(self):
        """The Indonesian of each element, question and answer is the
        regulation's wording that ikm.py holds."""
        found = translations()
        message = 'model:ir.message,text:msg_page_'
        for element in ikm.ELEMENTS:
            self.assertEqual(found[(
                        'field:yankomas.survey.response,%s:' % element.key,
                        element.english)], element.name)
            self.assertEqual(found[(
                        'field:yankomas.recap.survey,%s:' % element.key,
                        element.english)], element.name)
            question = [v for (c, _), v in found.items()
                if c == message + 'question_' + element.key]
            self.assertEqual(question, [element.question])
            for score, answer in zip(ikm.SCORES, element.answers):
                self.assertEqual([v for (c, _), v in found.items()
                        if c == '%sanswer_%s_%d' % (
                            message, element.key, score)], [answer])

    @with_transaction()
    def test_grades_are_the_regulation(self):
        "The grades loaded are the regulation's four bands, whole."
        Grade = Pool().get('yankomas.survey.grade')
        bands = Grade.bands()
        self.assertEqual([(b.letter, b.lower, b.upper) for b in bands], [
                ('A', Decimal('88.31'), Decimal('100.00')),
                ('B', Decimal('76.61'), Decimal('88.30')),
                ('C', Decimal('65.00'), Decimal('76.60')),
                ('D', Decimal('25.00'), Decimal('64.99')),
                ])
        self.assertEqual(ikm.band_problems(bands), [])

    @with_transaction()
    def test_grade_overlap_refused(self):
        "Two bands holding the same index are refused; a gap is let pass."
        from trytond.model.exceptions import ValidationError
        Grade = Pool().get('yankomas.survey.grade')
        grade_b, = Grade.search([('letter', '=', 'B')])
        Grade.write([grade_b], {'upper': Decimal('88.20')})
        self.assertIn('gap', {p[0] for p in ikm.band_problems(Grade.bands())})
        with self.assertRaises(ValidationError):
            Grade.write([grade_b], {'upper': Decimal('88.31')})
        with self.assertRaises(ValidationError):
            Grade.write([grade_b], {'lower': Decimal('90'),
                    'upper': Decimal('89')})

    @with_transaction()
    def test_profile_lists_of_the_page(self):
        """The page's lists are the model's selections, translated, without
        the empty choice."""
        Response = Pool().get('yankomas.survey.response')
        labels = Response.profile_labels()
        self.assertEqual([k for k, _ in labels['education'][1]], [
                'primary', 'junior', 'senior', 'diploma', 'bachelor',
                'postgraduate'])
        self.assertEqual([k for k, _ in labels['service'][1]], [
                'passport', 'stay_permit', 'visa', 'complaint'])
        self.assertEqual(set(Response.element_labels()), set(ikm.KEYS))

    @with_transaction()
    def test_response_index(self):
        "A response's own index is its answers' mean times 25."
        Response = Pool().get('yankomas.survey.response')
        response = Response(**dict(zip(ikm.KEYS, [4, 4, 4, 4, 4, 4, 4, 4, 1])))
        self.assertEqual(response.get_index('index'), Decimal('91.67'))


del ModuleTestCase
