#!/usr/bin/env python3
# check-translations.py: the checks of the translations (po/README.md).
#
#   check-translations.py sources SOURCE_ROOT
#     Every file under src/ and data/ in which xgettext finds a translatable string is listed
#     in po/POTFILES.in, every file listed there exists, and no translatable string splices a
#     format macro such as G_GSIZE_FORMAT (xgettext cuts the msgid at the macro, so the
#     message could never be translated).
#
#   check-translations.py catalogues SOURCE_ROOT
#     Every catalogue named in po/LINGUAS passes `msgfmt --check --check-format`, and once
#     merged with the messages of today's sources has no untranslated or fuzzy message. With
#     no language in LINGUAS there is nothing to check.
#
# Exits 0 when everything holds, 1 with the problems on stderr otherwise.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

# The keywords and flags of po/meson.build's preset ('glib'), as meson passes them.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]
SOURCE_SUFFIXES = ('.c', '.h', '.ui')
DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.gschema.xml')
# The calls whose string arguments become msgids (xgettext's C defaults and the preset).
GETTEXT_CALLS = {'_', 'N_', 'C_', 'NC_', 'gettext', 'dgettext', 'dcgettext', 'ngettext',
                 'dngettext', 'dcngettext', 'g_dgettext', 'g_dcgettext', 'g_dngettext',
                 'g_dpgettext', 'g_dpgettext2', 'Q_'}
FORMAT_MACRO = re.compile(r'(G_G\w+_FORMAT|G_G\w+_MODIFIER|PRI[diouxX]\w*)$')
TOKEN = re.compile(r'''(?P<space>\s+)|(?P<comment>/\*.*?\*/|//[^\n]*)
                       |(?P<directive>^[ \t]*\#(?:\\\n|[^\n])*)
                       |(?P<string>"(?:\\.|[^"\\\n])*")|(?P<char>'(?:\\.|[^'\\\n])*')
                       |(?P<name>[A-Za-z_]\w*)|(?P<other>.)''', re.S | re.M | re.X)


def read_list(path):
    """The entries of POTFILES.in or LINGUAS: one a line, # starts a comment."""
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            entries.extend(line.split())
    return entries


def run_xgettext(root, files, output):
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as listing:
        listing.write('\n'.join(files) + '\n')
    try:
        result = subprocess.run(['xgettext', *XGETTEXT_ARGS, '--directory', root,
                                 '--files-from', listing.name, '--output', output],
                                capture_output=True, text=True)
    finally:
        os.unlink(listing.name)
    if result.returncode != 0:
        sys.exit('xgettext failed:\n' + result.stderr)


def files_with_messages(root, files):
    """The files among files in which xgettext finds at least one message."""
    with tempfile.TemporaryDirectory() as scratch:
        pot = os.path.join(scratch, 'all.pot')
        run_xgettext(root, files, pot)
        if not os.path.exists(pot):
            return set()
        with open(pot, encoding='utf-8') as f:
            text = f.read()
    found = set()
    for line in text.splitlines():
        if line.startswith('#: '):
            for ref in line[3:].split():
                found.add(ref.rsplit(':', 1)[0])
    return found


def spliced_macros(path, relative):
    """Where a gettext call in the C file at path puts a format macro into its msgid."""
    with open(path, encoding='utf-8') as f:
        source = f.read()
    tokens = []
    for match in TOKEN.finditer(source):
        if match.lastgroup not in ('space', 'comment', 'directive'):
            tokens.append((match.group(), source.count('\n', 0, match.start()) + 1))
    problems = []
    for i in range(len(tokens) - 1):
        if tokens[i][0] not in GETTEXT_CALLS or tokens[i + 1][0] != '(':
            continue
        depth = 0
        for text, line in tokens[i + 1:]:
            if text == '(':
                depth += 1
            elif text == ')':
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and FORMAT_MACRO.match(text):
                problems.append(f'{relative}:{line}: {tokens[i][0]}() splices {text} into '
                                'its msgid: format the number into a %s, or use %u/%lu '
                                'with a cast')
    return problems


def check_sources(root):
    listed = read_list(os.path.join(root, 'po', 'POTFILES.in'))
    problems = [f'po/POTFILES.in lists {entry}, which does not exist'
                for entry in listed if not os.path.isfile(os.path.join(root, entry))]
    candidates = []
    for top, suffixes in (('src', SOURCE_SUFFIXES), ('data', DATA_SUFFIXES)):
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith(suffixes):
                    candidates.append(os.path.relpath(os.path.join(folder, name), root))
    candidates.sort()
    for relative in sorted(files_with_messages(root, candidates) - set(listed)):
        problems.append(f'{relative} has translatable strings but is not in po/POTFILES.in')
    for relative in candidates:
        if relative.endswith(('.c', '.h')):
            problems += spliced_macros(os.path.join(root, relative), relative)
    print(f'{len(candidates)} files read, {len(listed)} listed in po/POTFILES.in')
    return problems


def count_messages(po_text):
    """The messages of a PO file, the header entry left out."""
    return len(re.findall(r'^msgid ', po_text, re.M)) - (1 if 'msgid ""\nmsgstr ""' in po_text else 0)


def check_catalogues(root):
    po_dir = os.path.join(root, 'po')
    languages = read_list(os.path.join(po_dir, 'LINGUAS'))
    if not languages:
        print('po/LINGUAS names no language: nothing to check')
        return []
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        pot = os.path.join(scratch, 'credlink.pot')
        run_xgettext(root, read_list(os.path.join(po_dir, 'POTFILES.in')), pot)
        for lang in languages:
            po = os.path.join(po_dir, lang + '.po')
            if not os.path.isfile(po):
                problems.append(f'po/LINGUAS names {lang} but po/{lang}.po does not exist')
                continue
            result = subprocess.run(['msgfmt', '--check', '--check-format', '--statistics',
                                     '--output-file', os.devnull, po],
                                    capture_output=True, text=True)
            print(f'po/{lang}.po: {result.stderr.strip()}')
            if result.returncode != 0:
                problems.append(f'po/{lang}.po fails msgfmt --check --check-format:\n'
                                + result.stderr)
            # The catalogue as it stands, then merged with the messages of today's sources
            # (what `meson compile credlink-update-po` would make of it).
            merged = os.path.join(scratch, lang + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file',
                            merged, po, pot], check=True)
            for what, catalogue in (('', po), (' once merged with the sources', merged)):
                for flag, word in (('--untranslated', 'untranslated'),
                                   ('--only-fuzzy', 'fuzzy')):
                    out = subprocess.run(['msgattrib', flag, '--no-obsolete', catalogue],
                                         capture_output=True, text=True, check=True).stdout
                    n = count_messages(out)
                    if n > 0 or (flag == '--only-fuzzy' and out.strip()):
                        first = re.findall(r'^msgid "(.+)"', out, re.M)[:5]
                        problems.append(f'po/{lang}.po has {n} {word} messages{what}, such as '
                                        + '; '.join(first))
    return problems


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ('sources', 'catalogues'):
        sys.exit(f'usage: {sys.argv[0]} sources|catalogues SOURCE_ROOT')
    root = sys.argv[2]
    problems = check_sources(root) if sys.argv[1] == 'sources' else check_catalogues(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
