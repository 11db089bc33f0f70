import datetime as dt
import functools
from contextlib import contextmanager

import holidays as holidays_lib
from sql import Literal
from sql.conditionals import Case
from sql.functions import AtTimeZone, Function

from trytond import backend
from trytond.cache import Cache
from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, fields)
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.rpc import RPC
from trytond.transaction import Transaction, without_check_access
from trytond.modules.company.company import TIMEZONES
from trytond.wizard import Button, StateTransition, StateView, Wizard

from . import clock, upkeep
from .exceptions import CalendarError
from .ramadan import hijri_year, package_ramadans
from .working_time import (
    NoWorkingTime, Period as EnginePeriod, WorkingCalendar, default_hours,
    ramadan_hours)

# A company without a time zone keeps its working time in UTC.
DEFAULT_TIMEZONE = 'UTC'
# The RPC entry points (compute_deadline, working_time_between) compute over
# at most two years at a time, between these years: the engine walks the
# calendar day by day, and any user could ask it for a thousand years. The
# engine itself (working_time.py) and the server's own calls are unbounded.
RPC_MAX_SPAN = dt.timedelta(days=731)
RPC_YEARS = (1900, 2199)
# Wider than the holidays package knows (Indonesia from 1946 to 2100).
IMPORT_YEARS = (1900, 2199)
# The kinds of days the import brings, set by the year's decree.
IMPORTED_KINDS = ['national', 'collective_leave']
WEEKDAYS = [
    ('0', "Monday"), ('1', "Tuesday"), ('2', "Wednesday"), ('3', "Thursday"),
    ('4', "Friday"), ('5', "Saturday"), ('6', "Sunday"),
    ]


