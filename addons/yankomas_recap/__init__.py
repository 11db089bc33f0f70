# This file is part of yankomas_recap.  Its classes are registered in
# tryton.cfg.
