#!/usr/bin/env python3
"""Validate the sentence corpus: YAML shape, cell ids (format-2021.md §5), and that
every sentence of a real source is printed in it. Prints counts. Exit 1 on any error.

usage: python3 check.py [--corpus DIR] [--spec FILE] [files...]
Needs PyYAML (Debian: python3-yaml)."""
import glob, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
def opt(name, default):
    if name in args:
        i = args.index(name); v = args[i + 1]; del args[i:i + 2]; return v
    return default
CORPUS = opt('--corpus', os.path.normpath(os.path.join(HERE, '../../../shared/corpus')))
SPEC = opt('--spec', os.path.normpath(os.path.join(HERE, '../../../shared/spec/format-2021.md')))
files = args or sorted(glob.glob(os.path.join(HERE, '*.yaml')))

# ---- the cell ids of §5 -------------------------------------------------------------
T3_ROWS = ['new', 'carried', 'result.public', 'result.partial',
           'result.deny.secret', 'result.deny.law', 'result.deny.safety', 'result.deny.third',
           'result.deny.internal', 'result.deny.process', 'result.deny.enforce', 'result.deny.query',
           'result.unable.nohold', 'result.unable.create', 'result.unable.unclear',
           'result.reject.petition', 'result.reject.repeat', 'result.reject.publication',
           'result.reject.mass', 'result.reject.confirm',
           'result.other.nocorrect', 'result.other.nofee', 'result.other.misc',
           'result.total', 'next']
T3_COLS = ['np', 'biz', 'research', 'ngo', 'legal', 'other', 'total']
IDS = set()
for r in ['reg', 'nrm']:
    for c in ['made', 'repealed', 'valid']:
        IDS.add(f't2.{r}.{c}')
IDS |= {'t2.permit.decisions', 't2.penalty.decisions', 't2.coercion.decisions', 't2.fee.amount'}
for r in T3_ROWS:
    for c in T3_COLS:
        IDS.add(f't3.{r}.{c}')
for b in ['rv', 'ld', 'la']:
    for c in ['upheld', 'corrected', 'other', 'pending', 'total']:
        IDS.add(f't4.{b}.{c}')

def spec_check():
    """the hard-coded ids must all be named by the spec's §5 text"""
    if not os.path.exists(SPEC):
        return [f'spec not found: {SPEC} (ids not cross-checked)']
    sec = open(SPEC, encoding='utf-8').read()
    sec = sec[sec.index('## 5.'):sec.index('## 6.')]
    missing = []
    for r in T3_ROWS:
        if f'`t3.{r}`' not in sec: missing.append('t3.' + r)
    for c in T3_COLS:
        if f'`{c}`' not in sec: missing.append('column ' + c)
    for i in IDS:
        if i.startswith('t2.') or i.startswith('t4.'):
            row = '.'.join(i.split('.')[:2])
            if f'`{row}' not in sec and f'`{i}`' not in sec: missing.append(i)
    return [f'id not in spec §5: {m}' for m in missing]

def bad_expr(expr):
    if not isinstance(expr, str): return [f'not a string: {expr!r}']
    terms = expr.split(' + ')
    out = [f'unknown cell id {t!r}' for t in terms if t not in IDS]
    if len(set(terms)) != len(terms): out.append(f'repeated term in {expr!r}')
    return out

# ---- sources ------------------------------------------------------------------------
_cache = {}
def source_texts(path):
    if path in _cache: return _cache[path]
    raw = open(path, 'rb').read()
    for enc in ('utf-8-sig', 'gb18030'):
        try: t = raw.decode(enc); break
        except UnicodeDecodeError: pass
    lines = [l.strip() for l in t.split('\n')]
    lines = [l for l in lines if not re.fullmatch(r'-\s*\d+\s*-', l)]   # page footers -1-
    _cache[path] = [t, ''.join(lines)]
    return _cache[path]

def sources_of(file):
    head = open(file, encoding='utf-8').read().split('\n', 1)[0]
    m = re.match(r'#\s*source:\s*(\S+)', head)
    if not m: return None, 'no “# source:” first line'
    p = m.group(1)
    if p == 'written,' or p.startswith('written'): return [], None
    if not os.path.isabs(p):   # dev/… is in shared/corpus; anything else is in this repo
        p = os.path.join(CORPUS if p.startswith('dev/') else os.path.join(HERE, '../..'), p)
    p = os.path.normpath(p)
    found = sorted(glob.glob(p))
    if not found: return None, f'source not found: {p}'
    return found, None

NUMNEG = re.compile(r'[0-9０-９]|[零〇一二两三四五六七八九十百千]+(?:件|条|宗|起|个|次|份)|无|未|没有|不存在')
KINDS = ('is', 'prev', 'change', 'pct_change', 'pct')

