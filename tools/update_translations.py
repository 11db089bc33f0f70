"""Rewrite each module's locale/id.po from what the module now holds.

Activates every module of addons/ in a throw-away SQLite database, lists the
translatable strings Tryton records for each module (fields, selections,
views, messages, menus, reports...), and writes them to the module's
locale/id.po in Tryton's export order, keeping every Indonesian text already
translated in any of the modules' files (matched by context and source,
then by source alone for a string that moved between modules). Entries a
module keeps to override another module's strings are kept as they are.

    .venv/bin/python tools/update_translations.py [MODULE ...]

With module names, only their files are written (every module is still
activated, to know which strings moved between them). Prints the strings still untranslated.
"""
import os
import pathlib
import subprocess
import sys
import tempfile

import polib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = ROOT / 'addons'
LANG = 'id'


def modules():
    return sorted(p.name for p in ADDONS.iterdir()
        if (p / 'tryton.cfg').exists())


def known_translations():
    "{(msgctxt, msgid): msgstr} and {msgid: msgstr} of every module's file."
    by_context, by_source, overrides = {}, {}, {}
    for module in modules():
        path = ADDONS / module / 'locale' / ('%s.po' % LANG)
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            if not entry.msgstr or 'fuzzy' in entry.flags:
                continue
            by_context[entry.msgctxt, entry.msgid] = entry.msgstr
            by_source.setdefault(entry.msgid, entry.msgstr)
            overrides.setdefault(module, []).append(entry)
    return by_context, by_source, overrides


def database_entries(path):
    "{module: [POEntry]} of the strings of a database with every module."
    from trytond import config
    config.set('database', 'uri', 'sqlite://')
    config.set('database', 'path', str(path.parent))
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    pool = Pool(path.stem)
    pool.init()
    entries = {}
    with Transaction().start(path.stem, 0, readonly=False):
        Translation = pool.get('ir.translation')
        ModelData = pool.get('ir.model.data')
        TranslationSet = pool.get('ir.translation.set', type='wizard')
        session_id, _, _ = TranslationSet.create()
        wizard = TranslationSet(session_id)
        wizard.set_report()
        wizard.set_view()
        fs_ids = {}
        for data in ModelData.search([]):
            fs_ids.setdefault(data.module, {}).setdefault(
                data.model, {})[data.db_id] = data.fs_id
            for extra in Translation.extra_model_data(data):
                fs_ids[data.module].setdefault(extra, {})[
                    data.db_id] = data.fs_id
        for module in modules():
            found = entries.setdefault(module, [])
            for translation in Translation.search([
                        ('lang', '=', 'en'),
                        ('module', '=', module),
                        ], order=[]):
                context = '%s:%s:' % (translation.type, translation.name)
                if translation.res_id >= 0:
                    model = translation.name.split(',')[0]
                    fs_id = fs_ids.get(module, {}).get(model, {}).get(
                        translation.res_id)
                    if fs_id is None:
                        continue
                    context += fs_id
                if translation.src:
                    found.append(polib.POEntry(
                            msgid=translation.src, msgctxt=context))
    return entries


def main(only=()):
    by_context, by_source, existing = known_translations()
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        env = dict(os.environ,
            TRYTOND_DATABASE__URI='sqlite://',
            TRYTOND_DATABASE__PATH=str(folder))
        (folder / 'password').write_text('admin\n')
        env['TRYTONPASSFILE'] = str(folder / 'password')
        (folder / 'translations.sqlite').touch()
        subprocess.run([str(pathlib.Path(sys.executable).parent / 'trytond-admin'),
                '-d', 'translations', '-u', *modules(),
                '--activate-dependencies'],
            env=env, check=True, input=b'\n', stdout=subprocess.DEVNULL)
        entries = database_entries(folder / 'translations.sqlite')
    missing = 0
    for module, found in entries.items():
        if only and module not in only:
            continue
        own = {(e.msgctxt, e.msgid) for e in found}
        pofile = polib.POFile(wrapwidth=78)
        pofile.metadata = {'Content-Type': 'text/plain; charset=utf-8'}
        for entry in found:
            entry.msgstr = by_context.get((entry.msgctxt, entry.msgid)) \
                or by_source.get(entry.msgid, '')
            if not entry.msgstr:
                missing += 1
                print('%s: untranslated %s %r' % (
                        module, entry.msgctxt, entry.msgid))
            pofile.append(entry)
        # A module's entries for another module's strings (overrides).
        for entry in existing.get(module, []):
            context = entry.msgctxt or ''
            if (entry.msgctxt, entry.msgid) not in own and any(
                    (entry.msgctxt, entry.msgid) in {
                        (e.msgctxt, e.msgid) for e in others}
                    for m, others in entries.items() if m != module):
                continue
            if (entry.msgctxt, entry.msgid) not in own and context and (
                    entry.msgctxt, entry.msgid) not in {
                        (e.msgctxt, e.msgid)
                        for f in entries.values() for e in f}:
                # Neither ours nor moved: an override of a core string.
                if not context.split(':')[1].split(',')[0].startswith(
                        ('yankomas', 'company.working_calendar')):
                    pofile.append(entry)
        pofile.sort()
        path = ADDONS / module / 'locale' / ('%s.po' % LANG)
        path.parent.mkdir(exist_ok=True)
        path.write_text(str(pofile) + '\n', encoding='utf-8')
    print('%d strings untranslated' % missing)
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
