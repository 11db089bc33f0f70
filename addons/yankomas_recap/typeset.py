"""The recap's PDF set by Typst (recap_detail.typ): its front, already a PDF,
then the detail rows and the sign-off.

Typst lays out a table of a thousand rows in about two seconds, where
WeasyPrint took half a minute (see doc/index.rst). Its fonts are the
system's (Debian's DejaVu Sans, as document.css). The template and its data
go to a temporary folder that is Typst's root: it reads nothing outside it.
"""
import json
import os
import shutil
import tempfile

import typst

TEMPLATE = os.path.join(os.path.dirname(__file__), 'recap_detail.typ')


def compile_recap(front, data):
    """The PDF of the recap: front (the PDF of its first sections, A4) and
    data (the text of the rest, as recap_detail.typ reads it; its
    front_pages is the number of pages of front)."""
    with tempfile.TemporaryDirectory(prefix='yankomas_recap_') as root:
        shutil.copy(TEMPLATE, os.path.join(root, 'recap.typ'))
        with open(os.path.join(root, 'front.pdf'), 'wb') as file:
            file.write(front)
        with open(os.path.join(root, 'data.json'), 'w') as file:
            json.dump(data, file, ensure_ascii=False)
        # Untagged: a tagged PDF of a thousand rows is eight times larger.
        return typst.compile(os.path.join(root, 'recap.typ'), root=root,
            pdf_tags=False)
