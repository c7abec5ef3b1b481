#!/usr/bin/env python3
# check-layers.py SRC_DIR [LIBRARY.a ...]
#
# Fails (exit 1) when the code breaks the layering that src/core/meson.build draws:
#   - a core folder includes or calls a folder of a higher row (core_layers in
#     src/core/meson.build, bottom row first), or verify/ and sign/ call each other;
#   - the core includes or calls src/ui or src/cli, or the UI and the CLI each other;
#   - two files depend on each other in a loop ("circle"), through includes or calls.
# Includes are read from the sources; calls from the static libraries given (nm: which
# object defines a symbol, which uses it), so that a circle hidden behind one shared private
# header is seen too. Both are counted unit by unit (cl-foo.c with cl-foo.h).
# Prints every problem found, one a line, and "layers: N files, N edges, N problems".

import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def core_layers(src):
    text = open(os.path.join(src, 'core', 'meson.build')).read()
    block = re.search(r'core_layers\s*=\s*\[(.*?)\n\]', text, re.S)
    if not block:
        sys.exit('check-layers: no core_layers in src/core/meson.build')
    rows = re.findall(r'\[([^\[\]]*)\]', block.group(1))
    return {name: rank
            for rank, row in enumerate(rows)
            for name in re.findall(r"'([^']+)'", row)}


def unit_of(filename):
    return re.sub(r'\.(c|h|c\.o)$', '', os.path.basename(filename))


def collect_files(src):
    """basename -> path relative to src, for every .c and .h under src."""
    files = {}
    for root, _dirs, names in os.walk(src):
        for name in names:
            if name.endswith(('.c', '.h')) and name != 'main.c':
                rel = os.path.relpath(os.path.join(root, name), src)
                if name in files:
                    sys.exit('check-layers: %s and %s share a name' % (files[name], rel))
                files[name] = rel
    return files


def place_of(rel, ranks):
    """('core', folder, rank) or ('ui', …) or ('cli', …) for a path under src/."""
    parts = rel.split(os.sep)
    if parts[0] == 'core':
        folder = parts[1] if len(parts) > 2 else ''
        if folder not in ranks:
            return ('core', folder, None)
        return ('core', folder, ranks[folder])
    return (parts[0], parts[1] if len(parts) > 2 else '', len(ranks))


def edge_problem(a, b, ranks):
    """Why unit a (place) may not depend on unit b (place), or None."""
    if a == b:
        return None
    if a[0] == 'core' and b[0] != 'core':
        return 'the core depends on src/%s' % b[0]
    if a[0] in ('ui', 'cli') and b[0] in ('ui', 'cli') and a[0] != b[0]:
        return 'src/%s depends on src/%s' % (a[0], b[0])
    if a[0] == 'core' and b[0] == 'core':
        if a[2] is None or b[2] is None:
            return 'a core file outside the folders of core_layers'
        if b[2] > a[2]:
            return '%s/ (row %d) depends on %s/ (row %d), a higher row' % (a[1], a[2], b[1], b[2])
        if {a[1], b[1]} == {'verify', 'sign'}:
            return 'verify/ and sign/ never call each other'
    return None


def nm_symbols(library):
    """(defined, used): dicts unit -> set of symbols, from one static library."""
    out = subprocess.run(['nm', '-A', library], capture_output=True, text=True, check=True).stdout
    defined, used = {}, {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 3 and not (len(fields) == 2 and fields[1] == 'U'):
            continue
        member = [part for part in fields[0].split(':') if part.endswith('.o')]
        if not member:
            continue
        # meson names an object after its source path: verify_cl-confidence.c.o
        unit = unit_of(os.path.basename(member[-1]).split('_')[-1])
        kind, symbol = (fields[-2], fields[-1])
        if kind == 'U':
            used.setdefault(unit, set()).add(symbol)
        elif kind in 'TDBRC':
            defined.setdefault(unit, set()).add(symbol)
    return defined, used


def circles(edges):
    """Strongly connected components of more than one unit (Tarjan, iterative)."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = [0]
    nodes = set(edges) | {b for bs in edges.values() for b in bs}
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    result.append(sorted(component))
    return result


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: check-layers.py SRC_DIR [LIBRARY.a ...]')
    src = sys.argv[1]
    ranks = core_layers(src)
    files = collect_files(src)
    unit_place = {unit_of(name): place_of(rel, ranks) for name, rel in files.items()}
    # Two graphs over units: a unit is cl-foo.c with its own cl-foo.h and cl-foo-private.h
    # (a header without a .c of its name is a unit of its own). One graph has the includes,
    # the other the calls; a circle in either is a problem, and so is an edge of either that
    # runs to a higher row. So a lower file that includes the header of a file which calls
    # it is a circle: the types both need belong in the lower file, or a header of their own.
    includes, calls, why = {}, {}, {}

    def include_unit(name):
        base = name[:-2]
        if name.endswith('.h') and base + '.c' not in files and base.endswith('-private') \
           and base[:-len('-private')] + '.c' in files:
            return base[:-len('-private')]
        return base

    def add(graph, a, b, reason):
        if a != b:
            graph.setdefault(a, set()).add(b)
            why.setdefault((a, b), reason)

    for name, rel in files.items():
        text = open(os.path.join(src, rel), encoding='utf-8', errors='replace').read()
        for included in INCLUDE.findall(text):
            target = os.path.basename(included)
            if target in files:
                add(includes, include_unit(name), include_unit(target),
                    '%s includes %s' % (name, target))

    for library in sys.argv[2:]:
        defined, used = nm_symbols(library)
        owner = {}
        for unit, symbols in defined.items():
            for symbol in symbols:
                owner.setdefault(symbol, unit)
        for unit, symbols in used.items():
            for symbol in sorted(symbols):
                if symbol in owner and unit in unit_place and owner[symbol] in unit_place:
                    add(calls, unit, owner[symbol], 'calls %s' % symbol)

    problems = []
    for graph, place in ((includes, unit_place.get), (calls, unit_place.get)):
        for a in sorted(graph):
            for b in sorted(graph[a]):
                problem = edge_problem(place(a), place(b), ranks)
                if problem:
                    problems.append('%s -> %s (%s): %s' % (a, b, why[(a, b)], problem))
        for component in circles(graph):
            ties = ['%s -> %s (%s)' % (a, b, why[(a, b)])
                    for a in component for b in sorted(graph.get(a, ())) if b in component]
            problems.append('circle of %d files: %s' % (len(component), '; '.join(ties)))

    for problem in problems:
        print(problem)
    n_edges = sum(len(v) for graph in (includes, calls) for v in graph.values())
    print('layers: %d files, %d edges, %d problems' % (len(files), n_edges, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
