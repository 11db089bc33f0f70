"""The board of complaints without the database: its columns, the button a
move between two columns presses, and a clock that tells the working time
left for many deadlines at once.

Plain Python so that it is tested alone; the board model (board.py) feeds it.
"""
import bisect
import datetime as dt

from yankomas_complaint.pipeline import BUTTONS, FINAL_STATES, NOTE_OPTIONAL, STATES

# One column per SOP step, then the closed ones (shown collapsed).
COLUMNS = STATES
COLLAPSED = FINAL_STATES
# Cards sent per column at first, and at each "more".
PAGE = 50

# (from state, to state): the button that makes this move.
MOVES = {
    (source, target): button
    for button, (sources, target) in BUTTONS.items()
    for source in sources}


# The largest id or offset a request may give: PostgreSQL's integer.
MAX_ID = 2 ** 31 - 1


def bounded(value, low=1):
    """value as an int from low to MAX_ID; ValueError otherwise (a number
    too large for the database is as wrong as a word)."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError(value)
    number = int(value)
    if not low <= number <= MAX_ID:
        raise ValueError(value)
    return number


def move_button(source, target):
    "The button that moves a complaint from source to target, or None."
    return MOVES.get((source, target))


def needs_note(button):
    "Whether the button refuses an empty note."
    return button not in NOTE_OPTIONAL


def needs_agency(button):
    "Whether the button refuses a move without the agency referred to."
    return button == 'refer'


def minutes(delta):
    "A timedelta as whole minutes, rounded towards zero; None stays None."
    if delta is None:
        return None
    return int(delta.total_seconds() / 60)


class WorkingClock:
    """The working time of an office calendar between any two instants of
    a span, from one walk over its opening intervals.

    engine is a working_time.WorkingCalendar. Asking the engine for each of
    hundreds of deadlines walks the calendar as many times, which is slow
    for steps late by months; here each answer is a bisection."""

    def __init__(self, engine, instants):
        instants = [i for i in instants if i is not None]
        self.origin = min(instants)
        horizon = max(instants)
        self._begins, self._ends, self._before = [], [], []
        total = dt.timedelta(0)
        if horizon > self.origin:
            for begin, end in engine.intervals(self.origin):
                if begin >= horizon:
                    break
                self._begins.append(begin)
                self._ends.append(end)
                self._before.append(total)
                total += end - begin
        self.horizon = horizon

    def _worked(self, instant):
        "Working time from the origin to instant."
        assert self.origin <= instant <= self.horizon, instant
        index = bisect.bisect_right(self._begins, instant) - 1
        if index < 0:
            return dt.timedelta(0)
        return self._before[index] + (
            min(instant, self._ends[index]) - self._begins[index])

    def between(self, start, end):
        "Working time from start to end; negative when end comes first."
        return self._worked(end) - self._worked(start)
