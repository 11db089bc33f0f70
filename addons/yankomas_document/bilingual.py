"""Bilingual printing: a document in the reader's language with the source
text (English) below each label, for a reader who does not read it.

A Genshi stream filter run on the rendered template before Tryton's
translator: inside a labelling element (a heading, a column header, an
element of class ``label``, ``caption`` or ``statement``) each text becomes
its translation followed by the source in an English block; inside an
element of class ``word`` (Yes, No) the source follows on the same line.
Both are marked with ``xml:lang``, so the translator leaves them as they
are. Everything else, the values as typed among it, goes through the
translator alone."""
from genshi.core import END, START, TEXT, Attrs, QName

XML_LANG = QName('http://www.w3.org/XML/1998/namespace}lang')
SOURCE_LANGUAGE = 'en'
LABEL_TAGS = frozenset(['h1', 'h2', 'th'])
LABEL_CLASSES = frozenset(['label', 'caption', 'statement'])
WORD_CLASSES = frozenset(['word'])


def labelling(tag, attrs):
    """How an element's texts are printed in two languages: 'below',
    'inline' or None (translated only)."""
    classes = set((attrs.get('class') or '').split())
    if classes & WORD_CLASSES:
        return 'inline'
    if tag.localname in LABEL_TAGS or classes & LABEL_CLASSES:
        return 'below'
    return None


def span(text, language, css_class, pos):
    "The events of a span of text in language, left alone by the translator."
    attrs = [(XML_LANG, language)]
    if css_class:
        attrs.append((QName('class'), css_class))
    yield START, (QName('span'), Attrs(attrs)), pos
    yield TEXT, text, pos
    yield END, QName('span'), pos


class Bilingual:
    "The stream filter; gettext translates a source text to the reader's."

    def __init__(self, gettext, language):
        self.gettext = gettext
        self.language = language

    def __call__(self, stream, ctxt=None):
        # The mode of each open labelling element and of its children.
        modes = []
        for kind, data, pos in stream:
            if kind is START:
                tag, attrs = data
                inner = modes[-1] if modes else None
                if inner != 'kept':
                    if attrs.get(XML_LANG) is not None:
                        inner = 'kept'
                    else:
                        inner = labelling(tag, attrs) or inner
                modes.append(inner)
                yield kind, data, pos
            elif kind is END:
                if modes:
                    modes.pop()
                yield kind, data, pos
            elif (kind is TEXT and modes and modes[-1] in {'below', 'inline'}
                    and data.strip()):
                yield from self.both(data, modes[-1], pos)
            else:
                yield kind, data, pos

    def both(self, data, mode, pos):
        "The text translated, then its source below it or beside it."
        source = data.strip()
        translated = self.gettext(source)
        if translated == source:
            yield from span(data, self.language, None, pos)
            return
        yield from span(data.replace(source, translated), self.language,
            None, pos)
        if mode == 'inline':
            yield from span(' / ' + source, SOURCE_LANGUAGE, 'source-word',
                pos)
        else:
            yield from span(source, SOURCE_LANGUAGE, 'source', pos)
