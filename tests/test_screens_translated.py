"""No English on the screens of the five roles (issue 15): the web client
(sao) in Debian's Chromium opens, as each demo user, every entry of the menu
the user is shown, each view of its window (list, form of the first record,
graph, dashboard) or the first page of its wizard, and the user's
preferences; it reads the menu, tab titles, column headers, form labels,
notebook tabs, separators, buttons, selection choices, graph legends and the
action, relate and print menus of the toolbar, and fails on any of them
that is still the English source of a string the server sends (fields,
views, selections, menus, actions, wizard buttons of every module, Tryton's
own included), unless the word is the same in Indonesian (ALLOWED). No
JavaScript error and no error answered by the server while doing it.

sao's own words are read too, on each of those screens (the tooltips of its
toolbar and of its widgets' buttons, the search box's placeholder, the
filters button, the toolbar's drop-down menus, the tab's close button), and
once on a list with the navigation bar, its user menu and the "Processing"
notice (test_sao_own_words): they fail when still the English source of
sao's catalogue (var/sao/locale/messages.pot) where its Indonesian
(sao/locale/id.po) is another word.
Entries that open another page (ir.action.url: the board) are left to
tests/test_board.py.

The words on a screen do not depend on the database: the run on SQLite
reads them; the PostgreSQL run of `make test` leaves this file out.
"""
import re
from pathlib import Path

import polib
import pytest
from playwright.sync_api import expect

import test_browser
from conftest import BACKEND

pytestmark = pytest.mark.skipif(BACKEND != 'sqlite',
    reason="the translations are the same on every database")

browser = test_browser.browser
web = test_browser.web

ROLES = ['duta', 'petugas', 'kasubsi', 'kasi', 'kakan']
# Words an Indonesian office writes as the English source does.
ALLOWED = {
    # Identity numbers and media the office names as they are (issue 15).
    'NIP', 'NIK', 'E-mail', 'WhatsApp',
    # Indonesian already: the language's own name.
    'Bahasa Indonesia',
    # The same word in Indonesian (KBBI): months, terms of statistics and
    # of the calendar, the visa the office issues.
    'April', 'September', 'November', 'Semester', 'Median', 'Visa', 'OK',
    'Status', 'Menu', 'Filter',
    # A record's number in the database, as Indonesian software writes it.
    'ID',
    # Roman numerals: the quarters and semesters of a recap period.
    'I', 'II', 'III', 'IV',
    # Names of networks and protocols, as their users write them.
    'URL', 'Skype', 'SIP', 'IRC', 'Jabber', 'SP4N-LAPOR!',
    # The language list of the preferences names each language in itself.
    'English',
    }
# The choices of a party identifier's type: Tryton's catalogue of about 170
# countries' tax and company numbers, named by their country; not read (an
# office offers only NPWP through the party configuration's Identifier
# Types, see README.md); read from that field, whose selection is static.
CATALOGUE = ('party.configuration', 'identifier_types')
SAO_TEMPLATE = Path(__file__).resolve().parent.parent / 'var' / 'sao' \
    / 'locale' / 'messages.pot'
SAO_CATALOGUE = Path(__file__).resolve().parent.parent / 'sao' / 'locale' \
    / 'id.po'

