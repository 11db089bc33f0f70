"""Hypothesis fuzzing of every public endpoint (issue 14): GET /track,
/track/<code>, /complaint (GET, and POST with arbitrary fields, values,
files, encodings, headers and cookies), /challenge, /static/<name>, other
methods and paths under the public prefix (and /survey/<token>, /kiosk when
yankomas_survey is activated). At least 10,000 generated requests in all,
derandomised, each test bounded by its max_examples and the whole file by
a time bound (FUZZ_SECONDS: once spent, the remaining examples send
nothing, and the last test fails if fewer than 10,000 requests were made).

Assertions on every answer: no server error; a refusal of a page (4xx) is
an HTML page whose alert (or notice) says why, in Indonesian unless the
visitor chose English; and the HTML and script sent in any field never come back
as markup. A few complaints are really made (their proof of work solved
ahead, in a thread), and their tracking page, their e-mails (as stored) and
their printed Form Pengaduan (over RPC as the demo's Petugas) keep that
markup inert too.

For speed the requests go to trytond's WSGI application in this process
(werkzeug's test client) on the database of the session's server, with its
configuration, no look-up floor, and a new REMOTE_ADDR for each request so
that the per-address limits do not hide the paths behind them; a few
addresses come back often, to cross the limits on purpose.

Not sent here: an Origin header of another site and a malformed Host,
refused before any page is reached (test_public.py's
test_foreign_origin_and_bad_host_refused).
"""
import base64
import concurrent.futures
import io
import itertools
import json
import re
import time
import urllib.parse

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from conftest import BACKEND, TOP_MODULES
from test_confidential import pdf_text
from test_public import (
    ENGLISH_ONLY, PNG, VALID_NIK, complaint_fields, demo_office, small_pdf)

FUZZ_SECONDS = 480
TARGET = 10_000
SURVEY = 'yankomas_survey' in TOP_MODULES
# Markup a visitor may type; what of it would be an element if it came
# back as is; and an event handler in a tag (the pages have none: their
# Content-Security-Policy forbids them), the sign of a quote that closed
# an attribute.
MARKERS = ['<script>alert("yk")</script>', '"><img src=x onerror=alert(1)>',
    '<svg/onload=alert(1)>', '</textarea><b>yk</b>',
    '" autofocus onfocus="alert(1)', '<iframe src=javascript:alert(1)>']
RAW = [b'<script>alert("yk")', b'<img src=x', b'<svg/onload',
    b'</textarea><b>yk', b'<iframe src=javascript']
TAG = re.compile(rb'<[a-zA-Z][^>]*>')
QUOTED = re.compile(rb'"[^"]*"')
HANDLER = re.compile(rb'\son[a-z]+\s*=', re.IGNORECASE)
# What says why a page was refused: an alert, or a notice.
ALERT = re.compile(rb'<([a-z]+) [^>]*(?:role="alert"|class="notice[^"]*")'
    rb'[^>]*>')
MARKUP = re.compile(rb'<[^>]+>')
STATIC = ['public.css', 'icon.svg', 'public.js', 'altcha-setup.js',
    'altcha.js', 'altcha-id.js', 'altcha-pbkdf2.js', 'altcha.css']
FORM_NAMES = ['office', 'anonymous', 'name', 'id_type', 'id_number',
    'address', 'phone', 'email', 'representation', 'represented_name',
    'power_of_attorney', 'confidential', 'service', 'application_number',
    'subject', 'description', 'incident_place', 'incident_time',
    'reported_party', 'loss', 'requested_resolution',
    'compensation_claimed', 'compensation_amount', 'agree', 'website',
    'csrf_token', 'altcha']
FREE_TEXT = ['name', 'address', 'represented_name', 'power_of_attorney',
    'application_number', 'subject', 'description', 'incident_place',
    'reported_party', 'loss', 'requested_resolution']
FUZZ = dict(deadline=None, derandomize=True, database=None,
    suppress_health_check=list(HealthCheck), print_blob=True)

