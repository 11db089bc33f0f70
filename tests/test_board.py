"""The board page (/<database>/yankomas/board) on a running server: its
session check, office isolation, two moves of one card at the same moment,
and the kanban and pivot in Debian's Chromium as the head of subsection
(kasubsi) uses them.

Screenshots go to tests/artifacts/ (<backend>-board-*.png).
"""
import csv
import io
import json
import re
import threading
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from conftest import BACKEND, PASSWORD, RPCError
from test_browser import browser, login  # noqa: F401 (fixture)
from test_rpc import complete_form

COMPLAINT = 'yankomas.complaint'


def board_url(server, path=''):
    return f'{server.url}{server.database}/yankomas/board{path}'


def http(url, data=None, auth=None, cookie=None):
    "(status, body) of a request to the board's routes."
    headers = {'X-Requested-With': 'XMLHttpRequest'}
    if data is not None:
        data = json.dumps(data).encode()
        headers['Content-Type'] = 'application/json'
    if auth:
        headers['Authorization'] = auth
    if cookie:
        headers['Cookie'] = cookie
    request = urllib.request.Request(url, data, headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode('utf-8-sig')
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def own_complaint(server, state):
    """A phone complaint of the test's own, taken by petugas over JSON-RPC
    and brought to state (intake or subsection)."""
    petugas = server.login('petugas')
    complaint_id, = petugas.model(COMPLAINT, 'create', [dict(
                complete_form(petugas), channel='phone',
                subject="Uji papan %s" % state)])
    if state == 'subsection':
        petugas.model(COMPLAINT, 'act', [complaint_id], 'escalate',
            "Perlu keputusan Kasubsi.")
    return complaint_id


def own_card(page, server, state):
    "(id, card) of a new complaint at state, on the reloaded board page."
    complaint_id = own_complaint(server, state)
    page.reload()
    target = column(page, state).locator(f'.card[data-id="{complaint_id}"]')
    target.wait_for()
    return complaint_id, target


def search_count(client, domain):
    return client.model(COMPLAINT, 'search_count', domain)


@pytest.fixture(scope='module')
def kasubsi(server):
    return server.login('kasubsi')


@pytest.fixture(scope='module')
def other_office(server):
    """A second office with its own officer and one complaint, made by the
    administrator over JSON-RPC; returns (officer's client, complaint id)."""
    admin = server.login('admin')
    currency, = admin.model('currency.currency', 'search',
        [('code', '=', 'IDR')], 0, 1, None)
    party, = admin.model('party.party', 'create',
        [{'name': "Kantor Imigrasi Sumenep"}])
    company, = admin.model('company.company', 'create',
        [{'party': party, 'currency': currency}])
    sequence_type = admin.model('ir.model.data', 'get_id',
        'yankomas_complaint', 'sequence_type_complaint')
    # The administrator works in the new office while setting it up.
    home = admin.context['company']
    admin.model('res.user', 'write', [admin.user_id],
        {'companies': [('add', [company])], 'company': company})
    admin.context.update(company=company)
    sequence, = admin.model('ir.sequence.strict', 'create', [{
                'name': "Pengaduan Sumenep", 'company': company,
                'sequence_type': sequence_type, 'prefix': 'PGD/SMP/',
                'padding': 5}])
    admin.model('yankomas.configuration', 'write', [1],
        {'complaint_sequence': sequence})
    admin.model('res.user', 'write', [admin.user_id], {'company': home})
    admin.context.update(company=home)
    group = admin.model('ir.model.data', 'get_id',
        'yankomas_complaint', 'group_petugas')
    admin.model('res.user', 'create', [{
                'login': 'petugas_smp', 'name': "Petugas Sumenep",
                'password': PASSWORD, 'companies': [('add', [company])],
                'company': company, 'groups': [('add', [group])]}])
    officer = server.login('petugas_smp')
    party, = officer.model('party.party', 'create', [{'name': "Pengadu"}])
    complaint, = officer.model(COMPLAINT, 'create', [{
                'channel': 'phone', 'subject': "Pengaduan kantor lain",
                'complainant': party}])
    return officer, complaint


def session_header(client):
    return client.auth


def test_refused_without_a_valid_session(server):
    "Every route answers 401 without a session or with a forged one"
    forged = 'tryton_session=kasubsi:3:not-a-session'
    for path in ['', '/static/board.js', '/setup', '/data', '/pivot',
            '/pivot.csv?rows=state&cols=category', '/cards?state=intake']:
        assert http(board_url(server, path))[0] == 401, path
        assert http(board_url(server, path), cookie=forged)[0] == 401, path
    status, _ = http(board_url(server, '/move'),
        {'complaint': 1, 'source': 'intake', 'target': 'done', 'note': 'x'})
    assert status == 401


def plain_get(url, language):
    """(status, headers, body) of a GET as a browser sends it, with no
    session: no X-Requested-With, its Accept-Language."""
    request = urllib.request.Request(url, headers={
            'Accept': 'text/html', 'Accept-Language': language})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_signin_page_without_a_session(server):
    """Opened without a session (from the desktop client), the board answers
    a page in the visitor's language, not a Basic challenge the browser
    would ask in English"""
    for language, needed, field in [
            ('id-ID,id;q=0.9,en;q=0.8', "Masuk untuk membuka papan pengaduan",
                "Kata sandi"),
            # An office's English browser that still accepts Indonesian.
            ('en-US,en;q=0.9,id;q=0.5', "Masuk untuk membuka papan pengaduan",
                "Kata sandi"),
            ('en-GB,en;q=0.9', "Sign in to open the complaint board",
                "Password")]:
        status, headers, body = plain_get(board_url(server), language)
        assert status == 401, language
        assert 'WWW-Authenticate' not in headers, language
        assert headers['Content-Type'].startswith('text/html')
        assert needed in body and field in body, language
        assert f'href="/#{server.database}"' in body
    # Its style and script come without a session; the board's do not.
    for path in ['/static/board.css', '/static/signin.js']:
        assert plain_get(board_url(server, path), 'id')[0] == 200, path
    status, headers, _ = plain_get(board_url(server, '/static/board.js'), 'id')
    assert status == 401
    # Scripts keep Tryton's answer on the data routes.
    status, headers, _ = plain_get(board_url(server, '/data'), 'id')
    assert status == 401 and 'WWW-Authenticate' in headers


def test_signin_leads_to_the_board(server, browser, artifacts):  # noqa: F811
    "In a browser with no session: the page, a wrong password, the board"
    context = browser.new_context(viewport={'width': 1366, 'height': 768},
        locale='id-ID')
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors = []
    page.on('pageerror', lambda error: errors.append(str(error)))
    page.goto(board_url(server) + '?overdue=1')
    form = page.locator('#signin')
    expect(form).to_be_visible()
    expect(page.locator('main h2')).to_have_text(
        "Masuk untuk membuka papan pengaduan")
    expect(page.locator('#web-client')).to_have_text(
        "Atau masuk melalui klien web")
    expect(page.locator('#signin-login')).to_be_focused()
    page.screenshot(path=artifacts / f'{BACKEND}-board-signin.png')

    page.fill('#signin-login', 'kasubsi')
    page.fill('#signin-password', 'not-the-password')
    page.keyboard.press('Enter')
    expect(page.locator('#signin-status')).to_have_text(
        "Nama pengguna atau kata sandi salah.")
    page.screenshot(path=artifacts / f'{BACKEND}-board-signin-wrong.png')

    page.fill('#signin-password', PASSWORD)
    page.keyboard.press('Enter')
    expect(page.locator('h1')).to_have_text('Papan Pengaduan')
    page.locator('.column').first.wait_for()
    # Back on the board asked for, its filter kept.
    assert page.url == board_url(server) + '?overdue=1'
    expect(page.locator('#filters input[name=overdue]')).to_be_checked()
    page.screenshot(path=artifacts / f'{BACKEND}-board-signed-in.png')
    context.close()
    assert not errors, errors


def test_only_the_users_office(server, kasubsi, other_office):
    "Each office's board holds its own complaints only, and moves only them"
    officer, foreign = other_office
    status, body = http(board_url(server, '/data'),
        auth=session_header(kasubsi))
    assert status == 200
    columns = json.loads(body)['columns']
    ids = {c['id'] for column in columns for c in column['cards']}
    assert foreign not in ids
    for column in columns:
        assert column['count'] == search_count(
            kasubsi, [('state', '=', column['state'])]), column['state']
    assert all(c['number'].startswith('PGD/PMK/')
        for column in columns for c in column['cards'])

    status, body = http(board_url(server, '/data'),
        auth=session_header(officer))
    assert status == 200
    cards = [c for column in json.loads(body)['columns']
        for c in column['cards']]
    assert [c['id'] for c in cards] == [foreign]
    status, body = http(board_url(server, '/pivot?rows=state&cols=category'),
        auth=session_header(officer))
    assert json.loads(body)['totals']['total']['count'] == 1

    status, body = http(board_url(server, '/move'), {
            'complaint': foreign, 'source': 'intake', 'target': 'cancelled',
            'note': "Bukan wewenang."}, auth=session_header(kasubsi))
    assert status == 400
    assert 'tidak dapat Anda lihat' in json.loads(body)['message']
    state, = officer.model(COMPLAINT, 'read', [foreign], ['state'])
    assert state['state'] == 'intake'


def test_menu_opens_the_board(server, kasubsi):
    "The menu entry is the board's address on the server the client uses"
    menus = kasubsi.model('ir.ui.menu', 'search_read',
        [('name', '=', 'Papan Pengaduan')], 0, None, None, ['action'])
    assert len(menus) == 1
    action_id = int(menus[0]['action'].split(',')[1])
    action = kasubsi.call('model.ir.action.get_action_value',
        action_id, {})
    assert action['url'] == board_url(server)
    duta = server.login('duta')
    assert not duta.model('ir.ui.menu', 'search',
        [('name', '=', 'Papan Pengaduan')], 0, None, None)


@pytest.fixture
def board(browser, server, artifacts, request):  # noqa: F811
    "The board page of kasubsi, logged in through the web client."
    context = browser.new_context(viewport={'width': 1366, 'height': 768})
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors = []
    page.on('pageerror', lambda error: errors.append(str(error)))
    login(page, server, 'kasubsi')
    page.goto(board_url(server))
    page.locator('.card').first.wait_for()
    shots = []

    def shot(name):
        shots.append(name)
        test = request.node.name[len('test_'):]
        page.screenshot(path=artifacts
            / f'{BACKEND}-board-{test}-{len(shots):02}-{name}.png')
    page.shot = shot
    yield page
    shot('last')
    context.close()
    assert not errors, errors


def column(page, state):
    return page.locator(f'.column[data-state="{state}"]')


def card(page, complaint_id):
    return page.locator(f'.card[data-id="{complaint_id}"]')


def test_drag_to_section_with_a_note(server, kasubsi, board):
    "kasubsi drags a card from subsection to section and gives the note"
    page = board
    expect(page.locator('h1')).to_have_text('Papan Pengaduan')
    expect(column(page, 'subsection').locator('h2')).to_contain_text(
        '3. Penanganan Kasubsi')
    complaint_id, first = own_card(page, server, 'subsection')
    page.shot('kanban')

    first.drag_to(column(page, 'section'))
    dialog = page.locator('#note-dialog')
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text('Minta Arahan Kasi')
    page.fill('#note-text', "Mohon arahan Kasi atas perubahan alamat.")
    page.shot('note')
    dialog.locator('button[type=submit]').click()

    expect(page.locator('#status')).to_contain_text('Minta Arahan Kasi')
    expect(card(page, complaint_id)).to_have_attribute('data-state', 'section')
    expect(column(page, 'section').locator(
        f'.card[data-id="{complaint_id}"]')).to_be_visible()
    page.shot('moved')
    complaint, = kasubsi.model(COMPLAINT, 'read', [complaint_id],
        ['state', 'steps'])
    assert complaint['state'] == 'section'
    steps = kasubsi.model('yankomas.complaint.step', 'read',
        complaint['steps'], ['step', 'note', 'action'])
    subsection, = [s for s in steps if s['step'] == 'subsection']
    assert subsection['action'] == 'request_direction'
    assert subsection['note'] == "Mohon arahan Kasi atas perubahan alamat."


def test_refused_move_goes_back(server, kasubsi, board):
    "A Petugas move dragged by kasubsi: the server's message, card returns"
    page = board
    complaint_id, first = own_card(page, server, 'intake')
    first.drag_to(column(page, 'done'))
    error = page.locator('#error-dialog')
    expect(error).to_be_visible()
    expect(error).to_contain_text('Selesaikan di Pos Yankomas')
    expect(error).to_contain_text('Petugas Yankomas')
    expect(column(page, 'intake').locator(
        f'.card[data-id="{complaint_id}"]')).to_be_visible()
    page.shot('refused')
    error.locator('button').click()
    expect(error).to_be_hidden()
    expect(column(page, 'intake').locator(
        f'.card[data-id="{complaint_id}"]')).to_be_visible()
    state, = kasubsi.model(COMPLAINT, 'read', [complaint_id], ['state'])
    assert state['state'] == 'intake'


def test_keyboard_move(server, kasubsi, board):
    "Without a mouse: focus a card, Enter, choose the column, write the note"
    page = board
    complaint_id, target = own_card(page, server, 'subsection')
    target.focus()
    page.keyboard.press('Enter')
    expect(page.locator('#move-dialog')).to_be_visible()
    page.select_option('#move-target', 'resolution')
    page.keyboard.press('Enter')
    expect(page.locator('#note-dialog')).to_be_visible()
    page.keyboard.type("Diputuskan: kode billing baru diterbitkan.")
    page.keyboard.press('Tab')
    page.keyboard.press('Tab')
    page.keyboard.press('Enter')
    expect(card(page, complaint_id)).to_have_attribute(
        'data-state', 'resolution')
    expect(card(page, complaint_id)).to_be_focused()
    state, = kasubsi.model(COMPLAINT, 'read', [complaint_id], ['state'])
    assert state['state'] == 'resolution'


def test_referral_names_the_agency(server, kasubsi, board):
    "A move to Diteruskan asks for the agency too, and records it"
    page = board
    complaint_id, target = own_card(page, server, 'subsection')
    target.focus()
    page.keyboard.press('Enter')
    page.select_option('#move-target', 'referred')
    page.keyboard.press('Enter')
    dialog = page.locator('#note-dialog')
    expect(dialog).to_be_visible()
    expect(page.locator('#agency-text')).to_be_visible()
    expect(dialog).to_contain_text('Diteruskan kepada (instansi yang berwenang)')
    page.fill('#note-text', "Perbaikan data kependudukan: kewenangan Dukcapil.")
    page.fill('#agency-text', "Dukcapil Kabupaten Pamekasan")
    page.shot('referral')
    dialog.locator('button[type=submit]').click()
    expect(page.locator('#status')).to_contain_text('Teruskan ke Instansi Lain')
    complaint, = kasubsi.model(COMPLAINT, 'read', [complaint_id],
        ['state', 'referred_to'])
    assert complaint == {'id': complaint_id, 'state': 'referred',
        'referred_to': "Dukcapil Kabupaten Pamekasan"}


def test_pivot_totals_are_the_database_counts(server, kasubsi, board):
    "Category by state: every total is the count the database gives"
    page = board
    page.click('#tab-pivot')
    table = page.locator('#pivot-table')
    table.locator('tbody tr').first.wait_for()
    page.shot('pivot')
    header = [t.strip() for t in table.locator('thead th').all_inner_texts()]
    totals = [t.strip() for t in table.locator('tfoot tr > *').all_inner_texts()]
    assert totals[0] == 'Total' and header[-1] == 'Total'
    assert int(totals[-1]) == search_count(kasubsi, [])
    states = dict(kasubsi.model(COMPLAINT, 'fields_get',
            ['state'])['state']['selection'])
    by_label = {v: k for k, v in states.items()}
    for label, total in zip(header[1:-1], totals[1:-1]):
        assert int(total) == search_count(
            kasubsi, [('state', '=', by_label[label])]), label
    rows = table.locator('tbody tr')
    assert sum(int(rows.nth(i).locator('td').last.inner_text())
        for i in range(rows.count())) == int(totals[-1])

    href = page.get_attribute('#csv', 'href')
    response = page.request.get(server.url.rstrip('/') + href)
    assert response.ok
    lines = list(csv.reader(io.StringIO(
                response.body().decode('utf-8-sig'))))
    assert lines[0] == header
    assert lines[-1] == totals

    page.select_option('#pivot-form select[name=rows]', 'step')
    page.select_option('#pivot-form select[name=measure]', 'on_time')
    expect(table.locator('thead th').first).to_have_text('Tahap \\ Status')
    expect(table.locator('tfoot td').last).to_have_text(
        re.compile(r'^[0-9]+%$'))
    page.shot('pivot-on-time')


@pytest.mark.parametrize('size', [(1366, 768), (768, 1024)],
    ids=['laptop', 'tablet'])
def test_fits_the_screen(server, browser, artifacts, size):  # noqa: F811
    "On a laptop all eight columns fit; on a tablet they scroll sideways"
    width, height = size
    context = browser.new_context(viewport={'width': width, 'height': height})
    page = context.new_page()
    login(page, server, 'kasubsi')
    page.goto(board_url(server))
    page.locator('.card').first.wait_for()
    page.screenshot(
        path=artifacts / f'{BACKEND}-board-{width}x{height}.png')
    # The page itself never scrolls sideways: only the columns do.
    assert page.evaluate('document.documentElement.scrollWidth') <= width
    kanban = page.locator('#kanban')
    if width >= 1366:
        assert kanban.evaluate('e => e.scrollWidth <= e.clientWidth')
    for name in ['category', 'channel', 'officer']:
        assert page.locator(f'#filters select[name={name}]').is_visible()
    context.close()


def user_name(client):
    return client.model('res.user', 'get_preferences', False)['name']


@pytest.mark.skipif(BACKEND != 'postgresql', reason="SQLite: Complaint."
    "transit does not serialise two moves of one complaint there "
    "(serialise.lock is PostgreSQL's row lock only): the later acts on what "
    "it read before the first committed (both done, two steps open; or 403 "
    "'already closed' instead of who moved it)")
def test_two_moves_at_once(server):
    """The same card moved from the same column by two users at the same
    moment, kasubsi to Kasi and petugas to Dibatalkan, both moves they may
    make: exactly one is done, the other refused with the complaint's
    message naming who moved it and when, and the history has one move
    (the step left once, one step open at most)"""
    users = {login: server.login(login) for login in ('kasubsi', 'petugas')}
    names = {login: user_name(client) for login, client in users.items()}
    moves = {
        'kasubsi': ('section', 'request_direction', "Mohon arahan Kasi."),
        'petugas': ('cancelled', 'cancel', "Pengadu membatalkan."),
        }
    for _ in range(3):
        complaint_id = own_complaint(server, 'subsection')
        start = threading.Barrier(len(moves))
        answers = {}

        def move(login):
            target, _, note = moves[login]
            body = {'complaint': complaint_id, 'source': 'subsection',
                'target': target, 'note': note}
            start.wait()
            answers[login] = http(board_url(server, '/move'), body,
                auth=session_header(users[login]))
        threads = [threading.Thread(target=move, args=(login,))
            for login in moves]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        done = [login for login, (status, _) in answers.items()
            if status == 200]
        refused = [login for login, (status, _) in answers.items()
            if status == 400]
        assert len(done) == 1 and len(refused) == 1, answers
        (winner,), (loser,) = done, refused
        message = json.loads(answers[loser][1])['message']
        assert re.search(r'sudah diproses oleh %s pada '
            r'\d\d/\d\d/\d{4} \d\d:\d\d WIB' % re.escape(names[winner]),
            message), message
        target, action, note = moves[winner]
        complaint, = users['kasubsi'].model(COMPLAINT, 'read',
            [complaint_id], ['state', 'steps'])
        assert complaint['state'] == target
        steps = users['kasubsi'].model('yankomas.complaint.step', 'read',
            complaint['steps'], ['step', 'action', 'note', 'ended'])
        assert [(s['action'], s['note']) for s in steps
            if s['step'] == 'subsection'] == [(action, note)]
        assert [s['step'] for s in steps if not s['ended']] == (
            [target] if target == 'section' else [])


def test_bad_requests(server, kasubsi):
    auth = session_header(kasubsi)
    status, body = http(board_url(server, '/pivot?rows=password&cols=state'),
        auth=auth)
    assert status == 400 and 'password' in json.loads(body)['message']
    for query in ['category=abc', 'category=%d' % 10 ** 30,
            'officer=-5', 'category=99999999999']:
        status, body = http(board_url(server, '/data?' + query), auth=auth)
        assert status == 400 and json.loads(body)['message'], query
    for name in ['tryton.cfg', 'board.html']:
        status, _ = http(board_url(server, '/static/' + name), auth=auth)
        assert status == 404, name
    with pytest.raises(RPCError):
        kasubsi.model('yankomas.board', 'move', 10 ** 9, 'intake', 'done', '')
    # Malformed moves are refused, not a server error.
    for move in [[1, 2], {'complaint': 1, 'source': 'intake',
                'target': ['done'], 'note': ''},
            {'complaint': 1, 'source': 'intake', 'target': 'done',
                'note': 123}]:
        status, _ = http(board_url(server, '/move'), move, auth=auth)
        assert status == 400, move
    # A column the board does not have is named, not taken for a move.
    status, body = http(board_url(server, '/move'), {
            'complaint': own_complaint(server, 'intake'), 'source': 'nowhere',
            'target': 'done', 'note': 'x'}, auth=auth)
    assert status == 400 and '"nowhere"' in json.loads(body)['message']


def test_refreshes_itself(server, browser):  # noqa: F811
    "A complaint taken by the officer appears on kasubsi's board by itself"
    petugas = server.login('petugas')
    context = browser.new_context(viewport={'width': 1366, 'height': 768})
    page = context.new_page()
    page.clock.install()
    login(page, server, 'kasubsi')
    page.goto(board_url(server))
    intake = column(page, 'intake').locator('h2 .count').first
    intake.wait_for()
    before = int(intake.inner_text())
    party, = petugas.model('party.party', 'search', [], 0, 1, None)
    complaint, = petugas.model(COMPLAINT, 'create', [{
                'channel': 'phone', 'subject': "Telepon masuk",
                'complainant': party}])
    page.clock.fast_forward('00:20')
    assert int(intake.inner_text()) == before
    page.clock.fast_forward('00:11')
    expect(intake).to_have_text(str(before + 1))
    expect(card(page, complaint)).to_be_visible()
    context.close()
