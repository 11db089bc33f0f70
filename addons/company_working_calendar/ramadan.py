"""The days of Ramadan: from 1 Ramadan to the eve of Idul Fitri (1 Syawal).

Both dates come from the holidays package's Indonesian Islamic calendar
(MABIMS), where it has them; a month of Ramadan lasts 29 or 30 days, so it
is never counted back from Idul Fitri."""
import datetime as dt

from holidays.countries.indonesia import IndonesiaIslamicHolidays

# A lunar month is 29 or 30 days: anything else means the two dates do not
# belong together.
MONTH_DAYS = (29, 30)
# 1 Muharram 1 H (16 July 622, Julian) and the mean Islamic year.
HIJRA = dt.date(622, 7, 19)
HIJRI_YEAR_DAYS = 354.36667


def ramadans(beginnings, idul_fitris):
    """(first, last) of each Ramadan that begins on one of beginnings and
    ends the day before one of idul_fitris, 29 or 30 days later; a beginning
    without its Idul Fitri gives none."""
    ends = sorted(idul_fitris)
    periods = []
    for first in sorted(set(beginnings)):
        for idul_fitri in ends:
            if (idul_fitri - first).days in MONTH_DAYS:
                periods.append((first, idul_fitri - dt.timedelta(days=1)))
                break
    return periods


def hijri_year(day):
    """The Hijri year of day, a day of Ramadan: Ramadan is the ninth month,
    eight months (two thirds of a year) from either end of the year, so
    the mean year length is exact enough."""
    return int((day - HIJRA).days // HIJRI_YEAR_DAYS) + 1


def package_ramadans(years):
    """The Ramadans beginning in years, as the holidays package dates 1
    Ramadan and Idul Fitri in Indonesia."""
    calendar = IndonesiaIslamicHolidays()

    def dates(method, year):
        "The days of year, without the flag whether each is estimated."
        return [day for day, _ in method(year) if day.year == year]

    beginnings = [d for y in years
        for d in dates(calendar.ramadan_beginning_dates, y)]
    # A Ramadan beginning in December ends in the next year.
    idul_fitris = [d for y in sorted(set(years) | {y + 1 for y in years})
        for d in dates(calendar.eid_al_fitr_dates, y)]
    return ramadans(beginnings, idul_fitris)
