#!/usr/bin/env python3
"""Replaces one section of docs/benchmarks.md, keeping the others.

Usage: bench_md.py SECTION_ID FILE_WITH_MARKDOWN
A section lives between <!-- begin:SECTION_ID --> and <!-- end:SECTION_ID -->; a new one is appended.
"""
import os
import sys

HEADER = """# Benchmarks

Measured by the scripts in `scripts/`; each script rewrites its own section. Figures depend on the machine
and its load: compare ratios measured in one run, not absolute numbers across runs.
"""


def main(section, source):
    path = os.path.join(os.path.dirname(__file__), '..', 'docs', 'benchmarks.md')
    with open(source, encoding='utf-8') as f:
        body = f.read().strip() + '\n'
    begin, end = '<!-- begin:%s -->' % section, '<!-- end:%s -->' % section
    block = '%s\n%s%s' % (begin, body, end)
    text = open(path, encoding='utf-8').read() if os.path.exists(path) else HEADER
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip('\n') + '\n\n' + block + '\n'
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
