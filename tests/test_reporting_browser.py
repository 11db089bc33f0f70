"""The office dashboard in the web client (sao) in Debian's Chromium at a
laptop's 1366x768, as the head of section (`kasi`) opens it from the menu:
its graphs show the translated labels, the months in time order each on one
line, every category bar named, and its overdue panel lists exactly the
overdue complaints of the office. Each chart's panel is screenshot to
tests/artifacts/<backend>-dashboard-panel-*.png.
"""
import datetime as dt

from playwright.sync_api import expect

import test_browser
from conftest import BACKEND

# The browser, the page and the menu of test_browser; not its tests.
browser = test_browser.browser
web = test_browser.web
open_menu = test_browser.open_menu


def panel(page, title):
    "The dashboard panel whose heading is TITLE."
    return page.locator('.tab-pane.active .board-action').filter(
        has=page.locator('.panel-heading', has_text=title))


def late_complaint(server):
    """A letter of the test's own, received two days ago: its intake step
    is overdue."""
    officer = server.login('petugas')
    party, = officer.model('party.party', 'create', [{'name': "Uji Dasbor"}])
    received = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=2)
    complaint, = officer.model('yankomas.complaint', 'create', [{
                'channel': 'letter', 'subject': "Uji dasbor terlambat",
                'received_reason': "Cap pos dua hari lalu",
                'complainant': party,
                'received': {'__class__': 'datetime', 'year': received.year,
                    'month': received.month, 'day': received.day,
                    'hour': received.hour, 'minute': received.minute,
                    'second': 0, 'microsecond': 0},
                }])
    return complaint


def test_dashboard_as_kasi(server, web):
    page, shot = web.page, web.shot
    mine = late_complaint(server)
    rpc = server.login('kasi')
    overdue = rpc.model('yankomas.complaint', 'search_read',
        [('overdue', '=', True)], 0, None, None, ['number', 'state'])
    assert mine in {c['id'] for c in overdue}
    steps = rpc.model('yankomas.reporting.step', 'search_read', [], 0, None,
        None, ['label', 'step'])
    assert len(steps) == 6

    # A laptop's screen, as the offices have.
    page.set_viewport_size({'width': 1366, 'height': 768})
    test_browser.login(page, server, 'kasi')
    open_menu(page, "Pengaduan (Yankomas)", "Laporan", "Dasbor Kantor")
    for title in ["Pengaduan per Bulan", "Pengaduan per Kategori",
            "Waktu Kerja terhadap Standar",
            "Beban dan Penanganan per Petugas", "Pengaduan Terlambat"]:
        expect(panel(page, title)).to_have_count(1)
    web.idle()

    # Graphs are drawn, with the step labels and not the raw keys.
    standard = panel(page, "Waktu Kerja terhadap Standar")
    expect(standard.locator('svg .bb-axis-x .tick')).to_have_count(6)
    ticks = standard.locator('svg .bb-axis-x .tick').all_text_contents()
    for step, tick in zip(steps, ticks):
        assert tick.replace(' ', '') == step['label'].replace(' ', '')
        assert step['step'] not in tick
    expect(standard.locator('.bb-legend')).to_contain_text(
        "Rata-rata (menit)")
    expect(standard.locator('.bb-legend')).to_contain_text(
        "Standar (menit)")
    # The months in time order, each tick one line (not "Jan / 202 / 6").
    months = rpc.model('yankomas.reporting.period', 'search_read', [], 0,
        None, [('date', 'ASC')], ['label', 'date'])
    assert len(months) == 12
    monthly = panel(page, "Pengaduan per Bulan").locator(
        'svg .bb-axis-x .tick')
    expect(monthly).to_have_count(12)
    assert monthly.all_text_contents() == [m['label'] for m in months]
    for i in range(12):
        assert monthly.nth(i).locator('tspan').count() == 1, months[i]
    expect(panel(page, "Pengaduan per Bulan").locator('.bb-legend')
        ).to_contain_text("Pengaduan")

    # Every category bar named beside it, and a legend of what it counts.
    categories = rpc.model('yankomas.reporting.category', 'search_read',
        [], 0, None, None, ['label'])
    assert len(categories) > 2
    by_category = panel(page, "Pengaduan per Kategori")
    ticks = by_category.locator('svg .bb-axis-x .tick')
    expect(ticks).to_have_count(len(categories))
    assert [t.replace(' ', '') for t in ticks.all_text_contents()] == [
        c['label'].replace(' ', '') for c in categories]
    expect(by_category.locator('.bb-legend')).to_contain_text("Pengaduan")
    shot('dashboard')
    for i, name in enumerate(['month', 'category', 'officer', 'standard']):
        chart = page.locator('.tab-pane.active .board-action').nth(i)
        chart.scroll_into_view_if_needed()
        chart.screenshot(
            path=web.folder / f'{BACKEND}-dashboard-panel-{name}.png')

    # The overdue panel: the overdue complaints, no others.
    late = panel(page, "Pengaduan Terlambat")
    late.scroll_into_view_if_needed()
    expect(late.locator('.nav-tabs')).to_contain_text(str(len(overdue)))
    rows = late.locator('.treeview tbody tr')
    expect(rows).to_have_count(len(overdue))
    for complaint in overdue:
        expect(rows.filter(has_text=complaint['number'])).to_have_count(1)
    shot('dashboard-overdue')
