"""Shared helpers for the expected-value generators in scripts/expected/.

Conventions: a tensor is an mpf (scalar) or a list of rows of mpf (matrix); shapes are [] or [m, n].
Every input literal is read as the binary64 value nearest to what is written (Python's float() rounds
correctly), then carried exactly into mpmath at 60 significant digits, so expected values are the exact
real-number results at the binary64 inputs, printed to 30 significant digits.

Independence: this module uses only the Python standard library and mpmath. It imports nothing from
the project (reference/, impl/, oracles/); it is a second, independent reading of the specification
spec/*.md (spec: value.number.nearest, op.vocabulary, prim.graph.evaluation, system.solution) and of
the paper (Edelman, Akyürek, Wang, arXiv:2303.15449).
"""
import json
import os
import re
import sys

from mpmath import mp, mpf

mp.dps = 60

NUM_RE = re.compile(r'^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$')
HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.normpath(os.path.join(HERE, '..', '..', 'conformance', 'cases'))
SCHEMA_REF = '../../spec/schema/case-file.schema.json'


class ShapeError(Exception):
    pass


class DomainError(Exception):
    pass


# ---------------------------------------------------------------- reading and writing numbers

def num(v):
    """A JSON number or number string -> mpf holding the nearest binary64 value exactly."""
    if isinstance(v, bool):
        raise TypeError(v)
    if isinstance(v, str):
        if v == 'NaN':
            return mpf('nan')
        if v == 'Infinity':
            return mpf('inf')
        if v == '-Infinity':
            return mpf('-inf')
        if not NUM_RE.match(v):
            raise ValueError(v)
        return mpf(float(v))
    return mpf(float(v))


def tensor(v):
    if isinstance(v, list):
        if not v or any(not isinstance(r, list) or len(r) != len(v[0]) or not r for r in v):
            raise ValueError('bad matrix')
        return [[num(e) for e in r] for r in v]
    return num(v)


def out(x):
    """mpf -> JSON value: a JSON number when exactly a binary64 value, else a 30-digit string."""
    x = mpf(x)
    if mp.isnan(x):
        return 'NaN'
    if mp.isinf(x):
        return 'Infinity' if x > 0 else '-Infinity'
    f = float(x)
    if mpf(f) == x:
        if f == int(f) and abs(f) < 2 ** 53:
            return int(f)
        return f
    s = mp.nstr(x, 30, min_fixed=-6, max_fixed=20)
    assert NUM_RE.match(s), s
    assert abs(mpf(s) - x) <= abs(x) * mpf('1e-29'), (s, x)
    return s


def out_t(t):
    return [[out(e) for e in r] for r in t] if is_mat(t) else out(t)


# ---------------------------------------------------------------- tensors

def is_mat(t):
    return isinstance(t, list)


def shape(t):
    return [len(t), len(t[0])] if is_mat(t) else []


def zeros(s):
    return [[mpf(0)] * s[1] for _ in range(s[0])] if s else mpf(0)


def ones(s):
    return [[mpf(1)] * s[1] for _ in range(s[0])] if s else mpf(1)


def eye(n):
    return [[mpf(1 if i == j else 0) for j in range(n)] for i in range(n)]


def emap(f, *ts):
    s = shape(ts[0])
    for t in ts[1:]:
        if shape(t) != s:
            raise ShapeError('elementwise shapes %s vs %s' % (s, shape(t)))
    if not s:
        return f(*ts)
    return [[f(*(t[i][j] for t in ts)) for j in range(s[1])] for i in range(s[0])]


def add(a, b):
    return emap(lambda x, y: x + y, a, b)


def sub(a, b):
    return emap(lambda x, y: x - y, a, b)


def had(a, b):
    return emap(lambda x, y: x * y, a, b)


def smul(c, t):
    return emap(lambda x: c * x, t)


def matmul(a, b):
    if not is_mat(a) or not is_mat(b) or len(a[0]) != len(b):
        raise ShapeError('matmul %s x %s' % (shape(a), shape(b)))
    return [[mp.fsum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))]
            for i in range(len(a))]


def transpose(a):
    return [list(c) for c in zip(*a)] if is_mat(a) else a


