#!/usr/bin/env python3
"""Reads Fastly's witx files and lowers every hostcall to its core WebAssembly signature.

Usage:
  witx.py table WITX_DIR              print the signature table (module name params -> results)
  witx.py check WITX_DIR MAIN.wasm    check every import of MAIN.wasm against WITX_DIR (needs wasm-objdump)
  witx.py check-table DIR MAIN.wasm   the same against the committed tables in DIR (fastly-abi.txt and
                                      wasi-preview1.txt), for machines without the witx files

The lowering follows the witx rules Fastly's hosts apply: handles, integers up to 32 bits, enums,
flags, pointers and usize are i32; 64-bit integers are i64; a list or string is (ptr, len); a record
parameter is a pointer; `(expected T (error E))` returns the i32 status and appends one out-pointer
per value of T.
"""
import os
import re
import subprocess
import sys

WASI_SIGNATURES = None  # WASI imports are checked by module name only; their signatures are TeaVM's.


def tokenize(text):
    tokens = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == ';' and text.startswith(';;', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif c in '()':
            tokens.append(c)
            i += 1
        elif c.isspace():
            i += 1
        elif c == '"':
            j = text.index('"', i + 1)
            tokens.append(text[i:j + 1])
            i = j + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '()':
                j += 1
            tokens.append(text[i:j])
            i = j
    return tokens


def parse(tokens):
    stack = [[]]
    for t in tokens:
        if t == '(':
            stack.append([])
        elif t == ')':
            done = stack.pop()
            stack[-1].append(done)
        else:
            stack[-1].append(t)
    if len(stack) != 1:
        raise ValueError('unbalanced parentheses')
    return stack[0]


def load(witx_dir):
    typenames = {}
    modules = []
    for name in sorted(os.listdir(witx_dir)):
        if not name.endswith('.witx'):
            continue
        with open(os.path.join(witx_dir, name), encoding='utf-8') as f:
            for form in parse(tokenize(f.read())):
                if not isinstance(form, list) or not form:
                    continue
                if form[0] == 'typename':
                    typenames[form[1]] = form[2]
                elif form[0] == 'module':
                    modules.append(form)
    return typenames, modules


def resolve(t, typenames):
    while isinstance(t, str) and t.startswith('$'):
        t = typenames[t]
    return t


def lower_param(t, typenames):
    t = resolve(t, typenames)
    if isinstance(t, str):
        if t in ('u64', 's64'):
            return ['i64']
        if t in ('f32', 'f64'):
            return [t]
        if t == 'string':
            return ['i32', 'i32']
        return ['i32']
    head = t[0]
    if head == 'list':
        return ['i32', 'i32']
    if head == '@witx' and t[1] in ('pointer', 'const_pointer', 'usize', 'char8'):
        return ['i32']
    if head in ('handle', 'enum', 'flags', 'record', 'union', 'variant'):
        return ['i32']
    raise ValueError('cannot lower %r' % (t,))


def lower_function(form, typenames):
    name = None
    params, results = [], []
    for part in form[2:]:
        if not isinstance(part, list):
            continue
        if part[0] == 'export':
            name = part[1].strip('"')
        elif part[0] == 'param':
            params += lower_param(part[2], typenames)
        elif part[0] == 'result':
            t = part[2]
            if isinstance(t, list) and t[0] == 'expected':
                results.append('i32')
                ok = [x for x in t[1:] if not (isinstance(x, list) and x[0] == 'error')]
                for value in ok:
                    value = resolve(value, typenames)
                    if isinstance(value, list) and value[0] == 'tuple':
                        params += ['i32'] * (len(value) - 1)
                    else:
                        params.append('i32')
            else:
                results += lower_param(t, typenames)
    if form[1] != 'func' or name is None:
        raise ValueError('unexpected function form %r' % (form[:3],))
    return name, params, results


def signatures(witx_dir):
    typenames, modules = load(witx_dir)
    table = {}
    for module in modules:
        module_name = module[1].lstrip('$')
        for form in module[2:]:
            if isinstance(form, list) and form and form[0] == '@interface':
                name, params, results = lower_function(form, typenames)
                table[(module_name, name)] = (tuple(params), tuple(results))
    return table


OBJDUMP_LINE = re.compile(r'^\s*- func\[\d+\] sig=(\d+) <[^>]*> <- ([^.]+)\.(\S+)$')
TYPE_LINE = re.compile(r'^\s*- type\[(\d+)\] \((.*)\) -> (.*)$')


def wasm_imports(wasm):
    out = ''
    for section in ('Type', 'Import'):
        out += subprocess.run(['wasm-objdump', '-x', '-j', section, wasm],
                              check=True, capture_output=True, text=True).stdout
    types, imports = {}, []
    for line in out.splitlines():
        m = TYPE_LINE.match(line)
        if m:
            params = tuple(p.strip() for p in m.group(2).split(',') if p.strip())
            res = m.group(3).strip()
            types[int(m.group(1))] = (params, () if res == 'nil' else tuple(r.strip() for r in res.split(',')))
            continue
        m = OBJDUMP_LINE.match(line)
        if m:
            imports.append((m.group(2), m.group(3), int(m.group(1))))
        elif '<- ' in line and 'func[' not in line:
            imports.append((None, line.strip(), None))
    return [(mod, name, types.get(sig)) for mod, name, sig in imports]


def read_tables(directory):
    table = {}
    for name in ('fastly-abi.txt', 'wasi-preview1.txt'):
        with open(os.path.join(directory, name), encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith('#'):
                    continue
                module, fn, rest = line.split(' ', 2)
                params, results = rest.split(' -> ')
                table[(module, fn)] = (tuple(params.strip('()').split()), tuple(results.strip('()').split()))
    return table


def check(witx_dir, wasm, table=None):
    if table is None:
        table = signatures(witx_dir)
    problems = []
    count = 0
    for module, name, sig in wasm_imports(wasm):
        count += 1
        if module is None:
            problems.append('non-function import %s' % name)
        elif module == 'wasi_snapshot_preview1' and (module, name) not in table:
            continue
        elif (module, name) not in table:
            problems.append('%s.%s is not in the Fastly ABI' % (module, name))
        elif table[(module, name)] != sig:
            problems.append('%s.%s has signature %s but the ABI says %s' % (module, name, sig, table[(module, name)]))
    return count, problems


def main(argv):
    if len(argv) == 3 and argv[1] == 'table':
        for (module, name), (params, results) in sorted(signatures(argv[2]).items()):
            print('%s %s (%s) -> (%s)' % (module, name, ' '.join(params), ' '.join(results)))
        return 0
    if len(argv) == 4 and argv[1] == 'check':
        count, problems = check(argv[2], argv[3])
        for p in problems:
            print('%s: %s' % (argv[3], p))
        print('%s: %d imports, %d problems' % (argv[3], count, len(problems)))
        return 1 if problems else 0
    if len(argv) == 4 and argv[1] == 'check-table':
        count, problems = check(None, argv[3], read_tables(argv[2]))
        for p in problems:
            print('%s: %s' % (argv[3], p))
        print('%s: %d imports, %d problems' % (argv[3], count, len(problems)))
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