def num(v): return isinstance(v, (int, float)) and not isinstance(v, bool)

errors, stats = [], {'real': 0, 'written': 0, 'numneg': 0, 'noclaim': 0, 'noclaim_numneg': 0, 'claims': 0}
errors += spec_check()
for f in files:
    name = os.path.basename(f)
    try:
        data = yaml.safe_load(open(f, encoding='utf-8'))
    except yaml.YAMLError as e:
        errors.append(f'{name}: YAML: {e}'); continue
    srcs, err = sources_of(f)
    if err: errors.append(f'{name}: {err}'); srcs = []
    written = name.startswith('written')
    if not isinstance(data, list):
        errors.append(f'{name}: top level must be a list'); continue
    seen = set()
    for i, e in enumerate(data):
        where = f'{name}#{i + 1}'
        if not isinstance(e, dict) or not isinstance(e.get('s'), str) or not e['s']:
            errors.append(f'{where}: needs s: "…"'); continue
        s = e['s']
        where += f' “{s[:24]}”'
        extra = set(e) - {'s', 'year', 'claims', 'scope', 'note', 'issuer', 'part'}
        if extra: errors.append(f'{where}: unknown keys {sorted(extra)}')
        if not isinstance(e.get('year'), int): errors.append(f'{where}: year must be an integer')
        if 'scope' in e and e['scope'] != 'part': errors.append(f'{where}: scope must be part')
        if 'note' in e and not isinstance(e['note'], str): errors.append(f'{where}: note must be text')
        if 'issuer' in e and e['issuer'] not in ('gov', 'dept', 'township'): errors.append(f'{where}: issuer must be gov, dept or township')
        if 'part' in e and e['part'] not in ('s0', 's1', 's2', 's3', 's4', 's5', 's6'): errors.append(f'{where}: part must be a part id, s0 to s6')
        claims = e.get('claims')
        if not isinstance(claims, list): errors.append(f'{where}: claims must be a list'); claims = []
        if e.get('scope') == 'part' and claims: errors.append(f'{where}: scope part with claims')
        if (s, e.get('year')) in seen: errors.append(f'{where}: duplicate sentence')
        seen.add((s, e.get('year')))
        for c in claims:
            if not isinstance(c, dict): errors.append(f'{where}: claim not a mapping'); continue
            errors += [f'{where}: {x}' for x in bad_expr(c.get('cell'))]
            kinds = [k for k in KINDS if k in c]
            if len(kinds) != 1: errors.append(f'{where}: claim needs exactly one of {KINDS}: {c}'); continue
            k = kinds[0]
            allowed = {'cell', k} | ({'of'} if k == 'pct' else {'if_zero'})
            if set(c) - allowed: errors.append(f'{where}: unexpected keys in {c}')
            if k in ('pct', 'pct_change'):
                if not isinstance(c[k], str) or not re.fullmatch(r'-?\d+(\.\d+)?', c[k]):
                    errors.append(f'{where}: {k} must be a quoted number: {c}')
                if k == 'pct':
                    if 'of' not in c: errors.append(f'{where}: pct needs of: {c}')
                    else: errors += [f'{where}: {x}' for x in bad_expr(c['of'])]
            elif not num(c[k]):
                errors.append(f'{where}: {k} must be a number: {c}')
            elif k != 'change' and c[k] < 0:
                errors.append(f'{where}: negative {k}: {c}')
            elif k in ('is', 'prev') and isinstance(c[k], float) and c['cell'] != 't2.fee.amount':
                errors.append(f'{where}: a count must be an integer: {c}')
        stats['claims'] += len(claims)
        if srcs:
            if '\n' in s: errors.append(f'{where}: a real sentence must be joined onto one line')
            if not any(s in t for p in srcs for t in source_texts(p)):
                errors.append(f'{where}: not found verbatim in {", ".join(os.path.relpath(p, CORPUS) if p.startswith(CORPUS) else p for p in srcs)}')
        stats['written' if written else 'real'] += 1
        nn = bool(NUMNEG.search(s))
        stats['numneg'] += nn
        if not claims:
            stats['noclaim'] += 1; stats['noclaim_numneg'] += nn

total = stats['real'] + stats['written']
print(f"sentences: {total} (real/project {stats['real']}, written {stats['written']}); "
      f"with a number or negation: {stats['numneg']}; no claim: {stats['noclaim']} "
      f"({stats['noclaim_numneg']} of them with a number or negation); claims: {stats['claims']}")
for x in errors: print('ERROR', x)
print('ok' if not errors else f'{len(errors)} error(s)')
sys.exit(1 if errors else 0)