def inner(a, b):
    if shape(a) != shape(b):
        raise ShapeError('inner %s vs %s' % (shape(a), shape(b)))
    if not is_mat(a):
        return a * b
    return mp.fsum(x * y for ra, rb in zip(a, b) for x, y in zip(ra, rb))


def total(a):
    return mp.fsum(x for r in a for x in r) if is_mat(a) else a


def inverse(a):
    if not is_mat(a) or len(a) != len(a[0]):
        raise ShapeError('inverse of %s' % shape(a))
    if any(mp.isnan(x) for r in a for x in r):  # spec: nan.linalg (every element NaN, never E_DOMAIN)
        return [[mpf('nan')] * len(a) for _ in a]
    m = mp.matrix(a)
    if mp.det(m) == 0:
        raise DomainError('singular')
    inv = mp.inverse(m)
    return [[inv[i, j] for j in range(len(a))] for i in range(len(a))]


def det(a):
    if not is_mat(a) or len(a) != len(a[0]):
        raise ShapeError('det of %s' % shape(a))
    return mp.det(mp.matrix(a))


def flatten(t):
    return [x for r in t for x in r] if is_mat(t) else [t]


def with_element(t, k, v):
    """Copy of tensor t with flat (row-major) element k replaced by v."""
    if not is_mat(t):
        return v
    n = len(t[0])
    c = [list(r) for r in t]
    c[k // n][k % n] = v
    return c


def close(a, b, rtol, atol=0):
    fa, fb = flatten(a), flatten(b)
    if shape(a) != shape(b):
        return False
    for x, y in zip(fa, fb):
        if mp.isinf(x) or mp.isinf(y) or mp.isnan(x) or mp.isnan(y):
            if not (x == y or (mp.isnan(x) and mp.isnan(y))):
                return False
            continue
        if abs(x - y) > atol + rtol * abs(y):
            return False
    return True


# ---------------------------------------------------------------- operators (spec: op.vocabulary;
# apply_op follows the op.<kind>.apply rules, adjoint_op the op.<kind>.adjoint rules, e.g. op.zero.adjoint)

def apply_op(op, x):
    k = op['op']
    if k == 'identity':
        return x
    if k == 'zero':
        if 'domain' in op and shape(x) != list(op['domain']):
            raise ShapeError('zero domain')
        return zeros(list(op.get('codomain', shape(x))))
    if k == 'scale':
        c = num(op['by'])
        return smul(c, x)
    if k == 'left':
        return matmul(tensor(op['matrix']), x)
    if k == 'right':
        return matmul(x, tensor(op['matrix']))
    if k == 'hadamard':
        return had(tensor(op['matrix']), x)
    if k == 'kron':
        a, b = tensor(op['a']), tensor(op['b'])
        return matmul(matmul(b, x), transpose(a))
    if k == 'dot':
        return inner(tensor(op['matrix']), x)
    if k == 'outer':
        if is_mat(x):
            raise ShapeError('outer needs a scalar')
        return smul(x, tensor(op['matrix']))
    if k == 'transpose':
        return transpose(x)
    if k == 'compose':
        for o in reversed(op['of']):
            x = apply_op(o, x)
        return x
    if k == 'sum':
        parts = [apply_op(o, x) for o in op['of']]
        acc = parts[0]
        for p in parts[1:]:
            acc = add(acc, p)
        return acc
    if k == 'adjoint':
        return adjoint_op(op['of'], x)
    raise KeyError(k)


def adjoint_op(op, y):
    k = op['op']
    if k in ('identity', 'scale', 'hadamard', 'transpose'):
        return apply_op(op, y)
    if k == 'zero':
        sw = {'op': 'zero'}
        if 'codomain' in op:
            sw['domain'] = op['codomain']
        if 'domain' in op:
            sw['codomain'] = op['domain']
        return apply_op(sw, y)
    if k == 'left':
        return matmul(transpose(tensor(op['matrix'])), y)
    if k == 'right':
        return matmul(y, transpose(tensor(op['matrix'])))
    if k == 'kron':
        a, b = tensor(op['a']), tensor(op['b'])
        return matmul(matmul(transpose(b), y), a)
    if k == 'dot':
        return apply_op({'op': 'outer', 'matrix': op['matrix']}, y)
    if k == 'outer':
        return apply_op({'op': 'dot', 'matrix': op['matrix']}, y)
    if k == 'compose':
        for o in op['of']:
            y = adjoint_op(o, y)
        return y
    if k == 'sum':
        parts = [adjoint_op(o, y) for o in op['of']]
        acc = parts[0]
        for p in parts[1:]:
            acc = add(acc, p)
        return acc
    if k == 'adjoint':
        return apply_op(op['of'], y)
    raise KeyError(k)


def basis(s):
    n = len(flatten(zeros(s)))
    for k in range(n):
        yield with_element(zeros(s), k, mpf(1))


def explicit_matrix(op, dom_shape):
    """Columns: flat(apply(e_k)) for the row-major basis e_k of the domain."""
    cols = [flatten(apply_op(op, e)) for e in basis(dom_shape)]
    return [list(r) for r in zip(*cols)]


def check_adjoint(op, x, y):
    """Adjoint identity at (x, y), and adjoint == transpose of the explicit matrix of apply."""
    lhs = inner(y, apply_op(op, x))
    rhs = inner(adjoint_op(op, y), x)
    assert abs(lhs - rhs) <= mpf('1e-40') * (1 + abs(lhs)), (op, lhs, rhs)
    m = explicit_matrix(op, shape(x))
    madj = [flatten(adjoint_op(op, e)) for e in basis(shape(y))]  # rows of M^T, i.e. columns of adjoint
    for i, row in enumerate(madj):
        for j, v in enumerate(row):
            assert abs(v - m[i][j]) <= mpf('1e-40'), (op, i, j)


# ---------------------------------------------------------------- graph forward evaluation

def _elementwise(f, check=None):
    def run(args, node):
        (a,) = args
        if check:
            emap(check, a)
        return emap(f, a)
    return run


def _dom(pred, what):
    def check(x):
        if mp.isnan(x):
            return x
        if not pred(x):
            raise DomainError(what)
        return x
    return check


def _pow(args, node):
    (a,) = args
    p = num(node['exponent'])
    pint = p == mp.floor(p)

    def f(x):
        if x < 0 and not pint:
            raise DomainError('pow: negative base, non-integer exponent')
        if x == 0 and p < 0:
            raise DomainError('pow: zero base, negative exponent')
        if p == 0:
            return mpf(1)  # every element, 0 and NaN included (spec: prim.pow.forward; IEEE pow(x, 0) = 1)
        if pint:
            return x ** int(p)
        return mp.power(x, p)
    return emap(f, a)


def _binary(f):
    def run(args, node):
        a, b = args
        return emap(f, a, b)
    return run


def _div(x, y):
    if y == 0:
        raise DomainError('division by zero')
    return x / y


def _scale(args, node):
    s, x = args
    if is_mat(s):
        raise ShapeError('scale: s must be scalar')
    return smul(s, x)


def _trace(args, node):
    (a,) = args
    if not is_mat(a) or len(a) != len(a[0]):
        raise ShapeError('trace')
    return mp.fsum(a[i][i] for i in range(len(a)))


def _logdet(args, node):
    (a,) = args
    if is_mat(a) and len(a) == len(a[0]) and any(mp.isnan(x) for r in a for x in r):
        return mpf('nan')                                       # spec: nan.linalg (NaN, never E_DOMAIN)
    d = det(a)
    if d <= 0:
        raise DomainError('logdet: det <= 0')
    return mp.log(d)


def _dotp(args, node):
    a, b = args
    return inner(a, b)


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


PRIM = {
    'add': _binary(lambda x, y: x + y),
    'sub': _binary(lambda x, y: x - y),
    'mul': _binary(lambda x, y: x * y),
    'div': _binary(_div),
    'neg': _elementwise(lambda x: -x),
    'scale': _scale,
    'matmul': lambda args, node: matmul(*args),
    'transpose': lambda args, node: transpose(args[0]),
    'sum': lambda args, node: total(args[0]),
    'dot': _dotp,
    'trace': _trace,
    'exp': _elementwise(mp.exp),
    'log': _elementwise(mp.log, _dom(lambda x: x > 0, 'log')),
    'sin': _elementwise(mp.sin),
    'cos': _elementwise(mp.cos),
    'tanh': _elementwise(mp.tanh),
    'sigmoid': _elementwise(sigmoid),
    'sqrt': _elementwise(mp.sqrt, _dom(lambda x: x >= 0, 'sqrt')),
    'square': _elementwise(lambda x: x * x),
    'relu': _elementwise(lambda x: x if x > 0 or mp.isnan(x) else mpf(0)),  # relu(NaN) = NaN (prim.relu.forward)
    'pow': _pow,
    'inv': lambda args, node: inverse(args[0]),
    'logdet': _logdet,
}


def evaluate(graph, override=None):
    env = {}
    for i in graph['inputs']:
        env[i['id']] = tensor(i['value'])
    for c in graph.get('constants', []):
        env[c['id']] = tensor(c['value'])
    if override:
        env.update(override)
    for n in graph['nodes']:
        env[n['id']] = PRIM[n['op']]([env[a] for a in n['args']], n)
    return env[graph['output']]


def graph_env(graph):
    env = {}
    for i in graph['inputs']:
        env[i['id']] = tensor(i['value'])
    for c in graph.get('constants', []):
        env[c['id']] = tensor(c['value'])
    return env


def fd_gradient(graph, cot, wrt, h=mpf('1e-25')):
    """Central finite differences of <cot, f(inputs)> at 60 digits (truncation ~h^2)."""
    env = graph_env(graph)
    res = {}
    for name in wrt:
        x = env[name]
        g = []
        for k, v in enumerate(flatten(x)):
            fp = inner(cot, evaluate(graph, {name: with_element(x, k, v + h)}))
            fm = inner(cot, evaluate(graph, {name: with_element(x, k, v - h)}))
            g.append((fp - fm) / (2 * h))
        if is_mat(x):
            n = len(x[0])
            res[name] = [g[i * n:(i + 1) * n] for i in range(len(x))]
        else:
            res[name] = g[0]
    return res


def graph_case(cid, description, tags, graph, grad_fn, *, cotangent=None, wrt=None, provenance,
               fd=True, value_fn=None):
    """Build a graph case. grad_fn(env, G) -> {input id: tensor} from the closed form.

    Checks: the closed form against central finite differences (unless fd=False, e.g. at a kink);
    the closed form at 53-bit working precision against 60 digits (a conditioning check: a binary64
    implementation should pass the default rtol 1e-10 with a wide margin).
    """
    env = graph_env(graph)
    value = evaluate(graph)
    if value_fn is not None:
        v2 = value_fn(env)
        assert close(v2, value, mpf('1e-45'), mpf('1e-50')), (cid, 'value_fn disagrees')
    G = tensor(cotangent) if cotangent is not None else mpf(1)
    names = wrt if wrt is not None else [i['id'] for i in graph['inputs']]
    grads = grad_fn(env, G)
    assert sorted(grads) == sorted(names), (cid, sorted(grads), names)
    for k in names:
        assert shape(grads[k]) == shape(env[k]), (cid, k)
    if fd:
        fdg = fd_gradient(graph, G, names)
        for k in names:
            assert close(fdg[k], grads[k], mpf('1e-20'), mpf('1e-20')), (cid, k, fdg[k], grads[k])
    with mp.workprec(53):
        env53 = graph_env(graph)
        g53 = grad_fn(env53, tensor(cotangent) if cotangent is not None else mpf(1))
        v53 = evaluate(graph)
    assert close(v53, value, mpf('1e-13'), mpf('1e-14')), (cid, 'value conditioning', v53, value)
    for k in names:
        assert close(g53[k], grads[k], mpf('1e-13'), mpf('1e-14')), (cid, k, 'conditioning')
    case = {'id': cid, 'description': description, 'tags': tags, 'kind': 'graph', 'graph': graph}
    if wrt is not None:
        case['wrt'] = wrt
    if cotangent is not None:
        case['cotangent'] = cotangent
    case['expect'] = {'value': out_t(value), 'gradient': {k: out_t(grads[k]) for k in names}}
    case['provenance'] = provenance
    return case


# ---------------------------------------------------------------- systems

def solve_system(system):
    """Back substitution: ybar_a = rhs_a + sum over edges a->b of op^T(ybar_b), from the last unknown up."""
    order = [u['id'] for u in system['unknowns']]
    shp = {u['id']: list(u['shape']) for u in system['unknowns']}
    rhs = {k: tensor(v) for k, v in system.get('rhs', {}).items()}
    ybar = {}
    for a in reversed(order):
        acc = rhs.get(a, zeros(shp[a]))
        for e in system['edges']:
            if e['from'] == a:
                acc = add(acc, adjoint_op(e['operator'], ybar[e['to']]))
        assert shape(acc) == shp[a]
        ybar[a] = acc
    return ybar


def system_case(cid, description, tags, system, closed, provenance):
    """closed: {unknown id: tensor} from the closed form; cross-checked with solve_system."""
    sol = solve_system(system)
    assert sorted(sol) == sorted(closed), cid
    for k in sol:
        assert close(sol[k], closed[k], mpf('1e-45'), mpf('1e-50')), (cid, k, sol[k], closed[k])
    return {'id': cid, 'description': description, 'tags': tags, 'kind': 'system', 'system': system,
            'expect': {'solution': {u['id']: out_t(closed[u['id']]) for u in system['unknowns']}},
            'provenance': provenance}


def operator_case(cid, description, tags, op, x, y, provenance, apply_expected=None,
                  adjoint_expected=None):
    """Expected apply/adjoint from the definitions; checked by the adjoint identity and explicit matrix.
    If apply_expected/adjoint_expected are given (hand values), they must agree."""
    X, Y = tensor(x), tensor(y)
    a = apply_op(op, X)
    b = adjoint_op(op, Y)
    assert shape(a) == shape(Y), (cid, 'y not in codomain')
    assert shape(b) == shape(X), (cid, 'adjoint not in domain')
    check_adjoint(op, X, Y)
    if apply_expected is not None:
        assert close(tensor(apply_expected), a, mpf('1e-45')), (cid, a)
    if adjoint_expected is not None:
        assert close(tensor(adjoint_expected), b, mpf('1e-45')), (cid, b)
    return {'id': cid, 'description': description, 'tags': tags, 'kind': 'operator', 'operator': op,
            'x': x, 'y': y, 'expect': {'apply': out_t(a), 'adjoint': out_t(b)}, 'provenance': provenance}


# ---------------------------------------------------------------- output

def _is_flat(v):
    prim = (int, float, str)
    return isinstance(v, list) and all(isinstance(e, prim) or
                                       (isinstance(e, list) and all(isinstance(f, prim) for f in e))
                                       for e in v)


def dumps(v, ind=0):
    """JSON with objects indented and tensors / shapes / id lists on one line."""
    pad = '  ' * ind
    if isinstance(v, dict):
        if not v:
            return '{}'
        one = json.dumps(v, ensure_ascii=False, separators=(', ', ': '))
        if len(one) + len(pad) <= 100 and all(not isinstance(x, (dict, list)) or _is_flat(x)
                                              for x in v.values()):
            return one
        items = ['%s  %s: %s' % (pad, json.dumps(k, ensure_ascii=False), dumps(x, ind + 1))
                 for k, x in v.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(v, list):
        if _is_flat(v):
            return json.dumps(v, ensure_ascii=False, separators=(', ', ': '))
        items = ['%s  %s' % (pad, dumps(x, ind + 1)) for x in v]
        return '[\n' + ',\n'.join(items) + '\n' + pad + ']'
    return json.dumps(v, ensure_ascii=False)


def write_cases(topic, cases):
    ids = [c['id'] for c in cases]
    assert len(ids) == len(set(ids)), 'duplicate ids'
    for c in cases:
        assert re.match(r'^[a-z0-9][a-z0-9._-]*$', c['id']), c['id']
    doc = {'$schema': SCHEMA_REF, 'cases': cases}
    text = dumps(doc) + '\n'
    json.loads(text)
    if '--stdout' in sys.argv:
        sys.stdout.write(text)
        return
    path = os.path.join(CASES_DIR, topic + '.json')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write(text)
    print('%s: %d cases -> %s' % (topic, len(cases), os.path.relpath(path, os.path.join(HERE, '..', '..'))))


def prov(method, source, notes=None):
    p = {'method': method, 'source': source}
    if notes:
        p['notes'] = notes
    return p
