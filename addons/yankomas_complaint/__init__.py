# This file is part of yankomas_complaint.  Its classes are registered in
# tryton.cfg.
