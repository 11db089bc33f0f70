"""The public pages over HTTP against the running server, as a stranger on
the Internet meets them: the tracking code's entropy, the one answer to an
unknown code, look-ups that take the same time found or not, the rate
limits, every refusal of the complaint form, and a complaint that reaches
the office's intake, with its e-mails received by a real SMTP server.

Without a proxy the server sees every client as the address it connects
from: each visitor here connects from its own loopback address
(127.1.x.y), so that the per-address rate limits of one test never refuse
another test's requests (the browser tests connect from 127.0.0.1).

The helpers (Visitor, Page, the messages of the pages in both languages)
are shared with test_public_browser.py and test_public_fuzz.py.
"""
import concurrent.futures
import datetime as dt
import functools
import html.parser
import http.client
import http.cookies
import importlib.util
import itertools
import json
import re
import secrets
import statistics
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

import polib
import pytest

from conftest import ROOT, TOP_MODULES
from test_confidential import pdf_text

MODULE = ROOT / 'addons' / 'yankomas_public'
OFFICE = "Kantor Imigrasi Kelas II Non TPI Pamekasan"
PETUGAS = 'petugas@kanim-pamekasan.example'
# Crockford's base32 (no I, L, O, U) and the grouping the issue asks for.
ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
CODE = re.compile('^[%s]{4}-[%s]{4}-[%s]{5}$' % ((ALPHABET,) * 3))
LOOKUP_FLOOR = 0.25  # [yankomas_public] lookup_floor's default
VALID_NIK = '3528014501900002'
# A 1×1 PNG and a small real PDF (pypdf opens it), as evidence.
PNG = (b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00'
    b'\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f'
    b'\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82')


def small_pdf(text="Bukti pengaduan"):
    "A one-page PDF showing text, built by hand (a real, valid file)."
    stream = b'BT /F1 18 Tf 40 100 Td (%s) Tj ET' % text.encode('latin-1')
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] '
        b'/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        b'<< /Length %d >>\nstream\n%s\nendstream' % (len(stream), stream),
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n%s\nendobj\n' % (number, body)
    start = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objects) + 1, start)
    return bytes(out)


def _unit(name):
    """A plain-Python unit of yankomas_public, loaded from its file: the
    package itself imports trytond, whose configuration the fuzz test must
    load first."""
    spec = importlib.util.spec_from_file_location(
        'yankomas_public_%s_unit' % name, MODULE / f'{name}.py')
    unit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(unit)
    return unit


pow = _unit('pow')


# The pages' words -----------------------------------------------------------

def _english():
    return {r.get('id'): r.find("field[@name='text']").text
        for r in ET.parse(MODULE / 'message.xml').iter('record')}


def translations(module='yankomas_public'):
    return {e.msgctxt.split(':')[-1]: e.msgstr for e in polib.pofile(
            str(ROOT / 'addons' / module / 'locale' / 'id.po'))}


ENGLISH = _english()
INDONESIAN = translations()


def say(name, lang='id', **values):
    "The text of the page message name (msg_page_<name>) in lang."
    key = 'msg_page_' + name
    text = (INDONESIAN if lang == 'id' else ENGLISH)[key]
    assert text, f"{key} has no {lang} text"
    return text % values if values else text


def _evidence_labels():
    "{English label: Indonesian} of the evidence types of yankomas_complaint."
    return {e.msgid: e.msgstr for e in polib.pofile(str(
                ROOT / 'addons' / 'yankomas_complaint' / 'locale' / 'id.po'))
        if e.msgctxt == 'selection:yankomas.configuration,evidence_types:'}


EVIDENCE_LABELS = _evidence_labels()


def _english_only():
    """Pieces of English a page in Indonesian must not show: every text of
    the module's messages, split at its placeholders, where the Indonesian
    says something else."""
    pieces = set()
    for key, english in ENGLISH.items():
        if not key.startswith('msg_page_') or english == INDONESIAN.get(key):
            continue
        pieces.update(p.strip() for p in re.split(r'%\(\w+\)s', english))
    indonesian = ' '.join(INDONESIAN.values())
    return sorted(p for p in pieces
        if len(p) >= 8 and p not in indonesian and ' ' in p)


ENGLISH_ONLY = _english_only()


def english_on(page):
    "The English pieces shown by a page meant to be in Indonesian."
    return [p for p in ENGLISH_ONLY if p in page.text]


