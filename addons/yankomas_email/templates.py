"""The bodies of the module's e-mails, rendered from the Genshi templates in
templates/: NAME.txt for the text part, NAME.html for the HTML part (where
every value is escaped)."""
import functools
import os

from genshi.template import MarkupTemplate, NewTextTemplate

FOLDER = os.path.join(os.path.dirname(__file__), 'templates')


@functools.lru_cache(maxsize=None)
def _template(name, kind, folder):
    cls = MarkupTemplate if kind == 'html' else NewTextTemplate
    with open(os.path.join(folder, '%s.%s' % (name, kind)),
            encoding='utf-8') as file:
        return cls(file.read(), filename=name)


def render(name, folder=FOLDER, **values):
    """(text, html) of the template name with values; another module's
    e-mails give the folder of their templates."""
    return tuple(
        _template(name, kind, folder).generate(**values).render(
            kind if kind == 'html' else 'text', encoding=None)
        for kind in ('txt', 'html'))
