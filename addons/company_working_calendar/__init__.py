# This file is part of company_working_calendar.  Its classes are registered in
# tryton.cfg.