class _Reader(html.parser.HTMLParser):
    "What a test reads of a page: words, alerts, field errors, form values."
    VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input',
        'link', 'meta', 'source', 'track', 'wbr'}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words, self.alerts, self.statuses = [], [], []
        self.errors, self.values, self.labels, self.inputs = {}, {}, {}, []
        self.forms = []
        self._open, self._skip, self._select = [], 0, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {'script', 'style', 'title'}:
            self._skip += 1
        for capture in self._open:
            if capture[2] == tag and tag not in self.VOID:
                capture[3] += 1
        kind = None
        if attrs.get('role') == 'alert':
            kind = ('alert', None)
        elif attrs.get('role') == 'status':
            kind = ('status', None)
        elif 'field-error' in (attrs.get('class') or '').split():
            kind = ('error', attrs.get('id', '').removesuffix('-error'))
        elif tag == 'textarea':
            kind = ('value', attrs.get('name'))
        elif tag == 'label':
            kind = ('label', attrs.get('for'))
        if kind and tag not in self.VOID:
            self._open.append([kind[0], kind[1], tag, 1, []])
        if tag == 'form':
            self.forms.append(attrs)
        if tag == 'select':
            self._select = attrs.get('name')
            self.inputs.append(attrs)
        elif tag == 'option' and self._select and 'selected' in attrs:
            self.values[self._select] = attrs.get('value')
        elif tag in {'input', 'textarea'}:
            self.inputs.append(attrs)
            name, kind_ = attrs.get('name'), attrs.get('type')
            if tag == 'input' and name and kind_ not in {'file', 'submit'}:
                if kind_ == 'checkbox':
                    if 'checked' in attrs:
                        self.values[name] = attrs.get('value')
                else:
                    self.values[name] = attrs.get('value') or ''

    def handle_endtag(self, tag):
        if tag in {'script', 'style', 'title'}:
            self._skip -= 1
        if tag == 'select':
            self._select = None
        for capture in list(self._open):
            if capture[2] == tag:
                capture[3] -= 1
                if not capture[3]:
                    self._open.remove(capture)
                    self._close(*capture)

    def _close(self, kind, key, tag, depth, parts):
        text = ' '.join(''.join(parts).split())
        if kind == 'alert':
            self.alerts.append(text)
        elif kind == 'status':
            self.statuses.append(text)
        elif kind == 'error':
            self.errors[key] = text
        elif kind == 'value':
            self.values[key] = ''.join(parts)
        elif kind == 'label' and key:
            self.labels[key] = text

    def handle_data(self, data):
        for capture in self._open:
            capture[4].append(data)
        if not self._skip:
            self.words.append(data)


class Page:
    "An answer of the server, read as a test needs it."

    def __init__(self, status, headers, body, url):
        self.status, self.headers, self.body, self.url = (
            status, headers, body, url)
        self.html = body.decode('utf-8', 'replace')
        reader = _Reader()
        if self.is_html:
            reader.feed(self.html)
            reader.close()
        self.text = ' '.join(' '.join(reader.words).split())
        self.alerts, self.statuses = reader.alerts, reader.statuses
        self.errors, self.values = reader.errors, reader.values
        self.labels, self.inputs, self.forms = (
            reader.labels, reader.inputs, reader.forms)

    @property
    def is_html(self):
        return self.headers.get('Content-Type', '').startswith('text/html')

    def json(self):
        return json.loads(self.body)

    @property
    def location(self):
        return self.headers.get('Location')

    def __repr__(self):
        return f'<Page {self.status} {self.url} {self.text[:300]!r}>'


# From a random start: a server kept between runs has seen the first ones.
_addresses = itertools.count(secrets.randbelow(200 * 250 * 250))
_addresses_lock = threading.Lock()


def fresh_address():
    "A loopback address no other visitor of this session connects from."
    with _addresses_lock:
        number = next(_addresses)
    high, low = divmod(number, 250)
    return '127.%d.%d.%d' % (1 + high // 250, high % 250, 1 + low)


def multipart(fields, files=()):
    """The body and content type of a multipart/form-data form: fields
    [(name, text)], files [(name, filename, bytes, content type)]."""
    boundary = '----yankomas%s' % secrets.token_hex(12)
    out = bytearray()
    for name, value in fields:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; '
            f'name="{name}"\r\n\r\n').encode()
        out += value.encode() if isinstance(value, str) else value
        out += b'\r\n'
    for name, filename, content, kind in files:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; '
            f'name="{name}"; filename="{filename}"\r\n'
            f'Content-Type: {kind}\r\n\r\n').encode()
        out += content + b'\r\n'
    out += f'--{boundary}--\r\n'.encode()
    return bytes(out), f'multipart/form-data; boundary={boundary}'


