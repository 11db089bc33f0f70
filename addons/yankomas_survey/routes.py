"""The survey's public pages (no login): the survey of a token,
/<database>/yankomas/public/survey/<token>, and the kiosk of an office,
/<database>/yankomas/public/kiosk?office=<id>. They go through
yankomas_public's guard (pool, transaction as root, language, rate limit)
and are framed by its layout; each handler reads only what it shows."""
import os

from trytond.i18n import gettext
from trytond.protocols.wrappers import HTTPStatus, Response, abort
from trytond.transaction import Transaction, without_check_access
from trytond.wsgi import app

from yankomas_public import csrf, links, page
from yankomas_public.guard import public, start_again

from . import ikm
from .exceptions import SurveyTokenUsed
from .questionnaire import AGE_MAX, AGE_MIN, COMMENT_MAX, Submission
from .survey import PROFILE, SERVICES

PREFIX = '/<database_name>'
FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pages')
STATIC_PATH = links.BASE + '/survey-static'
STATIC = {
    'survey.css': ('static/survey.css', 'text/css; charset=utf-8'),
    }
KIND = 'survey'
# The seconds the kiosk's thanks stay before a new form opens.
KIOSK_RETURN = 20


def text(name, **values):
    "The page text name (message yankomas_survey.msg_page_<name>)."
    return gettext('yankomas_survey.msg_page_%s' % name, **values)


def render(request, name, status=HTTPStatus.OK, headers=None, **values):
    return page.render(request, name, status=status, folder=FOLDER,
        headers=headers, t=text, css=STATIC_PATH + '/survey.css', **values)


@app.route(PREFIX + STATIC_PATH + '/<name>', methods={'GET'})
def static(request, database_name, name):
    if name not in STATIC:
        abort(HTTPStatus.NOT_FOUND)
    path, content_type = STATIC[name]
    with open(os.path.join(os.path.dirname(FOLDER), path), 'rb') as file:
        content = file.read()
    return Response(content, HTTPStatus.OK, content_type=content_type,
        headers=dict(page.HEADERS, **{'Cache-Control': 'max-age=3600'}))


@app.route(PREFIX + links.SURVEY + '/<token>', methods={'GET', 'POST'})
@public(KIND)
def survey(request, pool, token):
    "The survey of a complaint's or a printed slip's token."
    Token = pool.get('yankomas.survey.token')
    found = Token.by_code(token, origins=['complaint', 'printed'])
    if not found:
        return closed(request, HTTPStatus.NOT_FOUND, 'unknown')
    action = '/%s%s/%s' % (Transaction().database.name, links.SURVEY,
        found.code)
    return answer(request, pool, found, action)


@app.route(PREFIX + links.KIOSK, methods={'GET', 'POST'})
@public(KIND)
def kiosk(request, pool):
    """The kiosk of the office ?office=: a new form for each visitor, who
    chooses the service; without an office, the offices to choose from."""
    Token = pool.get('yankomas.survey.token')
    office = kiosk_office(pool, request.args.get('office'))
    if office is None:
        return offices(request, pool,
            unknown='office' in request.args)
    action = '/%s%s?office=%d' % (Transaction().database.name, links.KIOSK,
        office.id)
    if request.method == 'POST':
        found = Token.by_code(request.form.get('token'), origins=['kiosk'])
        if not found or found.company != office:
            start_again(pool, KIND, request)
            return closed(request, HTTPStatus.NOT_FOUND, 'unknown',
                again=action)
    else:
        found, = Token.issue(office, 'kiosk')
    return answer(request, pool, found, action, kiosk=True)


def kiosk_office(pool, value):
    "The office of the kiosk's ?office=, or None."
    Company = pool.get('company.company')
    if not isinstance(value, str) or not value.isascii() or not (
            value.isdigit() and len(value) < 10):
        return None
    with without_check_access():
        found = Company.search([('id', '=', int(value))], limit=1)
    return found[0] if found else None


def offices(request, pool, unknown=False):
    Company = pool.get('company.company')
    with without_check_access():
        companies = Company.search([], order=[('party.name', 'ASC')])
    choices = [(c.rec_name, '/%s%s?office=%d' % (
                Transaction().database.name, links.KIOSK, c.id))
        for c in companies]
    return render(request, 'offices.html',
        status=HTTPStatus.NOT_FOUND if unknown else HTTPStatus.OK,
        choices=choices, unknown=unknown)