STARTED = []  # when the first test of the file started
SENT = {}  # endpoint: requests sent
ROUTED = [0]  # of them, answered by werkzeug's routing


def over_time():
    return time.monotonic() - STARTED[0] > FUZZ_SECONDS


class App:
    """trytond's WSGI application in this process, on the server's
    database, and the checks made on every answer."""

    def __init__(self, server):
        from werkzeug.test import Client
        from trytond.wsgi import app
        self.client = Client(app, use_cookies=False)
        self.base = f'/{server.database}/yankomas/public'
        self.database = server.database
        self.addresses = itertools.count(1)

    def address(self, kind):
        if kind == 'fresh':
            n = next(self.addresses)
            return '10.%d.%d.%d' % (n >> 16 & 255, n >> 8 & 255, n & 255)
        return kind  # a crowd's, or an odd one

    def open(self, endpoint, method, path, query=(), headers=(),
            address='fresh', body=None, content_type=None, base=None):
        SENT[endpoint] = SENT.get(endpoint, 0) + 1
        url = (self.base if base is None else base) + path
        if query:
            url += '?' + urllib.parse.urlencode(list(query))
        try:
            response = self.client.open(url, method=method,
                headers=list(headers), data=body, content_type=content_type,
                environ_base={'REMOTE_ADDR': self.address(address)})
        except Exception as exception:  # the real server answers 500
            raise AssertionError(f"{method} {url}: the application raised "
                f"{exception!r}") from exception
        return Answer(method, url, response)


class Answer:
    def __init__(self, method, url, response):
        self.method, self.url = method, url
        self.status = response.status_code
        self.headers = response.headers
        self.body = response.get_data()

    def __repr__(self):
        return f'<{self.method} {self.url} {self.status} {self.body[:400]!r}>'

    @property
    def is_html(self):
        return self.headers.get('Content-Type', '').startswith('text/html')

    @property
    def routing(self):
        """Whether werkzeug's routing answered, before any page of the
        modules (which all carry their Content-Security-Policy): a slash
        merged, an address or a method no route takes."""
        return ('Content-Security-Policy' not in self.headers
            and self.status in {308, 404, 405})

    def check(self, page=True, indonesian=True):
        """No server error, no markup sent back as is; a refused page says
        why in its alert, in Indonesian unless English was asked for."""
        assert self.status < 500, self
        assert_inert(self.body, self)
        if self.routing:
            # (test_public.py's test_unknown_public_address_answers_a_page)
            ROUTED[0] += 1
        if self.method == 'HEAD' or not page or self.routing:
            return
        if self.status >= 400:
            assert self.is_html, self
            assert alerts(self.body) and all(alerts(self.body)), self
        if indonesian and self.is_html:
            text = self.body.decode()
            english = [p for p in ENGLISH_ONLY if p in text]
            assert not english, (english, self)


def alerts(body):
    "The words of each alert or notice of the page body."
    found = []
    for match in ALERT.finditer(body):
        end = body.find(b'</%s>' % match.group(1), match.end())
        found.append(' '.join(MARKUP.sub(b' ', body[match.end():end])
                .decode().split()))
    return found


def assert_inert(body, context):
    "No markup typed by a visitor is an element or an attribute of body."
    if isinstance(body, str):
        body = body.encode()
    raw = [r for r in RAW if r in body]
    assert not raw, (raw, context)
    handlers = [t for t in TAG.findall(body)
        if HANDLER.search(QUOTED.sub(b'""', t))]
    assert not handlers, (handlers, context)


def english_asked(query, headers):
    "Whether the visitor may have asked for English (?lang= or cookie)."
    return any(k == 'lang' for k, _ in query) or any(
        'yankomas_lang' in v for k, v in headers if k.lower() == 'cookie')


