# This file is part of yankomas_answer.  Its classes are registered in
# tryton.cfg.
