# This file is part of yankomas_email.  Its classes are registered in
# tryton.cfg.
