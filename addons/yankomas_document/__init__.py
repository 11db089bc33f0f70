# This file is part of yankomas_document.  Its classes are registered in
# tryton.cfg.
