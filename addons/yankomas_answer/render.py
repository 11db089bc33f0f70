"""The e-mails to the complainant, without the database: an office's
template (subject and HTML body in Genshi's text syntax, as Tryton's
ir.email.template keeps them) filled with the complaint's values, inside
the module's layout (templates/message.*), which adds the tracking link and
the other modules' links.

Every value is escaped before it enters the HTML body, so that nothing a
complainant or an officer typed becomes markup; the subject is one header
line; the text part is the HTML body read as text.
"""
import os
from html.parser import HTMLParser

from genshi.core import Markup, escape
from genshi.template import TextTemplate

from yankomas_email.render import header_text
from yankomas_email.templates import render

FOLDER = os.path.join(os.path.dirname(__file__), 'templates')
# Tags that make a paragraph of the text part; a list item is a line.
_BLOCKS = {'p', 'div', 'ul', 'ol', 'table', 'tr', 'h1', 'h2', 'h3', 'h4',
    'h5', 'h6', 'blockquote', 'pre', 'hr'}


def escaped(value):
    "value as HTML: escaped, its line breaks kept."
    lines = str(value if value is not None else '').splitlines()
    return Markup('<br/>').join(escape(line, quotes=True) for line in lines)


def fill(template, values, as_html=False):
    """The Genshi text template filled with values (escaped when as_html);
    an empty template gives an empty text."""
    if not template:
        return ''
    if as_html:
        values = {k: escaped(v) for k, v in values.items()}
    return TextTemplate(template).generate(**values).render()


class _Text(HTMLParser):
    "The text a mail reader shows for an HTML body."

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.line, self.links = [], [], []

    def _end_line(self, keep_empty=False):
        text = ' '.join(''.join(self.line).split())
        self.line = []
        if text or keep_empty:
            self.lines.append(text)

    def _paragraph(self):
        self._end_line()
        if self.lines and self.lines[-1]:
            self.lines.append('')

    def handle_starttag(self, tag, attrs):
        if tag == 'br':
            self._end_line(keep_empty=True)
        elif tag == 'li':
            self._end_line()
            self.line.append('- ')
        elif tag in _BLOCKS:
            self._paragraph()
        elif tag == 'a':
            self.links.append(dict(attrs).get('href'))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == 'a' and self.links:
            href = self.links.pop()
            if href and href not in ''.join(self.line):
                self.line.append(' <%s>' % href)
        elif tag == 'li':
            self._end_line()
        elif tag in _BLOCKS:
            self._paragraph()

    def handle_data(self, data):
        self.line.append(data)

    def text(self):
        self._end_line()
        return '\n'.join(self.lines).strip('\n')


def html_text(body):
    "The HTML body as plain text: one line per paragraph or break."
    parser = _Text()
    parser.feed(body or '')
    parser.close()
    return parser.text()


def message(subject, body, values, track_label, track_url, links):
    """(subject, text, html) of the e-mail of the template subject and body
    filled with values, followed by the tracking link and links, a list of
    (label, address)."""
    subject = header_text(fill(subject, values))
    body = fill(body, values, as_html=True)
    text, markup = render('message', folder=FOLDER,
        body=Markup(body), body_text=html_text(body),
        track_label=track_label, track_url=track_url, links=links)
    return subject, text.strip() + '\n', markup
