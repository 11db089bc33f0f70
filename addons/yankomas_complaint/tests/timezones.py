"""Two offices in the eastern time zones for the scenarios: Makassar in WITA
(UTC+8) and Jayapura in WIT (UTC+9), with complaints taken around the
midnight that starts May 2026 on their wall clocks."""
import datetime as dt

from proteus import Model
from trytond.tests.tools import set_user

from .tools import create_office, create_staff, set_now

H = dt.timedelta(hours=1)


def utc(offset, *args):
    "A moment of a wall clock offset hours ahead of UTC, as naive UTC."
    return dt.datetime(*args) - offset * H


def eastern_offices():
    "(offices, staffs): Makassar (WITA) and Jayapura (WIT) with their staff."
    set_now(utc(8, 2026, 4, 1, 8, 0))
    makassar = create_office("Kantor Imigrasi Makassar", 'MKS',
        timezone='Asia/Makassar')
    jayapura = create_office("Kantor Imigrasi Jayapura", 'JAP',
        timezone='Asia/Jayapura')
    return (makassar, jayapura), (create_staff(makassar),
        create_staff(jayapura, '_jap'))


def phone_complaint(user, moment, subject="Antrean"):
    "A phone complaint the user takes at moment (naive UTC)."
    Complaint = Model.get('yankomas.complaint')
    Party = Model.get('party.party')
    set_now(moment)
    set_user(user)
    caller = Party(name="Penelepon")
    caller.save()
    complaint = Complaint(channel='phone', subject=subject,
        complainant=caller)
    complaint.save()
    return complaint


# Around midnight on 30 April / 1 May, office time; in UTC, all on 30 April.
MIDNIGHT_COMPLAINTS = [
    # (office index, UTC offset, wall-clock moment)
    (0, 8, (2026, 4, 30, 23, 0)),   # April in Makassar
    (0, 8, (2026, 5, 1, 0, 30)),    # May in Makassar
    (1, 9, (2026, 5, 1, 0, 30)),    # May in Jayapura (23:30 April in WITA)
    ]


def midnight_complaints(staffs):
    "The complaints of MIDNIGHT_COMPLAINTS, taken by each office's officer."
    return [phone_complaint(staffs[office]['petugas'], utc(offset, *moment))
        for office, offset, moment in MIDNIGHT_COMPLAINTS]
