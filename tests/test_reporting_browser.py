"""The office dashboard in the web client (sao) in Debian's Chromium, as the
head of section (`kasi`) opens it from the menu: its graphs show the
translated labels, and its overdue panel lists exactly the overdue
complaints of the office.
"""
import datetime as dt
import re

from playwright.sync_api import expect

import test_browser

# The browser and the page of test_browser; not its tests.
browser = test_browser.browser
web = test_browser.web


def open_menu(page, *path):
    """Click through the menu entries PATH (their Indonesian names); each
    click waits for its entry to be shown."""
    for name in path:
        page.locator('#menu tbody tr', has_text=re.compile(
                r'^\s*%s\s*$' % re.escape(name))).first.click()


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
    expect(panel(page, "Pengaduan per Bulan").locator(
            'svg .bb-axis-x .tick')).to_have_count(12)
    expect(panel(page, "Pengaduan per Kategori").locator(
            'svg .bb-chart-arc')).not_to_have_count(0)
    shot('dashboard')

    # The overdue panel: the overdue complaints, no others.
    late = panel(page, "Pengaduan Terlambat")
    late.scroll_into_view_if_needed()
    expect(late.locator('.nav-tabs')).to_contain_text(str(len(overdue)))
    rows = late.locator('.treeview tbody tr')
    expect(rows).to_have_count(len(overdue))
    for complaint in overdue:
        expect(rows.filter(has_text=complaint['number'])).to_have_count(1)
    shot('dashboard-overdue')