@pytest.fixture(scope='module')
def app(server, mailbox):
    """trytond in this process, configured as the server is (its database
    and e-mail), without the look-up floor."""
    STARTED.append(time.monotonic())
    from trytond import config
    config.update_etc(str(server.config))
    if not config.has_section('yankomas_public'):
        config.add_section('yankomas_public')
    config.set('yankomas_public', 'lookup_floor', '0')
    config.set('email', 'uri', mailbox.uri)
    config.set('email', 'from', 'yankomas@imigrasi.example')
    config.set('web', 'hostname', urllib.parse.urlsplit(server.url).netloc)
    import trytond.backend
    assert trytond.backend.name == BACKEND, (
        "trytond was imported before this test loaded the server's "
        "configuration: its backend is %s" % trytond.backend.name)
    from trytond.pool import Pool
    Pool.start()
    Pool(server.database).init()
    return App(server)


@pytest.fixture(scope='module')
def keys(server):
    (csrf,), = server.sql(
        "SELECT value FROM yankomas_public_secret WHERE name = 'csrf'")
    return {'csrf': bytes.fromhex(csrf), 'office': str(demo_office(server))}


@pytest.fixture(scope='module')
def proofs(app):
    """Challenges solved ahead, in a thread (PBKDF2 releases the GIL),
    while the other tests run: for the complaints really made."""
    from yankomas_public import pow
    challenges = [json.loads(app.open('challenge', 'GET', '/challenge').body)
        for _ in range(CREATED)]
    solver = concurrent.futures.ThreadPoolExecutor(1)
    futures = [solver.submit(pow.solve, c) for c in challenges]
    yield iter(futures)
    solver.shutdown(cancel_futures=True)


# What strangers send --------------------------------------------------------

printable = st.characters(codec='utf-8', exclude_categories=('Cs',))
latin = st.characters(min_codepoint=32, max_codepoint=255,
    exclude_characters='\x7f')
texts = st.text(printable, max_size=40)
hostile = st.sampled_from(MARKERS)
ODD = ['', ' ', '0', '-1', '01', '1e309', 'NaN', 'on', 'true', 'null',
    '\x00', '\r\n', '%s', '%(number)s', '${7*7}', '{{7*7}}', '٣', '１',
    'x' * 300, 'ü' * 2000, '9' * 40, 'passport', 'nik', 'representative',
    VALID_NIK, '2026-01-01T10:00', '2026-02-30T25:61', '1899-12-31T23:59',
    '9999-12-31T23:59', 'a@b.co', '"><img/src=x@e.co', '+62 812-3456-7890']
values = st.one_of(texts, hostile, st.sampled_from(ODD),
    st.builds(lambda a, m, b: a + m + b, texts, hostile, texts))
queries = st.lists(st.tuples(st.one_of(st.sampled_from(
                ['lang', 'office', 'code', 'new', 'next']), texts),
        st.one_of(st.sampled_from(['id', 'en', 'fr', '1', '']), values)),
    max_size=4)
cookie_values = st.one_of(st.sampled_from(['id', 'en', '0' * 32,
            'deadbeef' * 4, '']), st.text(latin, max_size=40))
cookies = st.dictionaries(st.one_of(st.sampled_from(
            ['yankomas_csrf', 'yankomas_lang', 'tryton_session']),
        st.text(st.characters(min_codepoint=48, max_codepoint=122),
            min_size=1, max_size=12)),
    cookie_values, max_size=3)
header_names = st.sampled_from(['Accept-Language', 'User-Agent', 'Referer',
        'X-Forwarded-For', 'Accept', 'Accept-Encoding', 'Range',
        'If-None-Match', 'If-Modified-Since', 'X-Requested-With',
        'Authorization', 'Forwarded', 'Cookie', 'X-Yk'])
headers = st.lists(st.tuples(header_names, st.text(latin, max_size=60)),
    max_size=4)
# Mostly a new address; sometimes one of a crowd that crosses the limits.
addresses = st.one_of(st.just('fresh'), st.just('fresh'), st.just('fresh'),
    st.sampled_from(['192.0.2.66', '198.51.100.9', '', '::1', 'unknown']))


