# This file is part of yankomas_survey.  Its classes are registered in
# tryton.cfg; the routes register themselves with trytond's WSGI app when
# the module is imported.
from . import routes

__all__ = ['routes']
