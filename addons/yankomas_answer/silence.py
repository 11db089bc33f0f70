"""When a complainant who does not reply is reminded and when the complaint
closes as "no reply", without the database.

Counted in the office's working days (company_working_calendar's
WorkingCalendar, whose instants are naive UTC): "after N working days" is
when the office closes on the N-th working day after the day the step was
put on hold (that day itself not counted), the way SP4N-LAPOR! counts its
10 days. A reminder goes every N working days, counted from the hold or
from the last reminder, as long as that falls before the closing.
"""
from company_working_calendar.working_time import NoWorkingTime

# The office's defaults: remind after 5 working days, close after 10.
DEFAULT_REMINDER_DAYS = 5
DEFAULT_CLOSE_DAYS = 10
# The most working days an office may set (a year of working days).
MAXIMUM_DAYS = 250


def days_passed(engine, start, days):
    """The UTC instant when days full working days have passed since start:
    the end of the office's hours on the days-th working day after start's
    local date."""
    day = engine.add_working_days(engine.local_date(start), days)
    return engine.utc(day, engine.day_hours(day)[-1][1])


def closing_time(engine, held, close_days):
    "When a complaint waiting on its complainant since held closes."
    return days_passed(engine, held, close_days)


def next_reminder(engine, held, reminder_days, close_days, last=None):
    """When the next reminder is due, counted from the last one (or from the
    hold), or None when it would not come before the closing."""
    if reminder_days < 1:
        return None
    due = days_passed(engine, last or held, reminder_days)
    if due >= closing_time(engine, held, close_days):
        return None
    return due


def due(engine, held, now, reminder_days, close_days, last=None):
    """What is due now for a step waiting on the complainant since held,
    its last reminder sent at last: 'close', 'remind' or None."""
    try:
        if now >= closing_time(engine, held, close_days):
            return 'close'
        reminder = next_reminder(
            engine, held, reminder_days, close_days, last)
    except NoWorkingTime:
        return None
    if reminder is not None and now >= reminder:
        return 'remind'
    return None