@st.composite
def visitor(draw):
    "(query, headers, address) of a request, with its cookies."
    query = draw(queries)
    sent = draw(headers)
    jar = draw(cookies)
    if jar:
        sent.append(('Cookie', '; '.join(f'{k}={v}' for k, v in jar.items())))
    return query, sent, draw(addresses)


codes = st.one_of(texts, hostile, st.sampled_from(ODD),
    st.text(st.sampled_from('0123456789ABCDEFGHJKMNPQRSTVWXYZabcxyz -.OIL/'),
        min_size=10, max_size=20),
    st.from_regex(r'[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}', fullmatch=True))


# The endpoints --------------------------------------------------------------

@settings(max_examples=3000, **FUZZ)
@given(code=codes, by=st.sampled_from(['path', 'query', 'form']),
    method=st.sampled_from(['GET', 'GET', 'GET', 'HEAD']), who=visitor())
def test_track(app, code, by, method, who):
    if over_time():
        return
    query, sent, address = who
    if by == 'path':
        path = '/track/' + urllib.parse.quote(code, safe='')
        if not code:
            path = '/track'
    else:
        path = '/track'
        if by == 'query':
            query = [('code', code)] + query
    answer = app.open('track', method, path, query, sent, address)
    # No route takes a code that starts with a slash or holds a line break.
    assert answer.status in {200, 404, 429} or (
        by == 'path' and answer.routing), answer
    answer.check(indonesian=not english_asked(query, sent))


@settings(max_examples=300, **FUZZ)
@given(method=st.sampled_from(['GET', 'GET', 'HEAD']), who=visitor())
def test_complaint_form(app, method, who):
    if over_time():
        return
    query, sent, address = who
    answer = app.open('complaint GET', method, '/complaint', query, sent,
        address)
    assert answer.status == 200, answer
    answer.check(indonesian=not english_asked(query, sent))
    if method == 'GET':
        assert b'name="csrf_token"' in answer.body


def field_value(name):
    if name in {'id_type', 'representation', 'service'}:
        return st.one_of(st.sampled_from(['nik', 'passport', 'self',
                    'representative', 'passport', 'stay_permit', 'visa',
                    'other']), values)
    if name in {'anonymous', 'confidential', 'compensation_claimed',
            'agree'}:
        return st.one_of(st.sampled_from(['1', 'on', 'true', '']), values)
    return values


form_fields = st.lists(st.sampled_from(FORM_NAMES), max_size=len(
        FORM_NAMES)).flatmap(lambda names: st.tuples(*[
            st.tuples(st.just(n), field_value(n)) for n in names]))
files = st.lists(st.tuples(
        st.sampled_from(['evidence', 'evidence', 'evidence', 'file', '']),
        st.one_of(st.sampled_from(['bukti.pdf', 'foto.png', 'a.exe', '',
                    '../../etc/passwd', 'x' * 300]), texts, hostile),
        st.one_of(st.sampled_from([PNG, small_pdf(), b'', b'MZ\x90\x00',
                    b'%PDF-1.4 broken']), st.binary(max_size=300)),
        st.sampled_from(['application/pdf', 'image/png',
                'application/octet-stream', 'text/html', ''])),
    max_size=3)


def encode(kind, fields, parts):
    "The body and content type of a form sent as kind."
    if kind == 'urlencoded':
        return (urllib.parse.urlencode(fields).encode(),
            'application/x-www-form-urlencoded')
    boundary = 'yk%d' % len(fields)
    out = io.BytesIO()
    for name, value in fields:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; '
            f'name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content, mime in parts:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; '
            f'name="{name}"; filename="{filename}"\r\nContent-Type: '
            f'{mime}\r\n\r\n'.encode() + content + b'\r\n')
    body = out.getvalue()
    if kind == 'multipart':
        body += f'--{boundary}--\r\n'.encode()
        return body, f'multipart/form-data; boundary={boundary}'
    if kind == 'truncated':
        return body[:len(body) // 2], (
            f'multipart/form-data; boundary={boundary}')
    if kind == 'wrong boundary':
        return body, 'multipart/form-data; boundary=other'
    return body, kind  # text/plain, application/json, none