class Visitor:
    """A browser as the public pages see it: one address, its cookies, and
    the proof of work its widget would solve."""

    def __init__(self, server, address=None):
        parts = urllib.parse.urlsplit(server.url)
        self.host, self.port = parts.hostname, parts.port
        self.server = server
        self.address = address or fresh_address()
        self.base = f'/{server.database}/yankomas/public'
        self.cookies = {}

    def request(self, method, path, body=None, headers=None,
            cookies=True):
        url = path if path.startswith(f'/{self.server.database}/') else (
            self.base + path)
        headers = dict(headers or {})
        if cookies and self.cookies:
            headers['Cookie'] = '; '.join(
                f'{k}={v}' for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port,
            timeout=120, source_address=(self.address, 0))
        try:
            connection.request(method, url, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all('Set-Cookie') or []:
            cookie = http.cookies.SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return Page(response.status, response.headers, content, url)

    def get(self, path, **kwargs):
        return self.request('GET', path, **kwargs)

    def post(self, path, fields, files=(), **kwargs):
        body, kind = multipart(fields, files)
        headers = dict(kwargs.pop('headers', {}), **{'Content-Type': kind})
        return self.request('POST', path, body=body, headers=headers,
            **kwargs)

    def proof(self):
        "A solved challenge, as the widget posts it (about a second)."
        challenge = self.get('/challenge')
        assert challenge.status == 200, challenge
        return pow.solve(challenge.json())

    def form(self, **query):
        """The complaint form page of the demo office, as the office links
        it (other tests may add offices); it gives the visitor its CSRF
        cookie."""
        query.setdefault('office', demo_office(self.server))
        page = self.get('/complaint?' + urllib.parse.urlencode(query))
        assert page.status == 200, page
        return page

    def send(self, page, fields, files=(), proof=True, **kwargs):
        """Send the form of page with fields ({name: text} or pairs) added
        to its hidden ones (token, office), as a browser sends it."""
        pairs = list(fields.items()) if isinstance(fields, dict) else list(
            fields)
        names = {n for n, _ in pairs}
        hidden = [(i['name'], i.get('value') or '') for i in page.inputs
            if i.get('type') == 'hidden' and i['name'] not in names]
        if proof is True:
            proof = self.proof()
        if proof is not None and 'altcha' not in names:
            pairs.append(('altcha', proof))
        action, = [f['action'] for f in page.forms
            if f.get('method') == 'post']
        return self.post(action, hidden + pairs, files, **kwargs)


@functools.lru_cache(maxsize=None)
def demo_office(server):
    "The id of the demo office (other tests add offices of their own)."
    (office,), = server.sql('SELECT c.id FROM company_company c JOIN '
        'party_party p ON p.id = c.party WHERE p.name = ?', (OFFICE,))
    return office


def complaint_fields(marker, **changes):
    "A complaint form filled in as a person would, marked to be found."
    incident = (dt.datetime.utcnow() - dt.timedelta(days=3)).strftime(
        '%Y-%m-%dT%H:%M')
    fields = {
        'name': "Siti Aminah", 'id_type': 'nik', 'id_number': VALID_NIK,
        'address': "Jl. Trunojoyo 17, Pamekasan",
        'phone': '0812 3456 7890', 'email': '',
        'representation': 'self', 'service': 'passport',
        'application_number': 'MP-2026-0042',
        'subject': f"Paspor belum jadi {marker}",
        'description': "Dijanjikan tiga hari kerja, sudah sepuluh hari.",
        'incident_place': "Loket 2", 'incident_time': incident,
        'reported_party': "Loket 2", 'loss': "Dua kali datang",
        'requested_resolution': "Paspor segera diterbitkan",
        'agree': '1', 'website': '',
        }
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


def complaints_marked(server, marker):
    return server.sql('SELECT id, number, tracking_code, channel, state '
        'FROM yankomas_complaint WHERE subject LIKE ?', (f'%{marker}%',))


def parallel(function, items, workers=4):
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(function, items))


def assert_refused(page, status, message):
    "A refusal: status, an HTML page, the message in its alert."
    assert page.status == status, page
    assert page.is_html, page.headers
    assert message in page.alerts, (message, page.alerts)
    assert not english_on(page), english_on(page)