def closed(request, status, reason, again=None):
    "The page of a token that cannot be answered (unknown or used)."
    return render(request, 'closed.html', status=status, reason=reason,
        again=again)


def answer(request, pool, token, action, kiosk=False):
    """The form of token (GET), or the answers it receives (POST): checked
    on the server, the form again with every message and every value
    typed, or the thanks."""
    if token.used:
        return closed(request, HTTPStatus.GONE, 'used',
            again=action if kiosk else None)
    if request.method != 'POST':
        return form(request, pool, token, action, kiosk)
    Response = pool.get('yankomas.survey.response')
    services = [k for k, _ in SERVICES] if kiosk else None
    submission = Submission(request.form, PROFILE, services=services)
    if not csrf_valid(pool, request):
        start_again(pool, KIND, request)
        return form(request, pool, token, action, kiosk,
            submission=submission, expired=True,
            status=HTTPStatus.FORBIDDEN)
    if not submission.valid:
        start_again(pool, KIND, request)
        return form(request, pool, token, action, kiosk,
            submission=submission, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    try:
        Response.submit(token, submission.values)
    except SurveyTokenUsed:
        start_again(pool, KIND, request)
        return closed(request, HTTPStatus.GONE, 'used',
            again=action if kiosk else None)
    headers = None
    if kiosk:
        headers = {'Refresh': '%d; url=%s' % (KIOSK_RETURN, action)}
    return render(request, 'thanks.html', office=token.company.rec_name,
        again=action if kiosk else None, seconds=KIOSK_RETURN,
        headers=headers)


def form(request, pool, token, action, kiosk, submission=None,
        expired=False, status=HTTPStatus.OK):
    "The survey form of token, with the values and messages of submission."
    Response = pool.get('yankomas.survey.response')
    labels = Response.profile_labels()
    names = Response.element_labels()
    elements = [{
            'key': e.key,
            'label': names[e.key],
            'question': text('question_%s' % e.key),
            'answers': [(s, text('answer_%s_%d' % (e.key, s)))
                for s in ikm.SCORES],
            } for e in ikm.ELEMENTS]
    typed = submission.typed if submission else {}
    errors = {}
    for name, (key, values) in (submission.errors if submission
            else {}).items():
        errors[name] = text('error_%s' % key, **values)
    order = (['service'] if kiosk else []) + list(ikm.KEYS) + [
        'age'] + list(PROFILE) + ['comment']
    label_of = dict({k: v for k, v in names.items()},
        **{k: v[0] for k, v in labels.items()})
    nonce = request.cookies.get(csrf.COOKIE)
    fresh = not csrf.valid_nonce(nonce)
    if fresh:
        nonce = csrf.new_nonce()
    key = pool.get('yankomas.public.secret').key('csrf')
    complaint = token.complaint if token.origin == 'complaint' else None
    response = render(request, 'survey.html', status=status,
        action=action, kiosk=kiosk, token_code=token.code,
        office=token.company.rec_name,
        service=(dict(labels['service'][1]).get(token.service)
            if token.service else None),
        complaint=complaint.number if complaint else None,
        elements=elements, labels=labels, typed=typed, errors=errors,
        error_order=[n for n in order if n in errors],
        label_of=label_of, expired=expired,
        csrf_field=csrf.FIELD, csrf_token=csrf.token(key, nonce),
        comment_max=COMMENT_MAX, age_min=AGE_MIN, age_max=AGE_MAX)
    if fresh:
        # As yankomas_public's complaint form sets it (the same cookie).
        response.set_cookie(csrf.COOKIE, nonce,
            path='/%s' % Transaction().database.name, samesite='Strict',
            httponly=True, secure=request.is_secure)
    return response


def csrf_valid(pool, request):
    "Whether the form's token matches the visitor's nonce cookie."
    key = pool.get('yankomas.public.secret').key('csrf')
    return csrf.check(key, request.cookies.get(csrf.COOKIE),
        request.form.get(csrf.FIELD))
