"""One Indonesian word per concept in every module's locale/id.po and in the
web client's catalogue, sao/locale/id.po (issue 15): the term an office
uses, never its synonym beside it. Reads the files only (no server): the
same on either backend."""
import re
from pathlib import Path

import polib
import pytest

ADDONS = Path(__file__).resolve().parent.parent / 'addons'
SAO = ADDONS.parent / 'sao' / 'locale' / 'id.po'
# concept: (the word used, the words refused for it)
GLOSSARY = {
    'step': ('tahap', [r'\blangkah']),
    'officer': ('petugas', [r'\bpegawai\b']),
    'late': ('terlambat', [r'\blewat batas\b']),
    'open (in process)': ('dalam proses', [r'\bterbuka\b']),
    'the Yankomas desk': ('Pos Yankomas', [r'\bloket\b']),
    'the represented person (principal)': ('pemberi kuasa', [
            r'\bdikuasakan\b', r'\byang diwakili\b']),
    }
# (msgid, refused word): where the word names another concept.
ALLOWED = {
    # An employee reported in an integrity report, not the officer.
    ("Officer Reported", r'\bpegawai\b'),
    ("The employee the report is about, if they are one: the report is "
        "hidden from them, whatever their role.", r'\bpegawai\b'),
    # A respondent's occupation in the IKM survey.
    ("Private employee", r'\bpegawai\b'),
    # A service counter of the office, where the incident happened.
    ("A name, a counter number or a unit, if you know it.", r'\bloket\b'),
    # The kiosk's page opens by itself: not a state.
    ("A new survey opens by itself in %(seconds)s seconds.", r'\bterbuka\b'),
    }
# The steps, as the SOP's activities, not the roles acting at them.
STEP_LABELS = {
    "1. Reception": "1. Penerimaan Pengunjung",
    "2. Intake": "2. Penerimaan Pengaduan",
    "3. Head of subsection": "3. Penanganan Kasubsi",
    "4. Head of section": "4. Arahan Kasi",
    "5. Directed": "5. Penerusan Arahan",
    "6. Resolution": "6. Penyelesaian dan Laporan",
    }


def entries():
    catalogues = [(p.parent.parent.name, p)
        for p in sorted(ADDONS.glob('*/locale/id.po'))] + [('sao', SAO)]
    for name, path in catalogues:
        for entry in polib.pofile(str(path)):
            if entry.msgstr:
                yield name, entry


@pytest.mark.parametrize('concept', list(GLOSSARY))
def test_one_word_per_concept(concept):
    word, refused = GLOSSARY[concept]
    found = [f'{module}: {entry.msgid!r} -> {entry.msgstr!r}'
        for module, entry in entries() for pattern in refused
        if re.search(pattern, entry.msgstr, re.IGNORECASE)
        and (entry.msgid, pattern) not in ALLOWED]
    assert not found, (
        f"{concept} is '{word}' in Indonesian:\n" + '\n'.join(found))


def test_steps_named_by_their_activity():
    labels = {}
    for module, entry in entries():
        if entry.msgid in STEP_LABELS:
            labels.setdefault(entry.msgid, set()).add(entry.msgstr)
    assert labels == {k: {v} for k, v in STEP_LABELS.items()}