@settings(max_examples=1200, **FUZZ)
@given(fields=form_fields, parts=files, csrf_mode=st.sampled_from(
        ['valid', 'valid', 'valid', 'valid', 'missing', 'wrong', 'no cookie',
            'other nonce']),
    proof=st.one_of(st.none(), values, st.builds(
            lambda t: base64.b64encode(t.encode()).decode(), values)),
    kind=st.sampled_from(['multipart'] * 6 + ['urlencoded', 'truncated',
            'wrong boundary', 'application/json', 'text/plain']),
    who=visitor(), office=st.sampled_from(['form', 'url', 'none']))
def test_complaint_sent(app, keys, fields, parts, csrf_mode, proof, kind,
        who, office):
    from yankomas_public import csrf
    if over_time():
        return
    query, sent, address = who
    fields = [(n, v) for n, v in fields if n != 'csrf_token']
    nonce = csrf.new_nonce()
    if csrf_mode != 'no cookie':
        sent = [(k, v) for k, v in sent if k.lower() != 'cookie'] + [
            ('Cookie', f'{csrf.COOKIE}={nonce}')]
    token = {'valid': csrf.token(keys['csrf'], nonce),
        'wrong': '0' * 64, 'no cookie': csrf.token(keys['csrf'], nonce),
        'other nonce': csrf.token(keys['csrf'], csrf.new_nonce())}.get(
            csrf_mode)
    if token:
        fields.append(('csrf_token', token))
    if proof is not None:
        fields.append(('altcha', proof))
    if office == 'form':
        fields.append(('office', keys['office']))
    elif office == 'url':
        query = [('office', keys['office'])] + query
    body, content_type = encode(kind, fields, parts if kind != (
            'urlencoded') else [])
    answer = app.open('complaint POST', 'POST', '/complaint', query, sent,
        address, body=body, content_type=content_type)
    # Without a solved challenge nothing is ever made.
    assert answer.status in {400, 429}, answer
    answer.check(indonesian=not english_asked(query, sent))


@settings(max_examples=1200, **FUZZ)
@given(method=st.sampled_from(['GET', 'GET', 'HEAD']), who=visitor())
def test_challenge(app, method, who):
    if over_time():
        return
    query, sent, address = who
    answer = app.open('challenge', method, '/challenge', query, sent,
        address)
    assert answer.status in {200, 429}, answer
    if answer.status == 200 and method == 'GET':
        challenge = json.loads(answer.body)
        assert set(challenge) == {'parameters', 'signature'}
        assert challenge['parameters']['algorithm'] == 'PBKDF2/SHA-256'
        answer.check(page=False)
    else:
        answer.check(indonesian=not english_asked(query, sent))


static_names = st.one_of(st.sampled_from(STATIC), texts, hostile,
    st.sampled_from(['..%2f..%2ftrytond.conf', '../routes.py', 'vendor',
            '.', '..', 'public.css/', 'public.css%00', 'PUBLIC.CSS',
            'static/public.css', 'LICENSE.txt', '%2e%2e%2fpow.py']))


@settings(max_examples=2000, **FUZZ)
@given(name=static_names, method=st.sampled_from(['GET', 'HEAD']),
    who=visitor())
def test_static(app, name, method, who):
    if over_time():
        return
    query, sent, address = who
    answer = app.open('static', method, '/static/' + (
            name if '%' in name else urllib.parse.quote(name, safe='')),
        query, sent, address)
    if name in STATIC:
        assert answer.status == 200, answer
        assert answer.headers['X-Content-Type-Options'] == 'nosniff'
    else:
        # Only the files of the list are served, nothing else of the
        # module's folder or the server's.
        assert answer.status == 404 or answer.routing, answer
    answer.check(page=False)


