"""The public pages in Debian's Chromium, on a phone (360×740) and a desktop
(1366×900): a complaint filled in through its labels, with a file, sent
(the ALTCHA widget solves its challenge when the button is pressed), its
confirmation page and code, and the code followed through the tracking
form; the keyboard reaches every field, nothing overflows a phone's width,
and no page logs an error or a Content-Security-Policy violation.

Chromium connects from 127.0.0.1, whose forms the per-address limit counts
for the whole session (10 an hour, refused ones too): this file sends four,
two of which make a complaint.
"""
import re
import secrets

import pytest
from playwright.sync_api import expect

from conftest import BACKEND, TOP_MODULES
from test_browser import browser  # noqa: F401 (fixture)
from test_public import (
    ALPHABET, INDONESIAN, OFFICE, PNG, VALID_NIK, Visitor, translations,
    complaint_fields, complaints_marked, demo_office, say, small_pdf)
from test_rpc import press

SIZES = {'phone': (360, 740), 'desktop': (1366, 900)}
CODE = re.compile('[%s]{4}-[%s]{4}-[%s]{5}' % ((ALPHABET,) * 3))
# Reports every CSP violation, before any script of the page runs.
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    e.violatedDirective + ' ' + e.blockedURI));
"""
CONTROLS = """() => [...document.querySelectorAll(
        'main input, main select, main textarea, main button')]
    .filter(e => e.type !== 'hidden' && e.checkVisibility()
        && !e.closest('.trap'))
    .map(e => e.id || e.name || e.type)"""


def label(name):
    "The label of the form field name, as the visitor reads it."
    text = re.escape(INDONESIAN['msg_page_field_' + name])
    return re.compile(r'^\s*%s( %s)?\s*$' % (
            text, re.escape(say('optional'))))


class Visit:
    "One visitor's tab: its screenshots and what the browser complained of."

    def __init__(self, browser, size, folder, name):
        width, height = SIZES[size]
        self.context = browser.new_context(viewport={
                'width': width, 'height': height}, locale='id-ID')
        self.context.add_init_script(WATCH_CSP)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.size, self.width, self.folder, self.name, self.shots = (
            size, width, folder, name, 0)
        self.problems, self.refusals, self.allowed = [], [], set()
        # A page refused (a 404 for an unknown code) is logged by Chromium
        # too: the responses say which, and whether it was expected.
        self.page.on('console', lambda m: m.type == 'error'
            and not m.text.startswith('Failed to load resource')
            and self.problems.append(f'console: {m.text}'))
        self.page.on('pageerror', lambda e: self.problems.append(
                f'page error: {e}'))
        self.page.on('response', self._response)

    def _response(self, response):
        if response.status < 400:
            return
        if (response.request.resource_type == 'document'
                and response.status in self.allowed):
            self.refusals.append(response.status)
        else:
            self.problems.append(
                f'{response.status} {response.request.resource_type} '
                f'{response.url}')

    def shot(self, name):
        self.shots += 1
        self.page.screenshot(full_page=True, path=self.folder
            / f'{BACKEND}-public-{self.name}-{self.size}-{self.shots:02}-'
            f'{name}.png')

    def check_page(self):
        "No overflow sideways, no CSP violation so far."
        width = self.page.evaluate('document.scrollingElement.scrollWidth')
        assert width <= self.width, f"{self.page.url}: {width} px wide"
        self.problems.extend('CSP: ' + v
            for v in self.page.evaluate('window.__csp'))

    def close(self):
        self.context.close()


@pytest.fixture(params=list(SIZES))
def visit(request, browser, artifacts):
    test = request.node.originalname.split('_')[1]
    visit = Visit(browser, request.param, artifacts, test)
    yield visit
    visit.shot('last')
    visit.close()


def tab_walk(page, limit=120):
    """The ids of the elements the Tab key focuses from the top of the page,
    in order, until it comes back round (each once)."""
    seen = []
    page.evaluate('document.activeElement && document.activeElement.blur()')
    for _ in range(limit):
        page.keyboard.press('Tab')
        focused = page.evaluate("""() => {
            const e = document.activeElement;
            return e === document.body ? null
                : (e.id || e.name || e.tagName + ':' + e.textContent.trim());
            }""")
        if focused in seen[:1]:
            break
        if focused and (not seen or seen[-1] != focused):
            seen.append(focused)
    return seen


def fill(page, fields, files):
    "Fill the form through each field's label, as a person reads it."
    for name in ['name', 'id_number', 'address', 'phone', 'email',
            'subject', 'description', 'incident_place', 'incident_time',
            'application_number', 'reported_party', 'loss',
            'requested_resolution']:
        field = page.get_by_label(label(name))
        expect(field).to_have_attribute('id', name)
        field.fill(fields[name])
    for name in ['id_type', 'service']:
        page.get_by_label(label(name)).select_option(fields[name])
    page.get_by_label(label('evidence')).set_input_files(files)
    page.get_by_label(label('agree')).check()


def test_complaint_sent_and_tracked(server, visit):
    page = visit.page
    marker = secrets.token_hex(4)
    fields = complaint_fields(marker, email=f'peramban.{marker}@example.org')
    page.goto(f'{server.url}{server.database}/yankomas/public/complaint'
        f'?office={demo_office(server)}')
    expect(page.locator('h1')).to_have_text(say('form_title'))
    expect(page.locator('main')).to_contain_text(OFFICE)
    visit.check_page()
    visit.shot('form')

    # Every control has a name in the accessibility tree; the keyboard
    # reaches each one in the page's order, then the button; never the
    # field kept for robots.
    controls = page.evaluate(CONTROLS)
    assert {'name', 'id_number', 'subject', 'evidence', 'agree'} <= set(
        controls)
    for control in controls:
        element = page.locator(f'#{control}') if control != 'submit' else (
            page.locator('main button[type=submit]'))
        expect(element).to_have_accessible_name(re.compile(r'\w'))
    walked = tab_walk(page)
    assert 'website' not in walked
    reached = [c for c in walked if c in controls or c.startswith(
            'BUTTON:')]
    assert [c for c in reached if not c.startswith('BUTTON:')] == [
        c for c in controls if c != 'submit'], walked
    assert reached[-1] == 'BUTTON:' + say('form_submit'), walked

    files = [{'name': 'bukti.pdf', 'mimeType': 'application/pdf',
            'buffer': small_pdf()}]
    if visit.size == 'desktop':
        files.append({'name': 'foto-loket.png', 'mimeType': 'image/png',
                'buffer': PNG})
    fill(page, fields, files)
    visit.shot('form-filled')
    send = page.get_by_role('button', name=say('form_submit'))
    if visit.size == 'desktop':
        # From the last field to the button and Enter, by keyboard only.
        page.get_by_label(label('agree')).focus()
        for _ in range(5):
            page.keyboard.press('Tab')
            if send.evaluate('e => e === document.activeElement'):
                break
        expect(send).to_be_focused()
        page.keyboard.press('Enter')
    else:
        send.click()
    page.wait_for_url(re.compile(r'/track/[0-9A-Z-]+\?new=1$'),
        timeout=90_000)

    # The confirmation: the code to keep, where the complaint is.
    notice = page.locator('section.notice.ok')
    expect(notice.locator('h1')).to_have_text(say('confirm_title'))
    code = notice.locator('.code').inner_text().strip()
    assert CODE.fullmatch(code), code
    expect(page.locator('.result')).to_contain_text(say('status_officer'))
    visit.check_page()
    visit.shot('confirmation')
    (id_, number, stored, channel, state), = complaints_marked(
        server, marker)
    assert (stored, channel, state) == (code, 'web', 'intake')
    names = server.sql('SELECT name FROM ir_attachment WHERE resource = ? '
        'ORDER BY name', (f'yankomas.complaint,{id_}',))
    assert [n for n, in names] == sorted(f['name'] for f in files)
    assert number in page.locator('.result h2').inner_text()
    for private in [fields['name'], VALID_NIK, fields['email'],
            fields['address']]:
        expect(page.locator('body')).not_to_contain_text(private)

    # Later, from the link on every page: the code typed loosely.
    page.get_by_role('link', name=say('nav_track')).first.click()
    expect(page.locator('h1')).to_have_text(say('track_title'))
    typed = page.get_by_label(INDONESIAN['msg_page_track_code_label'])
    typed.fill(code.lower().replace('-', ' '))
    typed.press('Enter')
    page.wait_for_url(re.compile(r'/track\?code='))
    result = page.locator('.result')
    expect(result.locator('h2')).to_contain_text(number)
    expect(result.locator('.status')).to_contain_text(say('status_officer'))
    expect(page.locator('[role=alert]')).to_have_count(0)
    visit.check_page()
    visit.shot('tracking')

    # A code that is no complaint's: the one message, announced.
    visit.allowed.add(404)
    typed = page.get_by_label(INDONESIAN['msg_page_track_code_label'])
    typed.fill('ZZZZ-ZZZZ-ZZZZZ')
    typed.press('Enter')
    expect(page.locator('[role=alert]')).to_have_text(say('track_unknown'))
    visit.check_page()
    visit.shot('tracking-unknown')
    assert visit.refusals == [404]
    assert not visit.problems, visit.problems


def test_refused_form_announced_and_kept(server, visit):
    """A form the server gives back: its message has the focus (a screen
    reader reads it first), each problem is next to its field, and what
    was typed is still there. Sent without its proof of work (the widget
    is taken out, as in a browser without JavaScript's Web Crypto)."""
    page = visit.page
    fields = complaint_fields('refused', id_number='1234')
    page.goto(f'{server.url}{server.database}/yankomas/public/complaint'
        f'?office={demo_office(server)}')
    fill(page, fields, [])
    # What a browser without the widget sends: the form, no proof of work.
    page.evaluate("document.querySelector('altcha-widget').remove()")
    visit.allowed.add(400)
    page.get_by_role('button', name=say('form_submit')).click()
    message = page.locator('#form-message')
    expect(message).to_be_focused()
    expect(message).to_have_attribute('role', 'alert')
    expect(page.locator('#id_number-error')).to_have_text(
        say('error_nik'))
    expect(page.locator('#altcha-error')).to_have_text(
        say('error_pow_missing'))
    expect(page.get_by_label(label('id_number'))).to_have_attribute(
        'aria-invalid', 'true')
    expect(page.get_by_label(label('subject'))).to_have_value(
        fields['subject'])
    expect(page.get_by_label(label('description'))).to_have_value(
        fields['description'])
    visit.check_page()
    visit.shot('form-refused')
    assert visit.refusals == [400]
    assert not visit.problems, visit.problems


# The answer, the survey and the kiosk (yankomas_answer, yankomas_survey) --

SURVEY = translations('yankomas_survey') if 'yankomas_survey' in (
    TOP_MODULES) else {}
ELEMENTS = ['requirements', 'procedure', 'completion_time', 'cost',
    'product', 'competence', 'conduct', 'complaint_handling', 'facilities']
needs_answer = pytest.mark.skipif(
    not {'yankomas_answer', 'yankomas_survey'} <= set(TOP_MODULES),
    reason="yankomas_answer and yankomas_survey are not activated")


def survey_says(name, **values):
    text = SURVEY['msg_page_' + name]
    return text % values if values else text


def answer_survey(visit, keyboard):
    """Answer the nine questions (the third answer of each), by tapping
    their words on a phone, by the arrow keys on a desktop."""
    page = visit.page
    for key in ELEMENTS:
        question = page.locator(f'#f-{key}')
        if keyboard:
            question.get_by_role('radio').first.focus()
            page.keyboard.press('Space')
            page.keyboard.press('ArrowRight')
            page.keyboard.press('ArrowRight')
        else:
            question.locator('label.option').nth(2).click()
        expect(question.get_by_role('radio').nth(2)).to_be_checked()


@needs_answer
def test_answered_then_surveyed(server, mailbox, visit):
    """The office answers a web complaint: the answer e-mail arrives, its
    link shows the answer on the tracking page, whose survey link is
    answered once."""
    page = visit.page
    marker = secrets.token_hex(4)
    address = f'dijawab.{marker}@example.org'
    visitor = Visitor(server)
    sent = visitor.send(visitor.form(), complaint_fields(marker,
            email=address))
    assert sent.status == 303, sent
    (id_, number, code, _, _), = complaints_marked(server, marker)
    petugas = server.login('petugas')
    category, = petugas.model('yankomas.complaint.category', 'search',
        [], 0, 1, None)
    resolution = f"Paspor sudah terbit ({marker}); silakan ambil di loket 3."
    petugas.model('yankomas.complaint', 'write', [id_],
        {'category': category})
    press(petugas, id_, 'resolve', resolution)

    answers = [m for m in mailbox.to(address)
        if number in m['Subject'] and resolution in m.get_body(
            ('plain',)).get_content()]
    assert len(answers) == 1, [m['Subject'] for m in mailbox.to(address)]
    text = answers[0].get_body(('plain',)).get_content()
    urls = re.findall(r'https?://\S+', text)
    track, = [u for u in urls if '/track/' in u]
    survey, = [u for u in urls if '/survey/' in u]
    assert track.endswith('/track/' + code)

    page.goto(track)
    result = page.locator('.result')
    expect(result.locator('.status')).to_contain_text(say('status_done'))
    expect(result.locator('.answer-text')).to_have_text(resolution)
    link = page.get_by_role('link', name=survey_says('survey_link'))
    expect(link).to_have_attribute('href', survey)
    visit.check_page()
    visit.shot('answered')

    link.click()
    expect(page.locator('h1')).to_have_text(survey_says('survey_title'))
    expect(page.locator('main')).to_contain_text(number)
    visit.check_page()
    answer_survey(visit, keyboard=visit.size == 'desktop')
    page.locator('#comment').fill(f"Petugas ramah <b>{marker}</b>")
    visit.shot('survey')
    page.get_by_role('button', name=survey_says('submit')).click()
    expect(page.locator('h1')).to_have_text(survey_says('thanks_title'))
    visit.check_page()
    visit.shot('survey-thanks')
    stored = server.sql('SELECT r.comment FROM yankomas_survey_response r '
        'JOIN yankomas_survey_token t ON t.id = r.token '
        'WHERE t.complaint = ?', (id_,))
    assert stored == [(f"Petugas ramah <b>{marker}</b>",)]

    # Once only: the link again says it was answered.
    visit.allowed.add(410)
    page.goto(survey)
    expect(page.locator('h1')).to_have_text(survey_says('used_title'))
    visit.check_page()
    assert visit.refusals == [410]
    assert not visit.problems, visit.problems


@needs_answer
def test_kiosk(server, visit):
    "A visitor of the office answers at the kiosk; a new form follows."
    page = visit.page
    office = demo_office(server)
    page.goto(f'{server.url}{server.database}/yankomas/public/kiosk'
        f'?office={office}')
    expect(page.locator('h1')).to_have_text(survey_says('survey_title'))
    visit.check_page()
    visit.shot('kiosk')
    services = page.locator('#f-service')
    services.locator('label.option').first.click()
    answer_survey(visit, keyboard=visit.size == 'desktop')
    before, = server.sql('SELECT COUNT(*) FROM yankomas_survey_response')
    page.get_by_role('button', name=survey_says('submit')).click()
    expect(page.locator('h1')).to_have_text(survey_says('thanks_title'))
    again = page.get_by_role('link', name=survey_says('kiosk_again'))
    expect(again).to_be_visible()
    visit.check_page()
    visit.shot('kiosk-thanks')
    after, = server.sql('SELECT COUNT(*) FROM yankomas_survey_response')
    assert after[0] == before[0] + 1
    again.click()
    expect(page.get_by_role('button', name=survey_says('submit'))
        ).to_be_visible()
    assert not visit.problems, visit.problems
