# This file is part of yankomas_reporting.  Its classes are registered in
# tryton.cfg.