# What sao shows, read from the DOM of the active tab or the open dialog:
# (kind, text) pairs; texts of view elements only, not sao's own chrome.
READ_SCREEN = r"""
() => {
    const found = [];
    const text = (e) => {
        // The element's own words, without the count badge of a tab.
        const copy = e.cloneNode(true);
        copy.querySelectorAll('.badge, .sr-only').forEach(b => b.remove());
        return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    const add = (kind, e) => {
        const t = text(e);
        if (t) found.push([kind, t]);
    };
    const dialogs = [...document.querySelectorAll('.modal.in')];
    const roots = dialogs.length ? [dialogs[dialogs.length - 1]]
        : [...document.querySelectorAll('#tabcontent .tab-pane.active')];
    for (const root of roots) {
        root.querySelectorAll('.modal-title').forEach(e => add('title', e));
        root.querySelectorAll('.modal-footer button').forEach(
            e => add('button', e));
        for (const view of root.querySelectorAll(
                '.content-box, .modal-body')) {
            view.querySelectorAll('label').forEach(e => add('label', e));
            view.querySelectorAll('legend, .form-separator').forEach(
                e => add('separator', e));
            // Buttons of the view (sao's own widget buttons have no name).
            view.querySelectorAll('button[name]').forEach(
                e => add('button', e));
            view.querySelectorAll('.nav-tabs a').forEach(e => add('tab', e));
            view.querySelectorAll('select option').forEach(
                e => add('choice', e));
            view.querySelectorAll('.bb-legend-item text, .panel-heading')
                .forEach(e => add('title', e));
        }
        root.querySelectorAll('.screen-container > .nav-tabs a').forEach(
            e => add('domain', e));
        // sao's own words: tooltips and placeholders of its toolbar,
        // search box and widgets, the filters button, drop-down menus.
        root.querySelectorAll('[title], [aria-label], [placeholder]')
            .forEach(e => {
                for (const name of ['title', 'aria-label', 'placeholder']) {
                    const t = (e.getAttribute(name) || '').trim();
                    if (t) found.push([`sao ${name}`, t]);
                }
            });
        root.querySelectorAll(
            '.tab-toolbar button, .filter-box button, .dropdown-menu a')
            .forEach(e => add('sao button', e));
        for (const menu of ['action', 'relate', 'print']) {
            root.querySelectorAll(
                `ul[aria-labelledby="${menu}"] a`).forEach(
                e => add(menu, e));
        }
    }
    const title = document.querySelector('#tablist li.active span[title]');
    if (title && !dialogs.length) {
        for (const part of title.getAttribute('title').split(' / ')) {
            found.push(['tab title', part.trim()]);
        }
        document.querySelectorAll('#tablist li.active [title]').forEach(
            e => found.push(['sao title', e.getAttribute('title').trim()]));
    }
    return found;
}
"""

# Sao shows every error the server answers through Sao.common.error.run.
WATCH_ERRORS = """
() => {
    window.yankomasErrors = [];
    const run = Sao.common.error.run.bind(Sao.common.error);
    Sao.common.error.run = (title, details) => {
        window.yankomasErrors.push(
            `${title}: ${JSON.stringify(details)}`.slice(0, 500));
        return run(title, details);
    };
}
"""

# Unfold the menu's folded entries as a click on their arrow does; how many.
UNFOLD_MENU = """
() => {
    let unfolded = 0;
    const walk = rows => {
        for (const row of rows) {
            if (row.tree.n_children(row) && !row.is_expanded()) {
                row.expand_row();
                unfolded++;
            }
            walk(row.rows);
        }
    };
    walk(Sao.main_menu_screen.current_view.rows);
    return unfolded;
}
"""

# The open tab's views: how many, and of which type the current one is.
VIEWS = """
() => {
    const screen = Sao.Tab.tabs.get_current().screen;
    if (!screen) {
        return [1, 'board', 0];  // a dashboard: its panels
    }
    return [screen.views.length + screen.view_to_load.length,
        screen.current_view.view_type, screen.group.length];
}
"""


def english_sources(server):
    """The English source of every string the server translates, as it
    sends them (a mnemonic's underscore removed, as sao shows it)."""
    admin = server.login('admin')
    sources = set()
    for row in admin.model('ir.translation', 'search_read', [
                ('lang', '=', 'en'),
                ('type', 'in', ['field', 'model', 'selection', 'view',
                        'wizard_button']),
                ], 0, None, None, ['src']):
        if row['src']:
            sources.add(row['src'].strip())
            sources.add(row['src'].replace('_', '').strip())
    return sources


def sao_sources():
    """The English source of sao's own strings where its Indonesian is
    another word (not "OK", "ID", "%1 (%2)"), as sao shows them."""
    indonesian = {e.msgid: e.msgstr
        for e in polib.pofile(str(SAO_CATALOGUE))}
    sources = set()
    for entry in polib.pofile(str(SAO_TEMPLATE)):
        if indonesian.get(entry.msgid) != entry.msgid:
            sources.add(entry.msgid.strip())
            sources.add(re.sub(r'\s*:$', '', entry.msgid.strip()))
    return sources