def assert_kept(page, fields):
    "Everything the visitor typed is in the form given back."
    lost = {n: (v, page.values.get(n)) for n, v in fields.items()
        if n not in {'website', 'altcha', 'csrf_token'}
        and page.values.get(n, '') != v}
    assert not lost, lost


@pytest.fixture(scope='module')
def codes(server):
    "{number: tracking code} of every complaint in the database."
    return dict(server.sql(
        'SELECT number, tracking_code FROM yankomas_complaint ORDER BY id'))


# The tracking code ----------------------------------------------------------

def test_tracking_codes_have_65_random_bits(codes):
    assert len(codes) >= 30, "the demo office has about 30 complaints"
    values = list(codes.values())
    # 13 characters of a 32-letter alphabet: 65 bits by construction.
    assert all(CODE.match(c) for c in values), [
        c for c in values if not CODE.match(c)]
    assert len(set(values)) == len(values)
    symbols = [c.replace('-', '') for c in values]
    # Every letter of the alphabet is drawn (4 of 10^5 draws would miss
    # one by chance), and every position varies: none is fixed, a check
    # digit or a counter.
    assert set(''.join(symbols)) == set(ALPHABET)
    for position in range(13):
        seen = {s[position] for s in symbols}
        assert len(seen) >= 8, (position, seen)
    # The first character carries the 65th bit: from 64 bits it would stay
    # in the first half of the alphabet.
    assert {s[0] for s in symbols} & set(ALPHABET[16:])


def test_tracking_codes_unrelated_to_numbers(codes):
    "Consecutive numbers get unrelated codes: nothing to guess from one."
    ordered = [c.replace('-', '') for c in codes.values()]  # by id
    for one, other in zip(ordered, ordered[1:]):
        same = sum(a == b for a, b in zip(one, other))
        assert same <= 6, (one, other)  # 0.4 expected, chance 1 in 10^6
    values = [code_value(c) for c in ordered]
    rises = sum(b > a for a, b in zip(values, values[1:]))
    assert 0.2 < rises / (len(values) - 1) < 0.8, "codes follow the order"


def code_value(symbols):
    "The number a code's 13 characters write in base 32."
    value = 0
    for symbol in symbols:
        value = value * 32 + ALPHABET.index(symbol)
    return value


# The tracking page ----------------------------------------------------------

UNKNOWN = [
    'ZZZZ-ZZZZ-ZZZZZ', 'zzzz zzzz zzzzz', '0000-0000-00000', '', 'abc',
    '\x00',
    'A' * 41, '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
    "' OR '1'='1", '%00', '../../../etc/passwd', 'ＡＢＣＤ-ＥＦＧＨ-ＪＫＭＮＰ',
    '\u202eKODE', 'ZZZZ-ZZZZ-ZZZZZ-Z', 'IIII-LLLL-UUUUU',
    ]


def _masked(page):
    """The page without the code it echoes back: in its search field and in
    the link to the page in the other language."""
    html = re.sub(r'(<input id="code"[^>]*?value=")[^"]*"', r'\1"',
        page.html)
    return re.sub(r'href="\?[^"]*"', 'href="?"', html)


def test_unknown_codes_get_one_answer(server, codes):
    "Unknown, malformed and hostile codes: the same page, word for word."
    real = next(iter(codes.values()))
    near = real[:-1] + ('0' if real[-1] != '0' else '1')
    cases = UNKNOWN + [near, real + 'X']

    def look(case):
        visitor = Visitor(server)
        quoted = urllib.parse.quote(case, safe='')
        by_query = visitor.get('/track?code=' + quoted)
        by_path = visitor.get('/track/' + quoted) if case else by_query
        return case, by_query, by_path

    answers = parallel(look, cases)
    first = answers[0][1]
    assert first.status == 404
    assert first.alerts == [say('track_unknown')]
    assert not english_on(first), english_on(first)
    for case, *pages in answers:
        for page in pages:
            assert page.status == 404, (case, page)
            assert page.headers['Content-Type'] == first.headers[
                'Content-Type']
            assert page.text == first.text, case
            assert _masked(page) == _masked(first), case
            for marker in ['<script>alert(1)', '<img src=x']:
                assert marker not in page.html, case


