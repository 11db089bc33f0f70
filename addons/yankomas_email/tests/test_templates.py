"Unit tests of the e-mail templates."
import unittest

from yankomas_email.render import header_text
from yankomas_email.templates import render

EVIL = '<script>alert("x")</script> & co'


class TemplatesTestCase(unittest.TestCase):

    def test_header_text(self):
        self.assertEqual(header_text('Antrean\u2028panjang\x85 di\x00 loket\r\n'
                '\u200b Pamekasan'), 'Antrean panjang di loket Pamekasan')
        self.assertEqual(header_text(None), '')

    def test_notice(self):
        text, html = render('notice', asked=EVIL, by="By 10:00.",
            opening="Open:", url='http://h/#db/model/yankomas.complaint/7')
        self.assertEqual(text.rstrip(), '%s\n\nBy 10:00.\n\n'
            'Open: http://h/#db/model/yankomas.complaint/7' % EVIL)
        self.assertNotIn('<script>', html)
        self.assertIn('&lt;script&gt;alert("x")&lt;/script&gt; &amp; co',
            html)
        self.assertIn('<a href="http://h/#db/model/yankomas.complaint/7">'
            'Open:</a>', html)

    def test_digest(self):
        text, html = render('digest', intro="Hello", sections=[
                ("2. Intake", [('PGD/1', ' [Fees] %s (late)' % EVIL, 'u1')]),
                ("Summary", [('', "2. Intake: 1 open", None)]),
                ])
        self.assertEqual(text, 'Hello\n\n== 2. Intake ==\n'
            '- PGD/1 [Fees] %s (late)\n  u1\n\n== Summary ==\n'
            '- 2. Intake: 1 open\n' % EVIL)
        self.assertNotIn('<script>', html)
        self.assertEqual(html.count('<a '), 1)
        self.assertIn('<li>2. Intake: 1 open</li>', html)
