"""The web client (sao) in Debian's Chromium: a walk-in complaint taken at
the desk and escalated, as the Petugas Yankomas does it, each button's note
given in the dialog the button opens.

Fields and buttons are found by the field or button name sao puts in their
`name` attribute; the demo users work in Indonesian, which the button labels
check.
"""
import json
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import BACKEND, PASSWORD
from test_rpc import complete_form

COMPLAINT = 'yankomas.complaint'
# A loaded machine (make test runs two lanes) answers slower than 5 s.
expect.set_options(timeout=20_000)

CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']


@pytest.fixture(scope='module')
def browser():
    with sync_playwright() as playwright:
        # Never let Playwright download a browser: use Debian's.
        browser = playwright.chromium.launch(
            executable_path='/usr/bin/chromium', args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class WebClient:
    "The page, with numbered screenshots and a wait for sao's RPCs to end."

    def __init__(self, page, folder):
        self.page, self.folder, self.shots = page, folder, 0
        self.pending = set()
        page.on('request', lambda r: self.pending.add(r))
        page.on('requestfinished', lambda r: self.pending.discard(r))
        page.on('requestfailed', lambda r: self.pending.discard(r))

    def shot(self, name):
        self.shots += 1
        self.page.screenshot(
            path=self.folder / f'{BACKEND}-{self.shots:02}-{name}.png')

    def press(self, tab, button):
        """Leave the field being edited, then press BUTTON. Leaving a field
        redraws the form, and a click during the redraw reads the selection
        fields as empty and writes that (a race of sao, not of the module)."""
        self.page.evaluate('document.activeElement.blur()')
        self.idle()
        tab.locator(f'button[name="{button}"]').click()
        self.idle()

    def idle(self, quiet=0.5, timeout=30):
        """Wait until no request has been pending for QUIET seconds: after a
        button sao reloads the record, which would undo faster typing."""
        still = waited = 0
        while still < quiet:
            assert waited < timeout, f"sao still busy: {self.pending}"
            self.page.wait_for_timeout(100)
            waited += 0.1
            still = 0 if self.pending else still + 0.1


@pytest.fixture
def web(browser, artifacts):
    page = browser.new_page(viewport={'width': 1400, 'height': 900})
    page.set_default_timeout(20_000)
    web = WebClient(page, artifacts)
    yield web
    web.shot('last')  # the screen as the test left it, even on failure
    page.close()


def login(page, server, user):
    page.goto(server.url)
    page.wait_for_selector('#database:visible')
    database = page.locator('#database:visible')
    if database.evaluate('e => e.tagName') == 'SELECT':
        database.select_option(server.database)
    elif database.is_editable():
        database.fill(server.database)
    expect(database).to_have_value(server.database)
    page.fill('#login', user)
    page.click('button[type=submit]')
    page.fill('#ask-dialog-entry', PASSWORD)
    page.keyboard.press('Enter')
    page.wait_for_selector('#menu tbody tr')


def pick(tab, name, text):
    "Type into a Many2One and choose the completion that shows TEXT."
    field = tab.locator(f'input[name="{name}"]')
    field.click()
    field.press_sequentially(text, delay=20)
    tab.locator(f'input[name="{name}"] ~ ul li.completion',
        has_text=text).first.click()


def note_dialog(page, title):
    """The dialog a button opens for its note (its title the button's label
    and the complaint's number), once shown."""
    dialog = page.locator('.modal-dialog',
        has=page.locator('textarea[name="note"]')).last
    expect(dialog.locator('.modal-header')).to_contain_text(title)
    return dialog


def give_note(web, dialog, note):
    "Write the note in the dialog and confirm it, in the dialog's words."
    dialog.locator('textarea[name="note"]').fill(note)
    buttons = dialog.locator('.modal-footer button')
    expect(buttons).to_have_text(['Batal', 'Kirim'])
    buttons.filter(has_text='Kirim').click()
    web.idle()


def refusal(page, text):
    "The error dialog sao shows for a refusal of the server saying TEXT."
    dialog = page.locator('.modal-dialog', has_text=text).last
    expect(dialog).to_be_visible()
    return dialog


def open_complaint(web, server, complaint_id):
    "The complaint's form in a tab of its own, loaded."
    page = web.page
    page.evaluate(f"window.location.hash = "
        f"'#{server.database}/model/{COMPLAINT}/{complaint_id}'")
    form = page.locator('.tab-pane.active')
    form.locator('input[name="number"]').wait_for()
    web.idle()
    return form


def show_page_of(tab, name):
    "Open the notebook page that holds the field NAME."
    pane = tab.locator(f'[name="{name}"]').first.evaluate(
        "e => e.closest('[role=tabpanel]').id")
    tab.locator(f'a[aria-controls="{pane}"]').click()


def test_walk_in_complaint_escalated(server, web):
    page, shot = web.page, web.shot
    rpc = server.login('petugas')
    party, = rpc.model('party.party', 'search_read', [], 0, 1, None,
        ['rec_name'])
    category, = rpc.model('yankomas.complaint.category', 'search_read', [],
        0, 1, None, ['rec_name'])
    states = dict(rpc.model('yankomas.complaint', 'fields_get',
            ['state'])['state']['selection'])

    login(page, server, 'petugas')
    shot('logged-in')
    page.evaluate(f"window.location.hash = "
        f"'#{server.database}/model/yankomas.complaint'")
    tab = page.locator('.tab-pane.active')
    tab.locator('.tab-form').wait_for()
    shot('list')

    tab.locator('button#new_').click()
    channel = tab.locator('select[name="channel"]')
    expect(channel).to_have_value(json.dumps('walk_in'))
    tab.locator('input[name="subject"]').fill(
        "Loket pengambilan paspor tutup sebelum waktunya")
    pick(tab, 'complainant', party['rec_name'])
    tab.locator('button#save').click()
    web.idle()
    number = tab.locator('input[name="number"]')
    expect(number).not_to_have_value('')
    number = number.input_value()
    state = tab.locator('select[name="state"]')
    expect(state).to_have_value(json.dumps('reception'))
    shot('saved')

    expect(tab.locator('button[name="direct"]')).to_have_text(
        "Arahkan ke Petugas")
    web.press(tab, 'direct')
    expect(state).to_have_value(json.dumps('intake'))
    tab.locator('select[name="id_type"]').select_option(json.dumps('nik'))
    tab.locator('input[name="id_number"]').fill('3527014107900001')
    tab.locator('textarea[name="address"]').fill('Jl. Diponegoro 12, Kediri')
    show_page_of(tab, 'category')
    pick(tab, 'category', category['rec_name'])
    tab.locator('textarea[name="description"]').fill(
        "Loket ditutup pukul 14.00, padahal jadwal layanan sampai 16.00.")
    tab.locator('textarea[name="loss"]').fill("Tidak ada")
    tab.locator('textarea[name="requested_resolution"]').fill(
        "Loket dibuka sampai pukul 16.00.")
    # The form has no note of its own: the button asks for it.
    expect(tab.locator('textarea[name="note"]')).to_have_count(0)
    shot('form-complete')
    expect(tab.locator('button[name="escalate"]')).to_have_text(
        "Eskalasi ke Kasubsi")
    web.press(tab, 'escalate')
    dialog = note_dialog(page, f"Eskalasi ke Kasubsi ({number})")
    shot('escalate-note')
    give_note(web, dialog, "Perlu keputusan Kasubsi.")
    expect(dialog).to_be_hidden()
    expect(state).to_have_value(json.dumps('subsection'))
    shot('escalated')

    tab.locator('button#switch_').click()
    row = tab.locator('.treeview tbody tr', has_text=number)
    expect(row).to_contain_text(states['subsection'])
    shot('list-subsection')

    complaint, = rpc.model('yankomas.complaint', 'search_read',
        [('number', '=', number)], 0, None, None,
        ['state', 'channel', 'complainant', 'id_number', 'steps'])
    assert complaint['state'] == 'subsection'
    assert complaint['channel'] == 'walk_in'
    assert complaint['complainant'] == party['id']
    assert complaint['id_number'] == '3527014107900001'
    steps = rpc.model('yankomas.complaint.step', 'read', complaint['steps'],
        ['step', 'ended', 'note'])
    by_step = {s['step']: s for s in steps}
    assert set(by_step) == {'reception', 'intake', 'subsection'}
    assert by_step['intake']['note'] == "Perlu keputusan Kasubsi."
    assert by_step['intake']['ended'] and not by_step['subsection']['ended']


def open_menu(page, *path):
    """Click through the menu entries PATH (their Indonesian names); each
    click waits for its entry to be shown."""
    for name in path:
        page.locator('#menu tbody tr', has_text=re.compile(
                r'^\s*%s\s*$' % re.escape(name))).first.click()


def test_task_opens_its_complaint(server, web):
    """A task of My Tasks opens its complaint in a tab of its own, ready to
    act on; the form fits a laptop's screen and numbers show whole."""
    petugas = server.login('petugas')
    complaint_id, = petugas.model(COMPLAINT, 'create', [dict(
                complete_form(petugas), channel='phone',
                subject="Uji tugas Kasubsi")])
    petugas.model(COMPLAINT, 'act', [complaint_id], 'escalate',
        "Perlu keputusan Kasubsi.")
    number, = [c['number'] for c in petugas.model(
            COMPLAINT, 'read', [complaint_id], ['number'])]
    page = web.page
    page.set_viewport_size({'width': 1366, 'height': 768})

    login(page, server, 'kasubsi')
    open_menu(page, 'Pengaduan (Yankomas)', 'Tugas Saya')
    tasks = page.locator('.tab-pane.active')
    cell = tasks.locator('.treeview tbody tr td', has_text=number).first
    expect(cell).to_be_visible()
    assert cell.evaluate('e => e.scrollWidth <= e.clientWidth'), \
        "the complaint number is cut in My Tasks"
    web.shot('my-tasks')
    cell.dblclick()

    form = page.locator('.tab-pane.active')
    expect(form.locator('input[name="number"]')).to_have_value(number)
    web.idle()
    web.shot('task-complaint')
    # The complainant's page, address and confidentiality included, is on
    # the screen without scrolling.
    for name in ['address', 'confidential']:
        box = form.locator(f'[name="{name}"]').first.bounding_box()
        assert box and box['y'] + box['height'] <= 768, name
    web.press(form, 'decide')
    dialog = note_dialog(page, f"Putuskan ({number})")
    note = dialog.locator('textarea[name="note"]')
    expect(note).to_be_editable()
    # The note has room for a decision of a few lines, on a laptop too.
    box = note.bounding_box()
    assert box['height'] >= 80 and box['width'] >= 600, box
    assert box['y'] + box['height'] <= 768, box
    note.fill("Jadwal wawancara ditambah pada hari Sabtu.")
    web.shot('decide-note')
    give_note(web, dialog, "Jadwal wawancara ditambah pada hari Sabtu.")
    expect(dialog).to_be_hidden()
    state, = [c['state'] for c in petugas.model(
            COMPLAINT, 'read', [complaint_id], ['state'])]
    assert state != 'subsection'
    kasubsi = server.login('kasubsi')
    steps = kasubsi.model('yankomas.complaint.step', 'search_read',
        [('complaint', '=', complaint_id), ('step', '=', 'subsection')],
        0, None, None, ['note', 'action'])
    assert [(s['note'], s['action']) for s in steps] == [
        ("Jadwal wawancara ditambah pada hari Sabtu.", 'decide')]


def test_press_on_a_complaint_moved_meanwhile(server, web):
    """kasubsi has two complaints open at intake; the officer escalates them
    behind the page's back (JSON-RPC, another session). Batalkan on the
    stale page is refused, and so is the note of a dialog opened before the
    escalation: sao shows the message naming who moved the complaint and
    when, and nothing more is done"""
    petugas = server.login('petugas')
    who = petugas.model('res.user', 'get_preferences', False)['name']
    moved = re.compile(r'sudah diproses oleh %s pada '
        r'\d\d/\d\d/\d{4} \d\d:\d\d WIB' % re.escape(who))
    stale, opened = petugas.model(COMPLAINT, 'create', [dict(
                complete_form(petugas), channel='phone',
                subject="Uji diproses orang lain %s" % n) for n in (1, 2)])
    page = web.page
    page.set_viewport_size({'width': 1366, 'height': 768})
    login(page, server, 'kasubsi')

    def escalate(complaint_id):
        petugas.model(COMPLAINT, 'act', [complaint_id], 'escalate',
            "Perlu keputusan Kasubsi.")

    def cancel(form):
        "Batalkan: its dialog asks for the note, no question before it."
        web.press(form, 'cancel')
        web.idle()

    def only_the_escalation(complaint_id):
        steps = petugas.model('yankomas.complaint.step', 'search_read',
            [('complaint', '=', complaint_id)], 0, None, None,
            ['step', 'action', 'note'])
        assert [(s['step'], s['action'], s['note']) for s in steps] == [
            ('intake', 'escalate', "Perlu keputusan Kasubsi."),
            ('subsection', None, None)]

    # The button of a page that still shows the complaint at intake.
    form = open_complaint(web, server, stale)
    escalate(stale)
    cancel(form)
    error = refusal(page, 'sudah diproses oleh')
    expect(error).to_contain_text(moved)
    expect(error).to_contain_text('Dieskalasi ke Kasubsi')
    expect(page.locator('.modal-dialog textarea[name="note"]')).to_have_count(0)
    web.shot('moved-meanwhile-button')
    error.locator('button').first.click()
    expect(error).to_be_hidden()
    web.idle()
    only_the_escalation(stale)

    # The dialog open while the complaint is escalated: its note refused.
    form = open_complaint(web, server, opened)
    number = form.locator('input[name="number"]').input_value()
    cancel(form)
    dialog = note_dialog(page, f"({number})")
    escalate(opened)
    give_note(web, dialog, "Pengadu membatalkan lewat telepon.")
    error = refusal(page, 'sudah diproses oleh')
    expect(error).to_contain_text(moved)
    web.shot('moved-meanwhile-dialog')
    only_the_escalation(opened)