class Calendar(ModelSQL, ModelView):
    __name__ = 'company.working_calendar'
    __string__ = "Working Calendar"
    _engines = Cache('company.working_calendar.engine', context=False)
    # Every deadline asks for its company's calendar.
    _of_company = Cache('company.working_calendar.of_company', context=False)

    company = fields.Many2One(
        'company.company', "Company", required=True, ondelete='CASCADE')
    timezone = fields.Function(fields.Selection(
            TIMEZONES, "Time Zone", translate=False,
            help="The company's time zone: the calendar's hours are its "
            "wall clock."),
        'get_timezone', setter='set_timezone')
    hours = fields.One2Many(
        'company.working_calendar.hours', 'calendar', "Opening Hours",
        filter=[('period', '=', None)])
    periods = fields.One2Many(
        'company.working_calendar.period', 'calendar', "Special Periods")
    holidays = fields.One2Many(
        'company.working_calendar.holiday', 'calendar',
        "Holidays and Closures")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('company_unique', Unique(t, t.company),
                'company_working_calendar.msg_calendar_company_unique'),
            ]
        cls.__rpc__.update({
                'compute_deadline': RPC(
                    instantiate=0, decorator=_rpc_checked(_deadline_problem)),
                'working_time_between': RPC(
                    instantiate=0, decorator=_rpc_checked(_range_problem)),
                })
        cls._buttons.update({
                'import_holidays': {},
                })

    @classmethod
    def default_hours(cls):
        return [{'weekday': str(w), 'start': s, 'end': e}
            for w, intervals in default_hours().items()
            for s, e in intervals]

    def get_rec_name(self, name):
        return self.company.rec_name

    @fields.depends('company')
    def on_change_with_timezone(self):
        return self.timezone_of(self.company)

    def get_timezone(self, name):
        return self.timezone_of(self.company)

    @classmethod
    def set_timezone(cls, calendars, name, value):
        "The zone is the company's: kept once, there."
        Company = Pool().get('company.company')
        Company.write([c.company for c in calendars], {'timezone': value})

    @staticmethod
    def timezone_of(company):
        return (company.timezone if company and company.timezone
            else DEFAULT_TIMEZONE)

    @classmethod
    def of(cls, company):
        """The company's calendar. A company without one (activated before
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
            values = {'company': company.id}
            if Transaction().readonly:
                calendar = cls(**values)
                calendar.hours = [
                    Pool().get('company.working_calendar.hours')(**v)
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
    @ModelView.button_action('company_working_calendar.wizard_import_holidays')
    def import_holidays(cls, calendars):
        pass

    @classmethod
    def _package_holidays(cls, years):
        """Unsaved holidays (national holidays and collective leave, citing
        the year's decree when it is known) and Ramadan periods of years,
        from the holidays package."""
        pool = Pool()
        Holiday = pool.get('company.working_calendar.holiday')
        Period = pool.get('company.working_calendar.period')
        Decree = pool.get('company.working_calendar.decree')
        decrees = Decree.references(years)
        national = holidays_lib.country_holidays(
            'ID', years=years, language='id')
        collective = holidays_lib.country_holidays(
            'ID', years=years, categories=('government',), language='id')
        days = {}
        for kind, table in [('national', national),
                ('collective_leave', collective)]:
            for date, name in sorted(table.items()):
                days.setdefault(date, Holiday(date=date, name=name, kind=kind,
                        decree=decrees.get(date.year)))
        periods = [Period(name="Ramadan %s H" % hijri_year(first),
                first=first, last=last, hours=Period.default_hours())
            for first, last in package_ramadans(years)]
        return list(days.values()), periods

    @classmethod
    def add_holidays(cls, calendars, years):
        """Add the national holidays and collective leave of years, with a
        Ramadan period; the days already in the table are left as they are.
        """
        pool = Pool()
        Holiday = pool.get('company.working_calendar.holiday')
        Period = pool.get('company.working_calendar.period')
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

    @classmethod
    def upkeep(cls):
        """The scheduler's job: in October every calendar gets next year's
        holidays (add_holidays: what is there is kept), then the
        administrators subscribed to the job are told of each calendar
        whose holidays end less than upkeep.HORIZON ahead."""
        pool = Pool()
        Holiday = pool.get('company.working_calendar.holiday')
        Cron = pool.get('ir.cron')
        calendars = cls.search([])
        for calendar in calendars:
            year = upkeep.year_to_import(calendar.today())
            if year is not None:
                cls.add_holidays([calendar], [year])
        for calendar in calendars:
            today = calendar.today()
            latest = Holiday.search([('calendar', '=', calendar.id)],
                order=[('date', 'DESC')], limit=1)
            latest = latest[0].date if latest else None
            if not upkeep.runs_out(today, latest):
                continue
            if latest is None or latest < today:
                message, date = 'msg_calendar_holidays_none', None
            else:
                message, date = 'msg_calendar_holidays_run_out', latest
            Cron.notify('tryton-warning',
                'company_working_calendar.act_calendar_form',
                {'res_id': calendar.id},
                'company_working_calendar.%s' % message,
                user_domain=('companies', '=', calendar.company.id),
                calendar=calendar.rec_name,
                date=date.strftime('%d/%m/%Y') if date else '',
                days=upkeep.HORIZON.days)

    def engine(self):
        "The pure working-time calendar of the company."
        engine = self._engines.get(self.id) if self.id else None
        if engine is None:
            engine = WorkingCalendar(
                timezone=self.timezone_of(self.company),
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
                    'company_working_calendar.msg_calendar_no_working_time',
                    office=self.company.rec_name, moment=start))

    def format_local(self, moment, zone=True):
        """moment (UTC) as the company's wall clock, e.g. 06/04/2026 09:00 WIB,
        without the zone's name when not zone."""
        if not moment:
            return ''
        local = self.engine().local(moment)
        text = local.strftime('%d/%m/%Y %H:%M')
        return text + ' ' + local.tzname() if zone else text

    def zone_name(self, moment):
        "The name of the company's time zone at moment (UTC), e.g. WIB."
        return self.engine().local(moment).tzname()

    def today(self):
        "Today on the company's wall clock."
        return self.engine().local_date(clock.now())

    @classmethod
    def sql_local(cls, column, company_column):
        """An SQL expression of the company's wall-clock time of column, a
        naive UTC timestamp of a row whose company is company_column: the
        one conversion the queries grouping by local day or month use."""
        calendars = cls.search([])
        if not calendars:
            return column
        cases = []
        for calendar in calendars:
            zone = calendar.timezone_of(calendar.company)
            if backend.name == 'postgresql':
                local = AtTimeZone(AtTimeZone(column, 'UTC'), zone)
            else:
                # SQLite has no time zone data: the offset of now, exact for
                # the zones that keep no summer time (all of Indonesia's).
                local = _sqlite_shift(column,
                    calendar.engine().utc_offset(clock.now()))
            cases.append((company_column == Literal(calendar.company.id),
                    local))
        return Case(*cases, else_=column)


def _rpc_problem(moments, span=None):
    """The message (without its module) of what makes an RPC computation
    from moments over span refused, or None."""
    first, last = (dt.datetime(RPC_YEARS[0], 1, 1),
        dt.datetime(RPC_YEARS[1] + 1, 1, 1))
    if not all(isinstance(m, dt.datetime) and m.tzinfo is None
            and first <= m < last for m in moments):
        return 'msg_calendar_rpc_moment'
    if span is not None and abs(span) > RPC_MAX_SPAN:
        return 'msg_calendar_rpc_span'


def _range_problem(start, end):
    return _rpc_problem([start, end]) or _rpc_problem([], end - start)


def _deadline_problem(start, duration):
    if not isinstance(duration, dt.timedelta):
        return 'msg_calendar_rpc_duration'
    return _rpc_problem([start]) or _rpc_problem([], duration)


def _rpc_checked(problem):
    """Decorate a calendar method called over RPC with (start, other) so
    that it refuses what problem(start, other) names, with CalendarError."""
    def decorator(func):
        @functools.wraps(func)
        def wrapper(self, start=None, other=None, *args, **kwargs):
            message = problem(start, other)
            if message:
                raise CalendarError(gettext(
                        'company_working_calendar.%s' % message,
                        days=RPC_MAX_SPAN.days, first=RPC_YEARS[0],
                        last=RPC_YEARS[1]))
            return func(self, start, other, *args, **kwargs)
        return wrapper
    return decorator


def _default_years():
    "This year and the next (UTC's year: a day early or late is harmless)."
    year = clock.now().year
    return [year, year + 1]


class _SQLiteDateTime(Function):
    "SQLite's datetime(value, modifier)."
    __slots__ = ()
    _function = 'DATETIME'


def _sqlite_shift(column, offset):
    return _SQLiteDateTime(column, '%+d minutes' % (
            offset.total_seconds() // 60))


def _week(hours):
    week = {}
    for line in sorted(hours, key=lambda h: (h.weekday, h.start)):
        week.setdefault(int(line.weekday), []).append((line.start, line.end))
    return {w: tuple(i) for w, i in week.items()}


class CalendarEngineMixin:
    "Clears the cached engines when a part of a calendar changes."
    __slots__ = ()

    @classmethod
    def on_modification(cls, mode, records, field_names=None):
        super().on_modification(mode, records, field_names=field_names)
        Pool().get('company.working_calendar')._engines.clear()


class Hours(CalendarEngineMixin, ModelSQL, ModelView):
    __name__ = 'company.working_calendar.hours'
    __string__ = "Opening Hours"

    calendar = fields.Many2One(
        'company.working_calendar', "Calendar", required=True, ondelete='CASCADE')
    period = fields.Many2One(
        'company.working_calendar.period', "Period", ondelete='CASCADE',
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
        Period = Pool().get('company.working_calendar.period')
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
                        'company_working_calendar.msg_calendar_hours_order',
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
                        'company_working_calendar.msg_calendar_hours_overlap',
                        day=line.weekday_string,
                        first='%s-%s' % (line.start, line.end),
                        second='%s-%s' % (other.start, other.end)))


class Period(CalendarEngineMixin, ModelSQL, ModelView):
    __name__ = 'company.working_calendar.period'
    __string__ = "Special Period"

    calendar = fields.Many2One(
        'company.working_calendar', "Calendar", required=True, ondelete='CASCADE')
    name = fields.Char("Name", size=100, required=True)
    first = fields.Date("From", required=True)
    last = fields.Date("To", required=True)
    hours = fields.One2Many('company.working_calendar.hours', 'period', "Hours")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('calendar')
        cls._order = [('first', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_hours(cls):
        Hours = Pool().get('company.working_calendar.hours')
        return [Hours(weekday=str(w), start=s, end=e)
            for w, intervals in ramadan_hours().items()
            for s, e in intervals]

    @classmethod
    def validate_fields(cls, periods, field_names):
        super().validate_fields(periods, field_names)
        for period in periods:
            if period.first and period.last and period.first > period.last:
                raise ValidationError(gettext(
                        'company_working_calendar.msg_calendar_period_order',
                        period=period.name))


class Holiday(CalendarEngineMixin, ModelSQL, ModelView):
    __name__ = 'company.working_calendar.holiday'
    __string__ = "Holiday"

    calendar = fields.Many2One(
        'company.working_calendar', "Calendar", required=True, ondelete='CASCADE')
    date = fields.Date("Date", required=True)
    name = fields.Char("Name", size=200, required=True)
    kind = fields.Selection([
            ('national', "National holiday"),
            ('collective_leave', "Collective leave (cuti bersama)"),
            ('office', "Office closure"),
            ], "Kind", required=True, sort=False)
    decree = fields.Char(
        "Decree", size=200, help="The decree that sets the day, "
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
                'company_working_calendar.msg_calendar_holiday_unique'),
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
    __name__ = 'company.working_calendar.import_holidays.start'
    __string__ = "Import Holidays"

    year = fields.Integer("Year", required=True)

    @staticmethod
    def default_year():
        return _default_years()[1]


class ImportHolidays(Wizard):
    __name__ = 'company.working_calendar.import_holidays'
    __string__ = "Import Holidays"

    start = StateView('company.working_calendar.import_holidays.start',
        'company_working_calendar.calendar_import_holidays_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()

    def transition_import_(self):
        year = self.start.year
        if not (isinstance(year, int)
                and IMPORT_YEARS[0] <= year <= IMPORT_YEARS[1]):
            raise CalendarError(gettext(
                    'company_working_calendar.msg_calendar_import_year',
                    first=IMPORT_YEARS[0], last=IMPORT_YEARS[1]))
        self.model.add_holidays(self.records, [year])
        return 'end'
