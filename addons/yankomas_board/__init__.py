# This file is part of yankomas_board.  Its classes are registered in
# tryton.cfg.
