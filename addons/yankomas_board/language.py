"""The language of a page shown to someone not signed in yet.

The board speaks the user's language; before the sign-in there is no user,
only the browser's Accept-Language and the languages the database has.
Indonesian comes first: an office's browser set to English still accepts
Indonesian, and a browser that names no language the database has gets the
default.
"""

DEFAULT = 'id'


def normal(tag):
    "A language tag as Tryton writes its codes: 'pt-br' -> 'pt_BR'."
    parts = tag.strip().replace('-', '_').split('_')
    return '_'.join([parts[0].lower()] + [p.upper() for p in parts[1:]])


def page_language(accepted, available, default=DEFAULT):
    """The code among available for a browser accepting the tags of
    accepted (best first): default whenever the browser accepts it at all
    or accepts none of available, else the first it accepts, matched
    exactly or by its primary language."""
    available = list(available)
    wanted = [normal(t) for t in accepted if t and t.strip() != '*']
    primary = {c.split('_')[0] for c in wanted}
    if default in available and (
            default in wanted or default.split('_')[0] in primary):
        return default
    for tag in wanted:
        if tag in available:
            return tag
        base = tag.split('_')[0]
        for code in available:
            if code.split('_')[0] == base:
                return code
    return default
