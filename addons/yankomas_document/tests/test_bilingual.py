"""The bilingual filter and the long-form dates, without a database."""
import unittest

from genshi.filters.i18n import Translator
from genshi.template import MarkupTemplate

from yankomas_document.bilingual import Bilingual
from yankomas_document.document import time_format

INDONESIAN = {
    "Register number": "Nomor register",
    "Complainant": "Pengadu",
    "Yes": "Ya",
    "Subject": "Perihal",
    }

TEMPLATE = """<html xmlns:py="http://genshi.edgewall.org/"><body>
<h2>Complainant</h2>
<table><tr><td class="label">Register number</td><td>${value}</td></tr>
<tr><td class="label">No.</td><td><span class="word">Yes</span>, Rp 5</td></tr>
</table>
<p>Subject</p>
</body></html>"""


def render(bilingual):
    template = MarkupTemplate(TEMPLATE)

    def gettext(text):
        return INDONESIAN.get(text, text)
    if bilingual:
        template.filters.append(Bilingual(gettext, 'id'))
    template.filters.append(Translator(gettext))
    return template.generate(value="Subject").render('html')


class BilingualTestCase(unittest.TestCase):

    def test_translated_only_without_the_filter(self):
        html = render(False)
        self.assertIn('<h2>Pengadu</h2>', html)
        self.assertNotIn('Complainant', html)

    def test_english_below_each_label(self):
        html = render(True)
        self.assertIn('<h2><span lang="id">Pengadu</span>'
            '<span lang="en" class="source">Complainant</span></h2>',
            html)
        self.assertIn('<span lang="id">Nomor register</span>'
            '<span lang="en" class="source">Register number</span>',
            html)

    def test_word_beside(self):
        html = render(True)
        self.assertIn('<span lang="id">Ya</span>'
            '<span lang="en" class="source-word"> / Yes</span>', html)

    def test_untranslated_label_once(self):
        "A label the same in both languages is not printed twice."
        html = render(True)
        self.assertEqual(html.count('No.'), 1)

    def test_values_and_other_text_translated_only(self):
        html = render(True)
        # The value "Subject" and the paragraph: the translator's, no
        # English copy.
        self.assertIn('<td>Perihal</td>', html)
        self.assertIn('<p>Perihal</p>', html)
        self.assertEqual(html.count('Subject'), 0)


class TimeFormatTestCase(unittest.TestCase):

    def test_indonesian_period(self):
        self.assertEqual(time_format('id'), '%H.%M')
        self.assertEqual(time_format('id_ID'), '%H.%M')

    def test_others_colon(self):
        self.assertEqual(time_format('en'), '%H:%M')
        self.assertEqual(time_format(None), '%H:%M')