def test_lookup_takes_the_same_time_found_or_not(server, codes):
    """Medians of found, unknown and malformed look-ups agree, all above
    the server's floor: without the floor, a found complaint (its history
    read and rendered) answers later than an unknown code."""
    found = list(codes.values())[:5]
    kinds = {'found': found, 'unknown': ['ZZZZ-ZZZZ-ZZZZ%s' % c
            for c in 'ABCDE'], 'malformed': ['<b>%d</b>' % i
            for i in range(5)]}
    times = {kind: [] for kind in kinds}
    visitor = Visitor(server)
    visitor.get('/track/' + found[0])  # warm the server's caches
    for round_ in range(5):
        for kind, values in kinds.items():
            start = time.perf_counter()
            page = visitor.get('/track/' + urllib.parse.quote(
                    values[round_], safe=''))
            times[kind].append(time.perf_counter() - start)
            assert page.status == (200 if kind == 'found' else 404), page
    medians = {k: statistics.median(v) for k, v in times.items()}
    assert min(medians.values()) >= LOOKUP_FLOOR, medians
    assert max(medians.values()) - min(medians.values()) < 0.06, medians


def test_lookups_of_different_visitors_run_side_by_side(server, codes):
    """The floor delays each look-up's answer, not the others': eight
    visitors looking up at once are all answered within a few floors."""
    code = next(iter(codes.values()))
    start = time.perf_counter()
    pages = parallel(lambda _: Visitor(server).get('/track/' + code),
        range(8), workers=8)
    took = time.perf_counter() - start
    assert [p.status for p in pages] == [200] * 8
    assert took < 4 * LOOKUP_FLOOR, (
        f"8 simultaneous look-ups took {took:.2f} s: they wait for each "
        "other")


