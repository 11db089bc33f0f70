# This file is part of yankomas_privacy.  Its classes are registered in
# tryton.cfg.
