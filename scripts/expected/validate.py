"""Structural check of conformance/cases/*.json without the project's loader: valid JSON, the file shape,
ids unique across files and matching ^[a-z0-9][a-z0-9._-]*$, kind-specific fields present, provenance
method known, every number string a valid literal, and every inexact expected string carrying at least
20 significant digits unless it is an exact decimal. Run: python3 scripts/expected/validate.py
"""
import glob
import json
import os
import re
import sys
from fractions import Fraction

from common import CASES_DIR, NUM_RE

ID_RE = re.compile(r'^[a-z0-9][a-z0-9._-]*$')
METHODS = {'closed-form', 'hand', 'paper', 'independent-script'}
KIND_FIELDS = {'graph': ['graph'], 'system': ['system'], 'operator': ['operator', 'x', 'y']}
NAME_KEYS = {'id', 'op', 'args', 'output', 'wrt', 'from', 'to', 'error'}
SPECIAL = {'NaN', 'Infinity', '-Infinity'}


def numbers(v):
    if isinstance(v, list):
        for e in v:
            yield from numbers(e)
    elif isinstance(v, dict):
        for k, e in v.items():
            if k not in NAME_KEYS:
                yield from numbers(e)
    else:
        yield v


def sig_digits(s):
    m = s.lstrip('+-').split('e')[0].split('E')[0].replace('.', '').lstrip('0')
    return len(m)


def main():
    seen = {}
    problems = []
    total = 0
    for path in sorted(glob.glob(os.path.join(CASES_DIR, '*.json'))):
        name = os.path.basename(path)
        with open(path, encoding='utf-8') as fh:
            doc = json.load(fh)
        if set(doc) - {'$schema', 'cases'} or not isinstance(doc.get('cases'), list):
            problems.append('%s: bad file shape' % name)
            continue
        for c in doc['cases']:
            cid = c.get('id', '?')
            if not ID_RE.match(cid):
                problems.append('%s: bad id %r' % (name, cid))
            if cid in seen:
                problems.append('%s: id %s also in %s' % (name, cid, seen[cid]))
            seen[cid] = name
            for f in ['description', 'kind', 'expect', 'provenance'] + KIND_FIELDS.get(c.get('kind'), ['?']):
                if f not in c:
                    problems.append('%s: %s lacks %s' % (name, cid, f))
            p = c.get('provenance', {})
            if p.get('method') not in METHODS or not p.get('source'):
                problems.append('%s: %s bad provenance' % (name, cid))
            for v in numbers({k: c[k] for k in c if k not in ('id', 'description', 'tags', 'kind', 'provenance')}):
                if isinstance(v, str) and v not in SPECIAL and not NUM_RE.match(v):
                    problems.append('%s: %s bad number string %r' % (name, cid, v))
            for v in numbers(c.get('expect', {})):
                if isinstance(v, str) and NUM_RE.match(v) and sig_digits(v) < 20:
                    # short strings must be exact decimals that are not binary64 values (e.g. "0.6")
                    if Fraction(v) == Fraction(float(v)):
                        problems.append('%s: %s short string for a binary64 value %r' % (name, cid, v))
            total += 1
        print('%-32s %3d cases' % (name, len(doc['cases'])))
    print('total %d cases' % total)
    for p in problems:
        print('PROBLEM', p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
