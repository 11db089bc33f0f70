# This file is part of yankomas_complaint.  Its classes are registered in
# tryton.cfg.

# The board page's routes register themselves with trytond's WSGI app.
from . import routes  # noqa: E402,F401
