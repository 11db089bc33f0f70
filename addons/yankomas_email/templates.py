"""The bodies of the module's e-mails, rendered from the Genshi templates in
templates/: NAME.txt for the text part, NAME.html for the HTML part (where
every value is escaped)."""
import functools
import os

from genshi.template import MarkupTemplate, NewTextTemplate

FOLDER = os.path.join(os.path.dirname(__file__), 'templates')


@functools.lru_cache(maxsize=None)
def _template(name, kind):
    cls = MarkupTemplate if kind == 'html' else NewTextTemplate
    with open(os.path.join(FOLDER, '%s.%s' % (name, kind)),
            encoding='utf-8') as file:
        return cls(file.read(), filename=name)


def render(name, **values):
    "(text, html) of the template name with values."
    return tuple(
        _template(name, kind).generate(**values).render(
            kind if kind == 'html' else 'text', encoding=None)
        for kind in ('txt', 'html'))