def catalogue(server):
    "The English labels of the choices that are not read (CATALOGUE)."
    admin = server.login('admin')
    model, field = CATALOGUE
    selection = admin.call(f'model.{model}.fields_get', [field],
        dict(admin.context, language='en'))[field]['selection']
    return {label for _, label in selection}


@pytest.fixture(scope='module')
def english(server):
    sao = sao_sources()
    return english_sources(server) | sao, catalogue(server), sao


class Screens:
    """One role's session in sao: opens what it is shown and keeps what it
    read that is still English, and every error."""

    def __init__(self, web, server, english):
        self.web, self.page = web, web.page
        self.english, self.catalogue, self.sao = english
        self.server, self.where = server, "login"
        self.english_found, self.errors = [], []
        self.page.on('pageerror', lambda e: self.errors.append(
                f"{self.where}: JavaScript error {e}"))

    def watch_errors(self):
        """Keep every error the server answers (sao shows each through
        Sao.common.error), once sao is loaded."""
        self.page.evaluate(WATCH_ERRORS)

    def check_errors(self):
        for error in self.page.evaluate(
                "() => window.yankomasErrors.splice(0)"):
            self.errors.append(f"{self.where}: the server answered {error}")
        if self.errors:
            pytest.fail('\n'.join(self.errors))

    def read(self, where):
        "Read the screen sao has finished drawing."
        self.where = where
        self.check_errors()
        for kind, text in self.page.evaluate(READ_SCREEN):
            text = re.sub(r'\s*[:*]$', '', text)
            if kind == 'choice' and text in self.catalogue:
                continue
            # A tooltip is sao's or a field's help (not read: see README.md)
            english = self.sao if kind.startswith('sao ') else self.english
            if text in english and text not in ALLOWED:
                self.english_found.append(f"{where}: {kind} {text!r}")

    def read_menu(self):
        "Unfold every entry of the menu, then read their names."
        self.where = "menu"
        for _ in range(10):  # levels of the menu
            if not self.page.evaluate(UNFOLD_MENU):
                break
            self.web.idle()
        else:
            pytest.fail("the menu does not stop unfolding")
        for name in self.page.locator(
                '#menu tbody .column-char').all_text_contents():
            name = name.strip()
            if name in self.english and name not in ALLOWED:
                self.english_found.append(f"menu: {name!r}")

    def open_entry(self, menu):
        """Open the menu entry as a click on it does and read each view it
        shows, the form on the first record."""
        where = self.where = menu['complete_name']
        tabs = self.page.locator('#tablist > li')
        count = tabs.count()
        self.page.evaluate(
            "id => Sao.Action.exec_keyword('tree_open',"
            " {model: 'ir.ui.menu', id: id}, null, false)", menu['id'])
        self.web.idle()
        if self.page.locator('.modal.in').count():
            # A wizard: its first page, then its cancelling button.
            self.read(f"{where} (wizard)")
            self.close_dialog()
            return
        expect(tabs).to_have_count(count + 1)
        views, view_type, records = self.page.evaluate(VIEWS)
        for n in range(views):
            self.read(f"{where} ({view_type})")
            switch = self.page.locator('.tab-pane.active button#switch_')
            if n == views - 1:
                break
            if view_type == 'tree' and records:
                self.page.locator(
                    '.tab-pane.active .treeview tbody tr').first.click()
                expect(switch).to_be_enabled()
            elif switch.is_disabled():
                break
            switch.click()
            self.web.idle()
            views, view_type, records = self.page.evaluate(VIEWS)
        self.page.locator('#tablist > li.active button.close').click()
        expect(tabs).to_have_count(count)

    def close_dialog(self):
        "Press the first button of the dialog: a wizard's cancel."
        self.page.locator('.modal.in').last.locator(
            '.modal-footer button').first.click()
        expect(self.page.locator('.modal.in')).to_have_count(0)

    def preferences(self):
        self.where = "preferences"
        self.page.evaluate('Sao.preferences()')
        self.page.locator('.modal.in .modal-body label').first.wait_for()
        self.web.idle()
        self.read("preferences")
        self.close_dialog()


