"""Compile a gettext catalogue of the web client (sao) to the JSON sao loads.

sao (src/sao.js, Sao.i18n.setlang) fetches locale/LANG.json, the "raw"
format of its Gruntfile's po2json task: the key "" holds the header (names
in lower case), every other key is a msgid (msgctxt + "\\x04" + msgid when
it has a context) and holds [null, msgstr], or for a plural entry
[msgid_plural, msgstr[0], msgstr[1], ...]. sao reads an entry of two items
as a singular one, so a plural entry needs at least two forms. A fuzzy or
empty translation is left out: sao then shows the English source.

    .venv/bin/python tools/sao_locale.py sao/locale/id.po var/sao/locale/id.json

Prints the number of strings written and, when the POT of sao sits beside
the output (messages.pot), every msgid of it the catalogue leaves
untranslated.
"""
import json
import pathlib
import sys

import polib

CONTEXT = '\x04'


def untranslated(entry):
    if entry.fuzzy:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def key(entry):
    if entry.msgctxt:
        return entry.msgctxt + CONTEXT + entry.msgid
    return entry.msgid


def compile_catalogue(catalogue):
    "The JSON object sao reads for the polib catalogue."
    messages = {'': {k.lower(): v for k, v in catalogue.metadata.items()}}
    for entry in catalogue:
        if entry.obsolete or untranslated(entry):
            continue
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[n]
                for n in sorted(entry.msgstr_plural)]
            if len(forms) < 2:
                raise ValueError(
                    f"{entry.msgid!r}: sao needs two plural forms")
            messages[key(entry)] = [entry.msgid_plural] + forms
        else:
            messages[key(entry)] = [None, entry.msgstr]
    return messages


def missing(catalogue, template):
    "The msgids of the template the catalogue leaves untranslated."
    translated = {key(e) for e in catalogue
        if not e.obsolete and not untranslated(e)}
    return [key(e) for e in template
        if not e.obsolete and key(e) not in translated]


def main(source, target):
    catalogue = polib.pofile(source)
    target = pathlib.Path(target)
    messages = compile_catalogue(catalogue)
    target.write_text(
        json.dumps(messages, ensure_ascii=False), encoding='utf-8')
    print(f"{target}: {len(messages) - 1} strings from {source}")
    template = target.with_name('messages.pot')
    if template.exists():
        for msgid in missing(catalogue, polib.pofile(str(template))):
            print(f"untranslated: {msgid!r}", file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
