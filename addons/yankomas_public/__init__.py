# This file is part of yankomas_public.  Its classes are registered in
# tryton.cfg; the routes register themselves with trytond's WSGI app.
from . import routes  # noqa: F401