# (/survey and /kiosk: test_survey_and_kiosk, and test_public.py's
# test_pages_of_modules_not_activated while yankomas_survey is not.)
PATHS = ['/track', '/track/ZZZZ-ZZZZ-ZZZZZ', '/complaint', '/challenge',
    '/static/public.css', '', '/', '/tracking', '/complaint/1', '/static',
    '/../../rpc/']


@settings(max_examples=2400, **FUZZ)
@given(method=st.sampled_from(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE',
            'POST', 'GET', 'PROPFIND']),
    path=st.one_of(st.sampled_from(PATHS), st.builds(
            lambda p, t: p + '/' + urllib.parse.quote(t, safe='/'),
            st.sampled_from(PATHS), texts)),
    database=st.sampled_from(['own'] * 4 + ['nodb', 'template1', 'postgres',
            '%00', 'yankomas_x']),
    who=visitor())
def test_other_methods_and_paths(app, method, path, database, who):
    "Whatever else is asked under the public prefix: never a server error."
    if over_time():
        return
    query, sent, address = who
    base = None if database == 'own' else f'/{database}/yankomas/public'
    if method == 'POST' and path == '/complaint':
        method = 'PUT'  # the form's own test sends the form
    answer = app.open('other', method, path, query, sent, address,
        base=base)
    answer.check(page=False)


@pytest.mark.skipif(not SURVEY, reason="yankomas_survey is not activated")
@settings(max_examples=400, **FUZZ)
@given(token=codes, kiosk=st.booleans(), method=st.sampled_from(
        ['GET', 'GET', 'POST']), fields=form_fields, who=visitor())
def test_survey_and_kiosk(app, token, kiosk, method, fields, who):
    if over_time():
        return
    query, sent, address = who
    path = '/kiosk' if kiosk else '/survey/' + urllib.parse.quote(
        token, safe='')
    body, content_type = (encode('multipart', list(fields), [])
        if method == 'POST' else (None, None))
    answer = app.open('survey', method, path, query, sent, address,
        body=body, content_type=content_type)
    answer.check(indonesian=not english_asked(query, sent))


# The survey's nine elements (yankomas_survey's ikm.KEYS) and the rest.
ELEMENTS = ['requirements', 'procedure', 'completion_time', 'cost',
    'product', 'competence', 'conduct', 'complaint_handling', 'facilities']
RADIO = re.compile(rb'<input type="radio" name="([a-z_]+)"')
KIOSK_HIDDEN = re.compile(
    rb'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')


@pytest.mark.skipif(not SURVEY, reason="yankomas_survey is not activated")
@settings(max_examples=200, **FUZZ)
@given(answers=st.dictionaries(st.sampled_from(
            ELEMENTS + ['service', 'age', 'sex',
                'education', 'occupation', 'comment', 'token', 'x']),
        st.one_of(st.sampled_from(['1', '2', '3', '4', '0', '5', 'passport',
                    'complaint', '17', '120']), values), max_size=16),
    fill=st.booleans(), who=visitor())
def test_kiosk_answered(app, keys, answers, fill, who):
    """A visitor at the kiosk opens a new form (a token of its own) and
    sends it back with anything in its fields."""
    if over_time():
        return
    query, sent, address = who
    sent = [(k, v) for k, v in sent if k.lower() != 'cookie']
    opened = app.open('survey', 'GET', '/kiosk', [('office', keys['office'])],
        sent, address)
    assert opened.status in {200, 429}, opened
    opened.check()
    if opened.status != 200:
        return
    cookie = opened.headers['Set-Cookie'].split(';')[0]
    fields = [(n.decode(), v.decode()) for n, v in KIOSK_HIDDEN.findall(
            opened.body)]
    if fill:  # every question answered, then some answers overwritten
        names = {n.decode() for n in RADIO.findall(opened.body)}
        assert set(ELEMENTS) <= names, names
        answers = dict({n: '3' for n in ELEMENTS},
            **dict({'service': 'passport'}, **answers))
    fields += [(k, v) for k, v in answers.items() if k not in dict(fields)]
    body, content_type = encode('multipart', fields, [])
    answer = app.open('survey', 'POST', '/kiosk', [('office', keys['office'])],
        sent + [('Cookie', cookie)], address, body=body,
        content_type=content_type)
    assert answer.status in {200, 404, 410, 422, 429}, answer
    answer.check()