@pytest.mark.parametrize('role', ROLES)
def test_no_english_on_screen(server, web, english, role):
    client = server.login(role)
    menus = [m for m in client.model('ir.ui.menu', 'search_read', [], 0,
            None, None, ['complete_name', 'action', 'childs'])
        if m['action'] and not m['action'].startswith('ir.action.url,')]
    assert menus, f"{role} is shown no menu entry"
    screens = Screens(web, server, english)
    test_browser.login(web.page, server, role)
    screens.watch_errors()
    screens.read_menu()
    for menu in sorted(menus, key=lambda m: m['complete_name']):
        screens.open_entry(menu)
    screens.preferences()
    assert not screens.errors, '\n'.join(screens.errors)
    assert not screens.english_found, (
        f"English on {role}'s screens:\n" + '\n'.join(
            dict.fromkeys(screens.english_found)))


# sao's words outside a tab: the navigation bar, its user menu (opened),
# the "Processing" notice (its text is written at the first request).
READ_SAO = r"""
() => {
    const found = [];
    for (const e of document.querySelectorAll(
            'nav [title], nav [aria-label], nav [placeholder]')) {
        for (const name of ['title', 'aria-label', 'placeholder']) {
            const t = (e.getAttribute(name) || '').trim();
            if (t) found.push([`navigation ${name}`, t]);
        }
    }
    for (const e of document.querySelectorAll('nav .dropdown-menu a')) {
        const t = e.textContent.replace(/\s+/g, ' ').trim();
        if (t) found.push(['navigation menu', t]);
    }
    const processing = document.querySelector('#processing');
    found.push(['processing', processing.textContent.replace(/\.+$/, '')
        .trim()]);
    return found;
}
"""


def test_sao_own_words(server, web, english):
    """sao's own words on the list of complaints as the Petugas sees it on a
    1366x768 screen: its toolbar and search box, the filters dialog, the
    navigation bar with the favorites and the user menu, the "Processing"
    notice. The same for every role: sao writes them, not the server."""
    page = web.page
    page.set_viewport_size({'width': 1366, 'height': 768})
    windows = {f'ir.action.act_window,{w["id"]}' for w in server.login(
            'admin').model('ir.action.act_window', 'search_read', [
                ('res_model', '=', 'yankomas.complaint')], 0, None, None,
            ['id'])}
    menu = min((m for m in server.login('petugas').model(
                'ir.ui.menu', 'search_read', [], 0, None, None,
                ['action', 'sequence']) if m['action'] in windows),
        key=lambda m: m['sequence'])
    screens = Screens(web, server, english)
    test_browser.login(page, server, 'petugas')
    screens.watch_errors()
    page.evaluate(
        "id => Sao.Action.exec_keyword('tree_open',"
        " {model: 'ir.ui.menu', id: id}, null, false)", menu['id'])
    page.locator('.tab-pane.active .treeview').wait_for()
    web.idle()
    web.shot('sao-own-words-list')
    screens.read("complaints (list)")
    page.locator('.tab-pane.active .filter-box button.btn-link').click()
    page.locator('.modal.in .modal-body label').first.wait_for()
    web.idle()
    screens.read("complaints (filters)")
    page.locator('.modal.in .modal-header .close').click()
    expect(page.locator('.modal.in')).to_have_count(0)
    found = []
    for menu in ['#user-favorites > button', '#user-preferences > a']:
        page.locator(menu).click()
        page.locator(f'{menu} ~ .dropdown-menu li').first.wait_for()
        web.idle()
        found += page.evaluate(READ_SAO)
    web.shot('sao-own-words-user-menu')
    page.keyboard.press('Escape')
    for kind, text in found:
        if text in screens.sao and text not in ALLOWED:
            screens.english_found.append(f"navigation: {kind} {text!r}")
    assert dict(found)['processing'], "no Processing notice"
    screens.check_errors()
    assert not screens.english_found, (
        "English of sao on the Petugas' screen:\n" + '\n'.join(
            dict.fromkeys(screens.english_found)))
