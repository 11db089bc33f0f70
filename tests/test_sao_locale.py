"""sao's Indonesian catalogue, sao/locale/id.po (issue 15): every string of
the web client translated, its placeholders kept, and compiled by
tools/sao_locale.py to the JSON sao reads. Reads the files only (no server);
needs var/sao (make var/sao/.installed), whose messages.pot lists the
strings of the sao version the Makefile downloads: a sao upgrade with new
strings fails here until they are translated."""
import json
import re
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / 'sao' / 'locale' / 'id.po'
SAO = ROOT / 'var' / 'sao' / 'locale'
sys.path.insert(0, str(ROOT / 'tools'))
import sao_locale  # noqa: E402

# sao's placeholders (gettext.js: %1, %2, a literal %%) and the ends of
# lines a message is split on.
PLACEHOLDER = re.compile(r'%(?:\d+|%)|\n')


@pytest.fixture(scope='module')
def catalogue():
    return polib.pofile(str(CATALOGUE))


@pytest.fixture(scope='module')
def template():
    path = SAO / 'messages.pot'
    if not path.exists():
        pytest.fail(f"{path} is missing: run make var/sao/.installed")
    return polib.pofile(str(path))


def test_every_sao_string_translated(catalogue, template):
    missing = sao_locale.missing(catalogue, template)
    assert not missing, (
        "sao strings without Indonesian in sao/locale/id.po:\n"
        + '\n'.join(map(repr, missing)))


def test_nothing_fuzzy_or_obsolete(catalogue, template):
    sources = {sao_locale.key(e) for e in template}
    stale = [e.msgid for e in catalogue
        if e.fuzzy or e.obsolete or sao_locale.key(e) not in sources]
    assert not stale, f"not strings of this sao: {stale}"


def test_placeholders_kept(catalogue):
    changed = []
    for entry in catalogue:
        source = sorted(PLACEHOLDER.findall(entry.msgid))
        for text in (entry.msgstr_plural.values() if entry.msgid_plural
                else [entry.msgstr]):
            if sorted(PLACEHOLDER.findall(text)) != source:
                changed.append(f'{entry.msgid!r} -> {text!r}')
    assert not changed, '\n'.join(changed)


def test_plural_entries_have_two_forms(catalogue):
    "sao reads an entry of one form as a singular one: it is never shown."
    one = [e.msgid for e in catalogue
        if e.msgid_plural and len(e.msgstr_plural) < 2]
    assert not one


def test_compiled_as_sao_reads_it():
    catalogue = polib.pofile("""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n!=1);\\n"

msgid "Search"
msgstr "Cari"

msgctxt "button"
msgid "Open"
msgstr "Buka"

msgid "%1 record saved"
msgid_plural "%1 records saved"
msgstr[0] "%1 data tersimpan"
msgstr[1] "%1 data tersimpan"

#, fuzzy
msgid "Email..."
msgstr "E-Mail..."

msgid "Relate"
msgstr ""
""")
    assert sao_locale.compile_catalogue(catalogue) == {
        '': {
            'content-type': 'text/plain; charset=utf-8',
            'plural-forms': 'nplurals=2; plural=(n!=1);',
            },
        'Search': [None, 'Cari'],
        'button\x04Open': [None, 'Buka'],
        '%1 record saved': [
            '%1 records saved', '%1 data tersimpan', '%1 data tersimpan'],
        }
    assert sao_locale.missing(catalogue, catalogue) == [
        'Email...', 'Relate']


def test_compiled_plural_of_one_form_refused():
    catalogue = polib.pofile("""
msgid "%1 record saved"
msgid_plural "%1 records saved"
msgstr[0] "%1 data tersimpan"
""")
    with pytest.raises(ValueError, match="two plural forms"):
        sao_locale.compile_catalogue(catalogue)


def test_sao_serves_the_compiled_catalogue(catalogue, template):
    "make compiled sao/locale/id.po over the JSON sao loads."
    path = SAO / 'id.json'
    assert json.loads(path.read_text(encoding='utf-8')) == (
        sao_locale.compile_catalogue(catalogue)), (
        f"{path} is not sao/locale/id.po: run make var/sao/.installed")


# The web client's words for what every screen shows, as our modules'
# catalogues say them: a record is "data" (as in Tryton's own messages,
# yankomas_complaint/locale/id.po), a field "kolom", an error "galat".
SAO_TERMS = {
    'record': ('data', [r'\brekaman\b']),
    'field': ('kolom', [r'\bisian\b', r'\bbidang\b']),
    'error': ('galat', [r'\bkesalahan\b', r'\berror\b']),
    }


@pytest.mark.parametrize('concept', list(SAO_TERMS))
def test_one_word_per_concept_in_sao(catalogue, concept):
    word, refused = SAO_TERMS[concept]
    found = [f'{e.msgid!r} -> {e.msgstr!r}' for e in catalogue
        for pattern in refused
        if re.search(pattern, e.msgstr, re.IGNORECASE)]
    assert not found, f"{concept} is '{word}' in sao:\n" + '\n'.join(found)
