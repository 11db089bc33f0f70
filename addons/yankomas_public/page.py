"""How a public page is made: the visitor's language, the Genshi templates
(every value escaped: nothing a visitor typed can become markup), the
security headers, and the answer to a refusal.

Other modules' public pages (the survey) use render() with their own folder
of templates; layout.html here frames every page."""
import functools
import os
import urllib.parse

from genshi.template import TemplateLoader

from trytond.i18n import gettext
from trytond.protocols.wrappers import HTTPStatus, Response
from trytond.transaction import Transaction

from . import links

FOLDER = os.path.join(os.path.dirname(__file__), 'pages')
LANGUAGES = ('id', 'en')
DEFAULT_LANGUAGE = 'id'
LANGUAGE_COOKIE = 'yankomas_lang'
# Nothing from outside the server, no inline script or style: the
# proof-of-work widget's build takes its styles from altcha.css and its
# worker from static/. Referrer-Policy no-referrer would make Chromium send
# "Origin: null" with a form, which trytond refuses.
HEADERS = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': '; '.join([
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "worker-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
            ]),
    }


@functools.lru_cache(maxsize=None)
def _loader(folder):
    return TemplateLoader([folder, FOLDER], auto_reload=False)


def language(request):
    "The visitor's language: ?lang= first, then their cookie, else Indonesian."
    for chosen in (request.args.get('lang'),
            request.cookies.get(LANGUAGE_COOKIE)):
        if chosen in LANGUAGES:
            return chosen
    return DEFAULT_LANGUAGE


def language_href(request, code):
    "The same page in the language code, its other parameters kept."
    return '?' + urllib.parse.urlencode([(k, v)
            for k, v in request.args.items(multi=True) if k != 'lang']
        + [('lang', code)])


def text(name, **values):
    "The page text name (message yankomas_public.msg_page_<name>)."
    return gettext('yankomas_public.msg_page_%s' % name, **values)


def render(request, name, status=HTTPStatus.OK, folder=FOLDER, headers=None,
        **values):
    """The page of template name, in the language of the transaction's
    context, as a response with the security headers."""
    lang = Transaction().context.get('language') or DEFAULT_LANGUAGE
    database = Transaction().database.name
    template = _loader(folder).load(name)
    stream = template.generate(
        _=text, lang=lang, languages=LANGUAGES, request=request,
        lang_href=functools.partial(language_href, request),
        base='/%s' % database, links=links, **values)
    body = stream.render('html', doctype='html5', encoding='utf-8')
    response = Response(body, status,
        content_type='text/html; charset=utf-8',
        headers=dict(HEADERS, **(headers or {})))
    if request.args.get('lang') in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, lang, max_age=365 * 86400,
            path='/%s' % database, samesite='Lax', httponly=True)
    return response


def refusal(request, status, message, title=None, **values):
    """A page that says, in the visitor's language, why nothing was done
    (under title, by default "not done")."""
    return render(request, 'refusal.html', status=status, message=message,
        title=title or text('refusal_title'), **values)