# Complaints really made -----------------------------------------------------

CREATED = 6


# Not shrunk: each example makes a complaint and prints its form.
@settings(max_examples=CREATED, phases=[Phase.explicit, Phase.reuse,
        Phase.generate], **FUZZ)
@given(markup=st.lists(st.one_of(hostile, st.builds(
                lambda a, m: a + ' ' + m, st.text(st.characters(
                        min_codepoint=65, max_codepoint=90), min_size=1,
                    max_size=8), hostile)),
        min_size=len(FREE_TEXT), max_size=len(FREE_TEXT)),
    representative=st.booleans(),
    email=st.sampled_from(['"><img/src=x@e.co', '<b>yk</b>@e.co',
            'warga@example.org']))
def test_created_complaints_keep_markup_inert(server, app, keys, proofs,
        markup, representative, email):
    """Markup typed in every free text of a complaint that is made: its
    tracking page, its e-mails and its printed form show it as text."""
    from yankomas_public import csrf, pow
    if over_time():
        return
    future = next(proofs, None)
    proof = future.result(timeout=120) if future else pow.solve(json.loads(
            app.open('challenge', 'GET', '/challenge').body))
    typed = dict(zip(FREE_TEXT, markup))
    if not representative:
        typed.pop('represented_name')
        typed.pop('power_of_attorney')
    fields = complaint_fields('fuzz', email=email, **typed,
        representation='representative' if representative else 'self')
    subject = fields['subject']
    nonce = csrf.new_nonce()
    body, content_type = encode('multipart', list(fields.items()) + [
            ('csrf_token', csrf.token(keys['csrf'], nonce)),
            ('altcha', proof), ('office', keys['office'])],
        [('evidence', '<b>bukti</b>.pdf', small_pdf(), 'application/pdf')])
    answer = app.open('complaint POST', 'POST', '/complaint',
        headers=[('Cookie', f'{csrf.COOKIE}={nonce}')], body=body,
        content_type=content_type)
    assert answer.status == 303, answer
    location = answer.headers['Location']
    code = location.split('/track/')[1].split('?')[0]
    page = app.open('track', 'GET', '/track/' + code)
    assert page.status == 200, page
    page.check()

    (id_,), = server.sql('SELECT id FROM yankomas_complaint '
        'WHERE tracking_code = ?', (code,))
    mails = server.sql('SELECT kind, body_html FROM yankomas_mail '
        'WHERE complaint = ?', (id_,))
    assert 'web_complaint' in {k for k, _ in mails}, mails
    for kind, html in mails:
        assert_inert(html, kind)
    notice = next(h for k, h in mails if k == 'web_complaint')
    assert escaped(subject) in notice, notice

    petugas = server.login('petugas')
    _, content, _, _ = petugas.call('report.yankomas.complaint.form.execute',
        [id_], {}, petugas.context)
    text = pdf_text(content)
    squeezed = ''.join(text.split())
    for name, value in typed.items():
        # Shown as the characters typed, not read as markup.
        assert ''.join(value.split()) in squeezed, (name, value, text)
    assert '<b>bukti</b>.pdf' in squeezed, text


def escaped(text):
    return (text.replace('&', '&amp;').replace('<', '&lt;')
        .replace('>', '&gt;'))


def test_at_least_10000_requests():
    total = sum(SENT.values())
    took = time.monotonic() - STARTED[0] if STARTED else 0
    print(f"{total} requests in {took:.0f} s: {SENT}, "
        f"{ROUTED[0]} answered by the routing")
    assert total >= TARGET, (
        f"only {total} requests within the time bound of {FUZZ_SECONDS} s: "
        f"{SENT}")