def test_tracking_pages_show_no_personal_data(server, codes):
    "No demo complaint's page shows who complained or how to reach them."
    rows = server.sql("""SELECT c.tracking_code, c.number, p.name,
            c.id_number,
            c.phone, c.email, c.address, c.represented_name,
            c.power_of_attorney, c.description
        FROM yankomas_complaint c
        LEFT JOIN party_party p ON p.id = c.complainant""")
    visitors = [Visitor(server) for _ in range(1 + len(rows) // 25)]

    def look(index):
        code, number, *private = rows[index]
        page = visitors[index % len(visitors)].get('/track/' + code)
        return number, page, [p.strip() for p in private
            if p and len(p.strip()) > 3]

    checked = 0
    for number, page, private in parallel(look, range(len(rows))):
        assert page.status == 200, page
        assert number in page.text
        shown = [p for p in private if re.search(
                r'(?<!\w)%s(?!\w)' % re.escape(p), page.text)]
        assert not shown, (number, shown)
        checked += bool(private)
    assert checked >= 20, "the demo's complaints name their complainants"


def test_too_many_lookups_refused_with_429(server, codes):
    "The 31st look-up of a minute from one address: 429 and Retry-After."
    crowd = Visitor(server)
    pages = parallel(lambda _: crowd.get('/track/ZZZZ-ZZZZ-ZZZZZ'),
        range(30), workers=5)
    assert [p.status for p in pages] == [404] * 30
    for path in ['/track/ZZZZ-ZZZZ-ZZZZZ', '/track/' + next(iter(
                codes.values())), '/track']:
        refused = crowd.get(path)
        assert_refused(refused, 429, say('too_many', minutes=1))
        assert 1 <= int(refused.headers['Retry-After']) <= 60, path
        assert 'Terlalu banyak permintaan' in refused.text
    assert Visitor(server).get('/track/ZZZZ-ZZZZ-ZZZZZ').status == 404


# The complaint form's refusals ----------------------------------------------

def test_form_is_in_indonesian(server):
    page = Visitor(server).form()
    assert 'lang="id"' in page.html
    assert OFFICE in page.text
    assert not english_on(page), english_on(page)
    for name in page.values:
        assert page.labels.get(name) or name in {'csrf_token', 'office'}, (
            f"no label for {name}")


def test_form_names_evidence_types_in_indonesian(server):
    "The hint of the files names the office's types in the page's language."
    hint = re.search(r'id="evidence-hint">([^<]*)<',
        Visitor(server).form().html).group(1)
    english = [e for e, i in EVIDENCE_LABELS.items() if e != i and e in hint]
    assert not english, f"English on the Indonesian form: {hint}"
    assert EVIDENCE_LABELS['PDF document'] in hint, hint


def test_choose_files_again_only_on_a_form_given_back(server):
    "The hint that files must be chosen again is for a refused form only."
    again = say('hint_evidence_again')
    visitor = Visitor(server)
    fresh = visitor.form()
    refused = visitor.send(fresh, complaint_fields('again', id_number='1'),
        proof=None)
    assert refused.status == 400
    assert again in refused.text
    assert again not in fresh.text, "a form never sent says it came back"


def test_honeypot_refused(server):
    marker = secrets.token_hex(4)
    visitor = Visitor(server)
    fields = complaint_fields(marker, website='http://spam.example/')
    refused = visitor.send(visitor.form(), fields)
    assert_refused(refused, 400, say('error_trap'))
    assert complaints_marked(server, marker) == []


@pytest.mark.parametrize('forgery', ['missing', 'wrong', 'other visitor',
        'no cookie'])
def test_csrf_refused_and_values_kept(server, forgery):
    marker = secrets.token_hex(4)
    visitor = Visitor(server)
    page = visitor.form()
    fields = complaint_fields(marker, email='siti@example.org',
        description='Teks <b>miring</b> & "kutip" tetap utuh')
    if forgery == 'missing':
        page.inputs = [i for i in page.inputs if i.get('name') != (
                'csrf_token')]
    elif forgery == 'wrong':
        fields['csrf_token'] = '0' * 64
    elif forgery == 'other visitor':
        fields['csrf_token'] = Visitor(server).form().values['csrf_token']
    refused = visitor.send(page, fields, cookies=forgery != 'no cookie')
    assert_refused(refused, 400, say('error_csrf'))
    assert_kept(refused, fields)
    assert complaints_marked(server, marker) == []
    # The form given back carries a good token: sent again, it is taken.
    if forgery == 'missing':
        done = visitor.send(refused, fields)
        assert done.status == 303, done
        assert len(complaints_marked(server, marker)) == 1


def test_csrf_refusal_in_english(server):
    visitor = Visitor(server)
    page = visitor.form(lang='en')
    refused = visitor.send(page, complaint_fields('en', csrf_token='x'),
        proof=None)
    assert refused.status == 400
    assert refused.alerts == [say('error_csrf', 'en')]


def _tampered(challenge, **changes):
    "A payload for challenge with a made-up solution (no work done)."
    import base64
    solution = {'counter': 7, 'derivedKey': '00' * 32, 'time': 1}
    payload = {'challenge': dict(challenge, **changes),
        'solution': solution}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def test_proof_of_work_refused(server):
    "Missing, malformed, wrong, forged and replayed: each its message."
    marker = secrets.token_hex(4)
    visitor = Visitor(server)
    fields = complaint_fields(marker)
    challenge = visitor.get('/challenge').json()
    forged = dict(challenge, signature='0' * len(challenge['signature']))
    cases = {
        'missing': None,
        'malformed': 'bm90IGEgcGF5bG9hZA==',
        'wrong_solution': _tampered(challenge),
        'bad_signature': _tampered(forged),
        }
    for reason, payload in cases.items():
        page = visitor.form()
        refused = visitor.send(page, fields, proof=payload)
        assert refused.status == 400, (reason, refused)
        assert refused.errors == {'altcha': say('error_pow_' + reason)}, (
            reason, refused.errors)
        assert refused.alerts == [say('form_has_errors', count=1)]
        assert_kept(refused, fields)
        assert not english_on(refused), english_on(refused)
    assert complaints_marked(server, marker) == []
    proof = visitor.proof()
    done = visitor.send(visitor.form(), fields, proof=proof)
    assert done.status == 303, done
    again = visitor.send(visitor.form(), fields, proof=proof)
    assert again.status == 400
    assert again.errors == {'altcha': say('error_pow_replayed')}
    assert_kept(again, fields)
    assert len(complaints_marked(server, marker)) == 1


def test_field_errors_each_next_to_its_field(server):
    marker = secrets.token_hex(4)
    visitor = Visitor(server)
    future = (dt.datetime.utcnow() + dt.timedelta(days=2)).strftime(
        '%Y-%m-%dT%H:%M')
    fields = complaint_fields(marker, id_number='1234', phone='nol delapan',
        email='siti@example', incident_time=future, service='pesawat',
        compensation_claimed='1', compensation_amount='sepuluh juta',
        agree=None, loss='a\x00b')
    expected = {'id_number': 'nik', 'phone': 'phone', 'email': 'email',
        'incident_time': 'future', 'service': 'choice',
        'compensation_amount': 'amount', 'agree': 'agree',
        'loss': 'characters'}
    refused = visitor.send(visitor.form(), fields, proof=None)
    assert refused.status == 400
    expected = {n: say('error_' + k) for n, k in expected.items()}
    expected['altcha'] = say('error_pow_missing')
    assert refused.errors == expected
    assert refused.alerts == [say('form_has_errors', count=len(expected))]
    for name in set(expected) - {'altcha'}:  # the widget's, not an input
        field, = [i for i in refused.inputs if i.get('id') == name]
        assert field.get('aria-invalid') == 'true', name
        assert name + '-error' in field.get('aria-describedby', ''), name
    assert not english_on(refused), english_on(refused)
    kept = dict(fields)
    kept.pop('loss')  # the NUL byte is given back as the form shows it
    kept.pop('service')  # no option to show selected
    assert_kept(refused, kept)
    missing = visitor.send(refused, {'agree': '1'}, proof=None)
    assert missing.status == 400
    for name in ['subject', 'description', 'incident_place', 'service',
            'name', 'id_type', 'id_number', 'address']:
        assert missing.errors.get(name) == say('error_required'), name
    assert complaints_marked(server, marker) == []


def test_simultaneous_forms_never_a_server_error(server):
    """Six people send the form at the same moment: each complaint is
    made, or the form comes back with what was typed and why; never a
    server error that loses it."""
    marker = secrets.token_hex(4)
    people = [Visitor(server) for _ in range(6)]
    pages = [p.form() for p in people]
    proofs = parallel(lambda p: p.proof(), people, workers=3)
    start = threading.Barrier(len(people))

    def send(index):
        fields = complaint_fields(f'{marker}-{index}')
        start.wait()
        return fields, people[index].send(pages[index], fields,
            proof=proofs[index])

    answers = parallel(send, range(len(people)), workers=len(people))
    statuses = [a.status for _, a in answers]
    for fields, answer in answers:
        if answer.status != 303:
            assert answer.status in {429, 503}, statuses
            assert answer.alerts, answer
            assert_kept(answer, fields)
    assert len(complaints_marked(server, marker)) == statuses.count(303)


def test_too_many_complaints_refused_with_429(server):
    "The 11th form sent in an hour from one address: 429."
    visitor = Visitor(server)
    page = visitor.form()
    for _ in range(10):
        refused = visitor.send(page, {'csrf_token': 'x'}, proof=None)
        assert refused.status == 400
    late = visitor.send(page, complaint_fields('late'), proof=None)
    assert_refused(late, 429, say('too_many', minutes=60))
    assert 3000 < int(late.headers['Retry-After']) <= 3600
    assert visitor.form().status == 200  # the form itself stays open


# A complaint sent -----------------------------------------------------------

@pytest.fixture(scope='module')
def sent(server, mailbox):
    "A complaint sent with everything a person gives, and an attachment."
    marker = secrets.token_hex(4)
    address = f'warga.{marker}@example.org'
    fields = complaint_fields(marker, email=address,
        name=f"Rahmat Hidayat {marker}", address="Jl. Kenari 9, Sumenep",
        phone='0817 7788 9900', application_number=f'MP-{marker}',
        description=f"Kronologi {marker}: loket tutup lebih awal.")
    pdf = small_pdf()
    visitor = Visitor(server)
    done = visitor.send(visitor.form(), fields,
        files=[('evidence', 'bukti.pdf', pdf, 'application/pdf')])
    assert done.status == 303, done
    confirmation = visitor.get(done.location)
    (id_, number, code, channel, state), = complaints_marked(server, marker)
    return dict(fields=fields, email=address, pdf=pdf, done=done,
        confirmation=confirmation, id=id_, number=number, code=code,
        channel=channel, state=state, visitor=visitor, marker=marker)


def test_sent_complaint_reaches_intake(server, sent):
    assert (sent['channel'], sent['state']) == ('web', 'intake')
    assert sent['done'].location == (f'/{server.database}/yankomas/public'
        f'/track/{sent["code"]}?new=1')
    steps = server.sql('SELECT step, ended FROM yankomas_complaint_step '
        'WHERE complaint = ?', (sent['id'],))
    assert steps == [('intake', None)]
    petugas = server.login('petugas')
    files = petugas.model('ir.attachment', 'search_read', [
            ('resource', '=', f'yankomas.complaint,{sent["id"]}')],
        0, None, None, ['name', 'data'])
    assert [f['name'] for f in files] == ['bukti.pdf']
    import base64
    assert base64.b64decode(files[0]['data']['base64']) == sent['pdf']
    record, = petugas.model('yankomas.complaint', 'read', [sent['id']],
        ['id_number', 'phone', 'email', 'subject', 'application_number'])
    assert record['id_number'] == VALID_NIK
    assert record['email'] == sent['email']
    assert record['application_number'] == sent['fields'][
        'application_number']


def test_confirmation_page(sent):
    page = sent['confirmation']
    assert page.status == 200, page
    assert say('confirm_title') in page.text
    assert sent['code'] in page.text and sent['number'] in page.text
    assert say('status_officer') in page.text
    assert not english_on(page), english_on(page)


def test_sent_complaint_page_shows_no_personal_data(sent):
    page = sent['confirmation']
    fields = sent['fields']
    for name in ['name', 'id_number', 'address', 'phone', 'email',
            'application_number', 'description', 'subject']:
        value = fields.get(name) or ''
        assert value and value not in page.html, name
    assert VALID_NIK not in page.html and sent['marker'] not in page.html


def test_hand_over_notice_to_petugas(server, sent, mailbox):
    rows = server.sql('SELECT kind, email, state FROM yankomas_mail '
        'WHERE complaint = ? ORDER BY kind', (sent['id'],))
    assert ('web_complaint', PETUGAS, 'sent') in rows, rows
    assert ('confirmation', sent['email'], 'sent') in rows, rows
    notices = [m for m in mailbox.to(PETUGAS)
        if sent['number'] in m['Subject']]
    assert notices, "no hand-over notice received"
    notice = notices[-1]
    assert notice['Subject'] == 'Pengaduan baru dari situs web: %s' % (
        sent['number'])
    assert sent['fields']['subject'] in notice.get_body(
        ('plain',)).get_content()


def test_confirmation_email_received(server, sent, mailbox):
    received = mailbox.to(sent['email'])
    assert len(received) == 1, received
    message = received[0]
    assert message['Subject'] == INDONESIAN[
        'msg_confirmation_subject'] % {'number': sent['number']}
    text = message.get_body(('plain',)).get_content()
    body = message.get_body(('html',)).get_content()
    assert sent['code'] in text and sent['code'] in body
    url = f'{server.url}{server.database}/yankomas/public/track/' + (
        sent['code'])
    assert url in text.split() and f'href="{url}"' in body
    followed = Visitor(server).get(urllib.parse.urlsplit(url).path)
    assert followed.status == 200, followed
    assert sent['number'] in followed.text
    assert say('status_officer') in followed.text



def test_printed_form_shows_the_tracking_code(server, sent):
    "The receipt of the Form Pengaduan: the code and its page's address."
    petugas = server.login('petugas')
    _, content, _, _ = petugas.call('report.yankomas.complaint.form.execute',
        [sent['id']], {}, petugas.context)
    text = pdf_text(content)
    assert sent['number'] in text and sent['code'] in text
    assert f'/track/{sent["code"]}' in text.replace(' ', '')


# Addresses no page of the module answers ---------------------------------

def test_unknown_public_address_answers_a_page(server):
    """A mistyped address under the public pages: the pages' own answer,
    in Indonesian, with a message, not the server's bare English one."""
    bare = {}
    for path in ['/static/nothing.css', '/tracking', '/complaint/1']:
        page = Visitor(server).get(path)
        assert 400 <= page.status < 500, page
        if not (page.alerts and all(page.alerts)
                and 'lang="id"' in page.html):
            bare[path] = f'{page.status} {page.text[:60]}'
    assert not bare, bare


@pytest.mark.skipif('yankomas_survey' in TOP_MODULES,
    reason="yankomas_survey is activated: the fuzz test covers its pages")
def test_pages_of_modules_not_activated(server):
    """yankomas_survey is installed beside the server but not activated in
    its database: its addresses are unknown there, not a server error."""
    answers = {path: Visitor(server).get(path).status
        for path in ['/survey/ZZZZ-ZZZZ-ZZZZZ', '/kiosk']}
    assert answers == {'/survey/ZZZZ-ZZZZ-ZZZZZ': 404, '/kiosk': 404}


@pytest.mark.parametrize('header', [('Origin', 'http://evil.example'),
        ('Origin', 'null'), ('Host', '.')])
def test_foreign_origin_and_bad_host_refused(server, header):
    """A form posted from another site, a broken Host: refused, not a
    crash (trytond 8.0 raises these refusals outside its error handling:
    yankomas_public's refusals.py answers them)."""
    visitor = Visitor(server)
    page = visitor.form()
    refused = visitor.send(page, complaint_fields('origin'), proof=None,
        headers=dict([header]))
    assert 400 <= refused.status < 500, refused
