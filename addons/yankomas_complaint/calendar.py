import datetime as dt
from contextlib import contextmanager

import holidays as holidays_lib

from trytond.cache import Cache
from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, fields)
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.rpc import RPC
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from . import clock
from .digest import parse_times
from .exceptions import CalendarError
from .working_time import (
    NoWorkingTime, Period as EnginePeriod, WorkingCalendar, default_hours,
    ramadan_hours)

TIMEZONES = [
    ('Asia/Jakarta', "WIB (Asia/Jakarta, UTC+7)"),
    ('Asia/Makassar', "WITA (Asia/Makassar, UTC+8)"),
    ('Asia/Jayapura', "WIT (Asia/Jayapura, UTC+9)"),
    ]
WEEKDAYS = [
    ('0', "Monday"), ('1', "Tuesday"), ('2', "Wednesday"), ('3', "Thursday"),
    ('4', "Friday"), ('5', "Saturday"), ('6', "Sunday"),
    ]
DAY_KINDS = [
    ('calendar', "Calendar days"),
    ('working', "Working days"),
    ]


class Calendar(ModelSQL, ModelView):
    __name__ = 'yankomas.calendar'
    __string__ = "Working Calendar"
    _engines = Cache('yankomas.calendar.engine', context=False)
    # Every step, deadline and e-mail asks for its office's calendar.
    _of_company = Cache('yankomas.calendar.of_company', context=False)

    company = fields.Many2One(
        'company.company', "Office", required=True, ondelete='CASCADE')
    timezone = fields.Selection(TIMEZONES, "Time Zone", required=True)
    hours = fields.One2Many(
        'yankomas.calendar.hours', 'calendar', "Opening Hours",
        filter=[('period', '=', None)])
    periods = fields.One2Many(
        'yankomas.calendar.period', 'calendar', "Special Periods")
    holidays = fields.One2Many(
        'yankomas.calendar.holiday', 'calendar', "Holidays and Closures")
    answer_days = fields.Integer(
        "Answer Within", required=True,
        help="Days within which the complainant must get an answer.")
    answer_day_kind = fields.Selection(DAY_KINDS, "Answer Days",
        required=True)
    decision_days = fields.Integer(
        "Decide Within", required=True,
        help="Days within which a complete complaint must be decided.")
    decision_day_kind = fields.Selection(DAY_KINDS, "Decision Days",
        required=True)
    digest_times = fields.Char(
        "Digest Times", required=True,
        help="When the e-mail digests leave on working days, office time, "
        "e.g. \"07:30, 13:00\".")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('company_unique', Unique(t, t.company),
                'yankomas_complaint.msg_calendar_company_unique'),
            ]
        cls.__rpc__.update({
                'compute_deadline': RPC(instantiate=0),
                'working_time_between': RPC(instantiate=0),
                })
        cls._buttons.update({
                'import_holidays': {},
                })

    @staticmethod
    def default_timezone():
        return 'Asia/Jakarta'

    @staticmethod
    def default_answer_days():
        return 14

    @staticmethod
    def default_answer_day_kind():
        return 'working'

    @staticmethod
    def default_decision_days():
        return 60

    @staticmethod
    def default_decision_day_kind():
        return 'working'

    @staticmethod
    def default_digest_times():
        return '07:30, 13:00'

    @classmethod
    def validate_fields(cls, calendars, field_names):
        super().validate_fields(calendars, field_names)
        for calendar in calendars:
            try:
                parse_times(calendar.digest_times)
            except ValueError:
                raise ValidationError(gettext(
                        'yankomas_complaint.msg_calendar_digest_times',
                        times=calendar.digest_times))

    @classmethod
    def default_hours(cls):
        return [{'weekday': str(w), 'start': s, 'end': e}
            for w, intervals in default_hours().items()
            for s, e in intervals]

    def get_rec_name(self, name):
        return self.company.rec_name

    @fields.depends('company')
    def on_change_company(self):
        if self.company:
            self.timezone = self.timezone_of(self.company)

    @classmethod
    def timezone_of(cls, company):
        zones = dict(TIMEZONES)
        if company and company.timezone in zones:
            return company.timezone
        return cls.default_timezone()

    @classmethod
    def of(cls, company):
        """The office's calendar. An office without one (activated before
        this module) gets it made with the defaults, or in memory only when
        the transaction cannot write."""
        calendar_id = cls._of_company.get(company.id)
        if calendar_id is not None:
            return cls(calendar_id)
        with without_check_access():
            calendars = cls.search([('company', '=', company)], limit=1)
            if calendars:
                cls._of_company.set(company.id, calendars[0].id)
                return calendars[0]
            values = {
                'company': company.id,
                'timezone': cls.timezone_of(company),
                }
            if Transaction().readonly:
                calendar = cls(**values)
                calendar.hours = [Pool().get('yankomas.calendar.hours')(**v)
                    for v in cls.default_hours()]
                calendar.holidays, calendar.periods = cls._package_holidays(
                    _default_years())
                return calendar
            calendar, = cls.create([dict(values,
                        hours=[('create', cls.default_hours())])])
        return calendar

    @classmethod
    def create(cls, vlist):
        calendars = super().create(vlist)
        cls.add_holidays(calendars, _default_years())
        cls._engines.clear()
        cls._of_company.clear()
        return calendars

    @classmethod
    def write(cls, *args):
        super().write(*args)
        cls._engines.clear()
        cls._of_company.clear()

    @classmethod
    def delete(cls, calendars):
        super().delete(calendars)
        cls._engines.clear()
        cls._of_company.clear()

    @classmethod
    @ModelView.button_action('yankomas_complaint.wizard_import_holidays')
    def import_holidays(cls, calendars):
        pass

    @classmethod
    def _package_holidays(cls, years):
        """Unsaved holidays (national holidays and collective leave) and
        Ramadan periods of years, from the holidays package."""
        pool = Pool()
        Holiday = pool.get('yankomas.calendar.holiday')
        Period = pool.get('yankomas.calendar.period')
        national = holidays_lib.country_holidays(
            'ID', years=years, language='id')
        collective = holidays_lib.country_holidays(
            'ID', years=years, categories=('government',), language='id')
        days = {}
        for kind, table in [('national', national),
                ('collective_leave', collective)]:
            for date, name in sorted(table.items()):
                days.setdefault(date, Holiday(date=date, name=name, kind=kind))
        periods = [Period(name="Ramadan %s" % first.year, first=first,
                last=last, hours=Period.default_hours())
            for first, last in _ramadans(national)]
        return list(days.values()), periods

    @classmethod
    def add_holidays(cls, calendars, years):
        """Add the national holidays and collective leave of years, with a
        Ramadan period; the days already in the table are left as they are.
        """
        pool = Pool()
        Holiday = pool.get('yankomas.calendar.holiday')
        Period = pool.get('yankomas.calendar.period')
        new_holidays, new_periods = [], []
        for calendar in calendars:
            holidays, periods = cls._package_holidays(years)
            known = {h.date for h in calendar.holidays}
            for holiday in holidays:
                if holiday.date not in known:
                    holiday.calendar = calendar
                    new_holidays.append(holiday)
            for period in periods:
                if not any(p.first <= period.last and period.first <= p.last
                        for p in calendar.periods):
                    period.calendar = calendar
                    new_periods.append(period)
        Holiday.save(new_holidays)
        Period.save(new_periods)
        cls._engines.clear()

    def engine(self):
        "The pure working-time calendar of the office."
        engine = self._engines.get(self.id) if self.id else None
        if engine is None:
            engine = WorkingCalendar(
                timezone=self.timezone,
                hours=_week(self.hours),
                periods=tuple(
                    EnginePeriod(p.first, p.last, _week(p.hours))
                    for p in self.periods),
                closed=frozenset(h.date for h in self.holidays))
            if self.id:
                self._engines.set(self.id, engine)
        return engine

    def compute_deadline(self, start, duration):
        "The instant when duration of working time has passed since start."
        with self._working_time(start):
            return self.engine().deadline(start, duration)

    def working_time_between(self, start, end):
        "The working time from start to end; negative if end is earlier."
        with self._working_time(min(start, end)):
            return self.engine().signed_elapsed(start, end)

    @contextmanager
    def _working_time(self, start):
        try:
            yield
        except NoWorkingTime:
            raise CalendarError(gettext(
                    'yankomas_complaint.msg_calendar_no_working_time',
                    office=self.company.rec_name, moment=start))

    def format_local(self, moment, zone=True):
        """moment (UTC) as the office's wall clock, e.g. 06/04/2026 09:00 WIB,
        without the zone's name when not zone."""
        if not moment:
            return ''
        local = self.engine().local(moment)
        text = local.strftime('%d/%m/%Y %H:%M')
        return text + ' ' + local.tzname() if zone else text

    def zone_name(self, moment):
        "The name of the office's time zone at moment (UTC), e.g. WIB."
        return self.engine().local(moment).tzname()

    def legal_deadline(self, received, kind):
        "The date by which a complaint received then must be answered or decided."
        engine = self.engine()
        day = engine.local_date(received)
        days = getattr(self, '%s_days' % kind)
        if getattr(self, '%s_day_kind' % kind) == 'calendar':
            return day + dt.timedelta(days=days)
        return engine.add_working_days(day, days)


