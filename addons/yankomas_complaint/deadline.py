"""When a step is due.

In this version a step is due its time standard after it started, in clock
time; working-time calendars replace this function.
"""


def step_deadline(start, standard):
    "The deadline of a step that started at start and may take standard."
    return start + standard