def _default_years():
    "This year and the next, in Indonesia's westernmost zone."
    year = (clock.now() + dt.timedelta(hours=7)).year
    return [year, year + 1]


def _week(hours):
    week = {}
    for line in sorted(hours, key=lambda h: (h.weekday, h.start)):
        week.setdefault(int(line.weekday), []).append((line.start, line.end))
    return {w: tuple(i) for w, i in week.items()}


def _ramadans(national):
    "(first, last) days of Ramadan: the 30 days before each Idul Fitri."
    for date, name in national.items():
        if 'Idul Fitri' in name and 'Hari Kedua' not in name and (
                date - dt.timedelta(days=1)) not in national:
            yield date - dt.timedelta(days=30), date - dt.timedelta(days=1)


class CalendarEngineMixin:
    "Clears the cached engines when a part of a calendar changes."
    __slots__ = ()

    @classmethod
    def on_modification(cls, mode, records, field_names=None):
        super().on_modification(mode, records, field_names=field_names)
        Pool().get('yankomas.calendar')._engines.clear()


class Hours(CalendarEngineMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.calendar.hours'
    __string__ = "Opening Hours"

    calendar = fields.Many2One(
        'yankomas.calendar', "Calendar", required=True, ondelete='CASCADE')
    period = fields.Many2One(
        'yankomas.calendar.period', "Period", ondelete='CASCADE',
        domain=[('calendar', '=', Eval('calendar', -1))])
    weekday = fields.Selection(WEEKDAYS, "Day", required=True, sort=False)
    weekday_string = weekday.translated('weekday')
    start = fields.Time("From", required=True)
    end = fields.Time("To", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('calendar')
        cls._order = [('weekday', 'ASC'), ('start', 'ASC'), ('id', 'ASC')]

    @classmethod
    def preprocess_values(cls, mode, values):
        Period = Pool().get('yankomas.calendar.period')
        values = super().preprocess_values(mode, values)
        # The hours of a special period belong to the period's calendar.
        if values.get('period') and not values.get('calendar'):
            values['calendar'] = Period(values['period']).calendar.id
        return values

    @classmethod
    def validate_fields(cls, lines, field_names):
        super().validate_fields(lines, field_names)
        for line in lines:
            if line.start and line.end and line.start >= line.end:
                raise ValidationError(gettext(
                        'yankomas_complaint.msg_calendar_hours_order',
                        day=line.weekday_string))
            for other in cls.search([
                        ('calendar', '=', line.calendar),
                        ('period', '=', line.period),
                        ('weekday', '=', line.weekday),
                        ('id', '!=', line.id),
                        ('start', '<', line.end),
                        ('end', '>', line.start),
                        ], limit=1):
                raise ValidationError(gettext(
                        'yankomas_complaint.msg_calendar_hours_overlap',
                        day=line.weekday_string,
                        first='%s-%s' % (line.start, line.end),
                        second='%s-%s' % (other.start, other.end)))


class Period(CalendarEngineMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.calendar.period'
    __string__ = "Special Period"

    calendar = fields.Many2One(
        'yankomas.calendar', "Calendar", required=True, ondelete='CASCADE')
    name = fields.Char("Name", required=True)
    first = fields.Date("From", required=True)
    last = fields.Date("To", required=True)
    hours = fields.One2Many('yankomas.calendar.hours', 'period', "Hours")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('calendar')
        cls._order = [('first', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_hours(cls):
        Hours = Pool().get('yankomas.calendar.hours')
        return [Hours(weekday=str(w), start=s, end=e)
            for w, intervals in ramadan_hours().items()
            for s, e in intervals]

    @classmethod
    def validate_fields(cls, periods, field_names):
        super().validate_fields(periods, field_names)
        for period in periods:
            if period.first and period.last and period.first > period.last:
                raise ValidationError(gettext(
                        'yankomas_complaint.msg_calendar_period_order',
                        period=period.name))


class Holiday(CalendarEngineMixin, ModelSQL, ModelView):
    __name__ = 'yankomas.calendar.holiday'
    __string__ = "Holiday"

    calendar = fields.Many2One(
        'yankomas.calendar', "Calendar", required=True, ondelete='CASCADE')
    date = fields.Date("Date", required=True)
    name = fields.Char("Name", required=True)
    kind = fields.Selection([
            ('national', "National holiday"),
            ('collective_leave', "Collective leave (cuti bersama)"),
            ('office', "Office closure"),
            ], "Kind", required=True, sort=False)
    decree = fields.Char(
        "Decree", help="The decree that sets the day, "
        "e.g. the joint decree (SKB) of three ministers for the year.")
    year = fields.Function(fields.Integer("Year"), 'get_year',
        searcher='search_year')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('calendar')
        t = cls.__table__()
        cls._sql_constraints += [
            ('date_unique', Unique(t, t.calendar, t.date),
                'yankomas_complaint.msg_calendar_holiday_unique'),
            ]
        cls._sql_indexes.add(Index(t, (t.calendar, Index.Range()),
                (t.date, Index.Range())))
        cls._order = [('date', 'ASC'), ('id', 'ASC')]

    @staticmethod
    def default_kind():
        return 'office'

    def get_year(self, name):
        return self.date.year

    @classmethod
    def search_year(cls, name, clause):
        _, operator, value = clause[:3]
        if operator != '=' or not value:
            return []
        return [
            ('date', '>=', dt.date(int(value), 1, 1)),
            ('date', '<=', dt.date(int(value), 12, 31)),
            ]


class ImportHolidaysStart(ModelView):
    __name__ = 'yankomas.calendar.import_holidays.start'
    __string__ = "Import Holidays"

    year = fields.Integer("Year", required=True)

    @staticmethod
    def default_year():
        return _default_years()[1]


class ImportHolidays(Wizard):
    __name__ = 'yankomas.calendar.import_holidays'
    __string__ = "Import Holidays"

    start = StateView('yankomas.calendar.import_holidays.start',
        'yankomas_complaint.calendar_import_holidays_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()

    def transition_import_(self):
        self.model.add_holidays(self.records, [self.start.year])
        return 'end'
