"""Writes conformance/cases/nan.json: the NaN, ±Infinity and error-parity policy as cases.

Expected values come from IEEE 754 binary64 rules applied to each primitive's forward formula and to
its linearization as operator data (spec: nan.policy, nan.propagation, nan.zero-edges, nan.linalg,
nan.back-substitution, prim.overflow): every IEEE operation on a NaN operand gives NaN, 0·NaN = NaN,
0·∞ = NaN, ∞ − ∞ = NaN, x/±∞ = ±0, exp(−∞) = 0, tanh(±∞) = ±1, and pow(NaN, 0) = 1. Each case's
expected tensors are computed by the independent mpmath evaluator of common.py (mpmath follows the
same IEEE rules for nan and inf, checked below), and the derivative by the closed-form linearize rule
of the primitive written out here; a hand-written expectation in every case (`hand=`) must agree with
both, so a case states its IEEE answer twice, once by rule and once by computation. Error-parity cases
expect the spec error where IEEE arithmetic would return a value (log(−1) = NaN, 1/0 = ∞):
spec: error.parity. No finite differences (they are undefined at NaN and ±∞).
Run: python3 scripts/expected/nan.py
"""
from mpmath import mp, mpf

from common import (DomainError, evaluate, graph_env, had, emap, inner, matmul, transpose, out_t, tensor,
                    shape, sigmoid, write_cases, solve_system, apply_op, adjoint_op, is_mat)

SRC = 'scripts/expected/nan.py'
NAN, INF = mpf('nan'), mpf('inf')

# mpmath follows IEEE 754 for the rules the cases rely on (asserted, so a different mpmath fails loudly)
assert mp.isnan(NAN * 0) and mp.isnan(INF * 0) and mp.isnan(INF - INF) and mp.isnan(mp.fsum([NAN, mpf(1)]))
assert mp.exp(-INF) == 0 and mp.tanh(INF) == 1 and mp.tanh(-INF) == -1 and 1 / INF == 0
assert mp.isnan(mp.exp(NAN)) and mp.isnan(mp.log(NAN)) and mp.isnan(mp.sin(INF))


def hand_t(v):
    """A hand-written tensor: mpf elements (closed forms such as e) kept exactly, the rest read as tensor()."""
    if isinstance(v, list):
        return [[e if isinstance(e, mpf) else tensor(e) for e in r] for r in v]
    return v if isinstance(v, mpf) else tensor(v)


def same(a, b):
    """Exact equality of tensors, NaN equal to NaN (spec: compare.nan)."""
    if shape(a) != shape(b):
        return False
    fa = [e for r in a for e in r] if is_mat(a) else [a]
    fb = [e for r in b for e in r] if is_mat(b) else [b]
    return all((mp.isnan(x) and mp.isnan(y)) or x == y for x, y in zip(fa, fb))


# the derivative entry D = h'(x) of each elementwise primitive, written as its linearize rule writes it
# (in terms of the forward value C where the rule does), so IEEE decides the non-finite points
def _d_sqrt(x):
    c = mp.sqrt(x) if not mp.isnan(x) else NAN
    return INF if c == 0 else 1 / (2 * c)


def _d_relu(x):
    return NAN if mp.isnan(x) else (mpf(1) if x > 0 else mpf(0))


def _d_pow(p):
    def d(x):
        if p == 0:
            return mpf(0)                               # spec: prim.pow.linearize (D = 0 for p = 0)
        if mp.isnan(x):
            return NAN
        if mp.isinf(x):                                 # p·x^(p−1) by IEEE pow at ±∞
            e = p - 1
            if e == 0:
                return p
            mag = INF if e > 0 else mpf(0)
            neg = x < 0 and e == mp.floor(e) and int(e) % 2 == 1
            return p * (-mag if neg else mag)
        return p * x ** (p - 1)
    return d


DERIV = {
    'exp': lambda x: mp.exp(x),                                       # prim.exp.linearize: D = C
    'log': lambda x: 1 / x,                                           # prim.log.linearize
    'sin': lambda x: mp.cos(x),                                       # prim.sin.linearize
    'cos': lambda x: -mp.sin(x),                                      # prim.cos.linearize
    'tanh': lambda x: 1 - mp.tanh(x) ** 2,                            # prim.tanh.linearize: 1 − C²
    'sigmoid': lambda x: sigmoid(x) * (1 - sigmoid(x)),               # prim.sigmoid.linearize: C(1 − C)
    'sqrt': _d_sqrt,                                                  # prim.sqrt.linearize: 1/(2C)
    'square': lambda x: 2 * x,                                        # prim.square.linearize
    'relu': _d_relu,                                                  # prim.relu.forward, prim.relu.linearize
    'neg': lambda x: mpf(-1),                                         # prim.neg.linearize: scale(−1)
}


def node(i, op, *args, **attrs):
    n = {'id': i, 'op': op, 'args': list(args)}
    n.update(attrs)
    return n


def build(cid, desc, tags, graph, grads, anchors, why, cotangent=None, wrt=None, hand=None):
    """A graph case: value by the evaluator, gradient from `grads(env, G)` (closed form)."""
    value = evaluate(graph)
    env = graph_env(graph)
    G = tensor(cotangent) if cotangent is not None else mpf(1)
    g = grads(env, G)
    if hand is not None:                                          # the IEEE answer written by hand
        hv, hg = hand
        assert same(hand_t(hv), value), (cid, 'value', value)
        for k, t in hg.items():
            assert same(hand_t(t), g[k]), (cid, k, g[k])
    case = {'id': cid, 'description': desc, 'tags': ['nan-policy'] + tags, 'kind': 'graph', 'graph': graph}
    if wrt is not None:
        case['wrt'] = wrt
    if cotangent is not None:
        case['cotangent'] = cotangent
    case['expect'] = {'value': out_t(value), 'gradient': {k: out_t(v) for k, v in g.items()}}
    case['provenance'] = {'method': 'closed-form', 'source': '%s; spec: %s' % (SRC, anchors), 'notes': why}
    return case


def unary(op, x, cid, desc, anchors, why, exponent=None, cotangent=None, hand=None, tags=()):
    attrs = {} if exponent is None else {'exponent': exponent}
    graph = {'inputs': [{'id': 'x', 'value': x}], 'nodes': [node('y', op, 'x', **attrs)], 'output': 'y'}
    d = _d_pow(mpf(float(exponent))) if op == 'pow' else DERIV[op]
    return build(cid, desc, [op] + list(tags), graph, lambda env, G: {'x': had(emap(d, env['x']), G)},
                 anchors, why, cotangent=cotangent, hand=hand)


cases = []

# ------------------------------------------------------------------ NaN through each elementwise primitive
for op in ['exp', 'log', 'sin', 'cos', 'tanh', 'sigmoid', 'sqrt', 'square', 'relu']:
    cases.append(unary(op, 'NaN', 'nan.%s.scalar' % op,
                       '%s(NaN) = NaN and its derivative entry is NaN, so the gradient is NaN (not an error).' % op,
                       'nan.propagation, prim.domain, prim.%s.linearize' % op,
                       'IEEE 754: every operation with a NaN operand gives NaN; a NaN element is never a domain '
                       'fault (spec: prim.domain), so this is a value, not E_DOMAIN.',
                       hand=('NaN', {'x': 'NaN'})))
cases.append(unary('neg', 'NaN', 'nan.neg.scalar',
                   'neg(NaN) = NaN, but the gradient is −1: neg\'s edge scale(−1) holds no forward value.',
                   'nan.propagation, prim.neg.linearize', 'IEEE: −NaN is NaN; the linearization is scale(−1).',
                   hand=('NaN', {'x': -1})))
cases.append(unary('pow', 'NaN', 'nan.pow.scalar', 'pow(NaN) with p = 3 is NaN; derivative 3·NaN² = NaN.',
                   'nan.propagation, prim.pow.linearize', 'IEEE 754: NaN operands give NaN.',
                   exponent=3, hand=('NaN', {'x': 'NaN'})))
cases.append(unary('pow', 'NaN', 'nan.pow.fractional', 'pow(NaN) with p = 0.5 is NaN (not E_DOMAIN); derivative NaN.',
                   'nan.propagation, prim.domain, prim.pow.domain',
                   'A NaN element is never a domain fault, even where a fractional exponent restricts the domain.',
                   exponent=0.5, hand=('NaN', {'x': 'NaN'})))
cases.append(unary('pow', 'NaN', 'nan.pow.zero-exponent',
                   'pow(NaN) with p = 0 is 1 (IEEE pow(x, 0) = 1 for every x, NaN included) and its derivative is '
                   '0: a NaN input that does not reach the output.',
                   'nan.propagation, prim.pow.forward, prim.pow.linearize',
                   'IEEE 754 pow(NaN, 0) = 1; spec: prim.pow.forward (C = 1 for every element when p = 0) and '
                   'prim.pow.linearize (D = 0 when p = 0).',
                   exponent=0, hand=(1, {'x': 0})))
cases.append(unary('exp', [['NaN', 0], [1, '-Infinity']], 'nan.exp.matrix-one-element',
                   'exp of a matrix with one NaN: only that element of the value and of the gradient is NaN.',
                   'nan.propagation, prim.elementwise',
                   'An elementwise primitive maps element ij to element ij only: the NaN poisons exactly its own '
                   'element (exp(−∞) = 0 with derivative 0 beside it).',
                   cotangent=[[2, 3], [-1, 5]],
                   hand=([['NaN', 1], [+mp.e, 0]], {'x': [['NaN', 3], [-mp.e, 0]]})))
cases.append(unary('relu', [['NaN', -2, 3]], 'nan.relu.matrix',
                   'relu of [NaN, −2, 3]: value [NaN, 0, 3], derivative entries [NaN, 0, 1].',
                   'nan.propagation, prim.relu.forward', 'relu(NaN) = NaN with D = NaN (spec: prim.relu.forward).',
                   cotangent=[[1, 1, 1]], hand=([['NaN', 0, 3]], {'x': [['NaN', 0, 1]]})))


# ------------------------------------------------------------------ binary and reducing primitives
def binary(op, a, b, cid, desc, anchors, why, dA, dB, hand, cotangent=None):
    graph = {'inputs': [{'id': 'a', 'value': a}, {'id': 'b', 'value': b}], 'nodes': [node('y', op, 'a', 'b')],
             'output': 'y'}
    def times(d, G):  # D ⊙ G, or D·G for a scalar output (dot)
        return emap(lambda v: v * G, d) if not is_mat(G) else had(d, G)
    return build(cid, desc, [op], graph, lambda env, G: {'a': times(dA(env), G), 'b': times(dB(env), G)},
                 anchors, why, cotangent=cotangent, hand=hand)


ONE = lambda env: mpf(1)
cases += [
    binary('add', 'NaN', 2, 'nan.add.scalar', 'add(NaN, 2) = NaN, but both gradients are 1: add\'s edges are '
           'identities, which carry no number that NaN could poison.', 'nan.propagation, prim.add.linearize',
           'The value is NaN (IEEE); the linearization 𝓘 · 𝓘 holds no forward value, and the cotangent is 1.',
           ONE, ONE, ('NaN', {'a': 1, 'b': 1})),
    binary('mul', 'NaN', 2, 'nan.mul.scalar', 'mul(NaN, 2) = NaN; ∂/∂a = b = 2 (finite), ∂/∂b = a = NaN.',
           'nan.propagation, prim.mul.linearize',
           'The edge from a is ℋ(B), which holds only b; the edge from b is ℋ(A), which holds the NaN.',
           lambda env: env['b'], lambda env: env['a'], ('NaN', {'a': 2, 'b': 'NaN'})),
    binary('div', 1, 'NaN', 'nan.div.denominator', 'div(1, NaN) = NaN; both derivative entries hold the NaN.',
           'nan.propagation, prim.div.domain, prim.div.linearize',
           'A NaN denominator is not zero, so not E_DOMAIN (spec: prim.domain); D_A = 1/B and D_B = −A/B² are NaN.',
           lambda env: 1 / env['b'], lambda env: -env['a'] / env['b'] ** 2, ('NaN', {'a': 'NaN', 'b': 'NaN'})),
    binary('mul', 'Infinity', 0, 'nan.mul.infinity-times-zero',
           'mul(+∞, 0) = NaN (IEEE ∞·0); ∂/∂a = b = 0 and ∂/∂b = a = +∞ are not NaN.',
           'nan.policy, prim.overflow, prim.mul.linearize',
           'NaN created from non-NaN inputs is a value (spec: prim.overflow); each derivative entry is one input.',
           lambda env: env['b'], lambda env: env['a'], ('NaN', {'a': 0, 'b': 'Infinity'})),
    binary('add', 'Infinity', '-Infinity', 'nan.add.infinities', 'add(+∞, −∞) = NaN (IEEE); both gradients are 1.',
           'nan.policy, prim.overflow, prim.add.linearize', 'IEEE 754: ∞ − ∞ is NaN; the edges are identities.',
           ONE, ONE, ('NaN', {'a': 1, 'b': 1})),
    binary('div', 'Infinity', 2, 'inf.div.numerator', 'div(+∞, 2) = +∞; D_A = 1/2, D_B = −∞/4 = −∞.',
           'nan.policy, prim.div.linearize', 'IEEE 754 division by a finite non-zero number.',
           lambda env: 1 / env['b'], lambda env: -env['a'] / env['b'] ** 2, ('Infinity', {'a': 0.5, 'b': '-Infinity'})),
    binary('div', 3, '-Infinity', 'inf.div.denominator', 'div(3, −∞) = −0; D_A = 1/(−∞) = −0, D_B = −3/∞ = −0.',
           'nan.policy, prim.div.domain, prim.div.linearize',
           'Infinite denominators are in the domain (spec: prim.div.domain); x/±∞ = ±0 (compare.zero).',
           lambda env: 1 / env['b'], lambda env: -env['a'] / env['b'] ** 2, (0, {'a': 0, 'b': 0})),
    binary('dot', [[1, 'NaN'], [3, 4]], [[5, 6], [0, 8]], 'nan.dot.matrix',
           'dot(A, B) with A_12 = NaN: value NaN; ∇_A = B is finite, ∇_B = A carries the NaN at (1, 2) only.',
           'nan.propagation, prim.dot.linearize',
           'The edge from A is Bᵀ• (holds only B), the edge from B is Aᵀ• (holds A); its adjoint c ↦ c·A puts '
           'the NaN in one element.',
           lambda env: env['b'], lambda env: env['a'],
           ('NaN', {'a': [[5, 6], [0, 8]], 'b': [[1, 'NaN'], [3, 4]]})),
]


def single(op, x, cid, desc, anchors, why, grad, hand, cotangent=None):
    graph = {'inputs': [{'id': 'a', 'value': x}], 'nodes': [node('y', op, 'a')], 'output': 'y'}
    return build(cid, desc, [op], graph, lambda env, G: {'a': grad(env, G)}, anchors, why,
                 cotangent=cotangent, hand=hand)


def ones_like(t):
    return emap(lambda v: mpf(1), t)


cases += [
    single('sum', [['NaN', 1], [2, 3]], 'nan.sum.matrix', 'sum of a matrix with a NaN: value NaN, gradient all ones.',
           'nan.propagation, prim.sum.linearize', 'The edge 𝟙ᵀ• holds no forward value; its adjoint c ↦ c·𝟙.',
           lambda env, G: had(ones_like(env['a']), emap(lambda v: G, env['a'])),
           ('NaN', {'a': [[1, 1], [1, 1]]})),
    single('trace', [[1, 'NaN'], [2, 3]], 'nan.trace.off-diagonal',
           'trace of [[1, NaN], [2, 3]] is 4: the off-diagonal NaN is not a term of Σ A_ii; gradient I.',
           'nan.propagation, prim.trace.forward',
           'trace is Σ_i A_ii: the formula does not contain A_12, so the NaN does not reach the value '
           '(a structural zero, spec: nan.zero-edges); the adjoint of I_nᵀ• is c ↦ c·I.',
           lambda env, G: [[G, mpf(0)], [mpf(0), G]], (4, {'a': [[1, 0], [0, 1]]})),
    single('transpose', [['NaN', 1, 2]], 'nan.transpose.moves', 'transpose moves the NaN; the gradient follows the '
           'cotangent back, which holds no NaN.', 'nan.propagation, prim.transpose.linearize',
           'The edge 𝒯 holds no forward value.', lambda env, G: transpose(G),
           ([['NaN'], [1], [2]], {'a': [[7, 8, 9]]}), cotangent=[[7], [8], [9]]),
]

# ------------------------------------------------------------------ matmul: exactly the outputs a NaN reaches
A = [['NaN', 1], [2, 3]]
B = [[0, 2], [5, 4]]
cases.append(build(
    'nan.matmul.row', 'matmul(A, B) with A_11 = NaN and B_11 = 0: row 1 of C is NaN (NaN·0 is NaN), row 2 is '
    'finite; ∇_A = G Bᵀ is finite; ∇_B = Aᵀ G has NaN exactly in row 1.', ['matmul'],
    {'inputs': [{'id': 'A', 'value': A}, {'id': 'B', 'value': B}], 'nodes': [node('C', 'matmul', 'A', 'B')],
     'output': 'C'},
    lambda env, G: {'A': matmul(G, transpose(env['B'])), 'B': matmul(transpose(env['A']), G)},
    'nan.propagation, nan.zero-edges, prim.matmul.forward, prim.matmul.linearize',
    'C_ij = Σ_k A_ik B_kj contains A_11 for every j of row 1, and A_11·B_11 = NaN·0 = NaN: a numerically '
    'zero factor does not block NaN. (A BLAS that skips zero B_kj would give C_11 = 5: a deviation.) The '
    'edge from A is ℛ(B), holding only B; the edge from B is ℒ(A), whose adjoint Aᵀ·G puts A_11 in row 1.',
    cotangent=[[1, -1], [2, 1]],
    hand=([['NaN', 'NaN'], [15, 16]], {'A': [[-2, 1], [2, 14]], 'B': [['NaN', 'NaN'], [7, 2]]})))

N12 = 12  # 12·12·12 = 1728 multiply-adds: above the size where a backend may switch to a blocked or SIMD kernel
A12 = [[((5 * i + 3 * j) % 7) - 3 for j in range(N12)] for i in range(N12)]
A12[4][7] = 'NaN'
B12 = [[((2 * i + j) % 5) - 2 for j in range(N12)] for i in range(N12)]
G12 = [[((i + j) % 3) - 1 for j in range(N12)] for i in range(N12)]
assert any(B12[7][j] == 0 for j in range(N12)) and any(G12[4][j] == 0 for j in range(N12))
cases.append(build(
    'nan.matmul.blocked', 'matmul of 12×12 integer matrices with A_58 = NaN (1-based), zeros in B and in the '
    'cotangent: row 5 of C and row 8 of ∇_B are NaN in every element, zero factors included; everything else is '
    'exact integers.', ['matmul', 'large'],
    {'inputs': [{'id': 'A', 'value': A12}, {'id': 'B', 'value': B12}], 'nodes': [node('C', 'matmul', 'A', 'B')],
     'output': 'C'},
    lambda env, G: {'A': matmul(G, transpose(env['B'])), 'B': matmul(transpose(env['A']), G)},
    'nan.propagation, nan.zero-edges, nan.back-substitution, prim.matmul.linearize',
    'C_5j = Σ_k A_5k B_kj holds A_58·B_8j for every j, NaN even where B_8j = 0; (Aᵀ G)_8j = Σ_i A_i8 G_ij holds '
    'A_58·G_5j, NaN even where G_5j = 0; ∇_A = G Bᵀ holds no NaN. The size is chosen so that blocked and SIMD '
    'kernels are exercised, which must not skip zero factors.',
    cotangent=G12))
assert all(v == 'NaN' for v in cases[-1]['expect']['value'][4])
assert sum(1 for r in cases[-1]['expect']['value'] for v in r if v == 'NaN') == N12
assert sum(1 for r in cases[-1]['expect']['gradient']['B'] for v in r if v == 'NaN') == N12
assert all(v == 'NaN' for v in cases[-1]['expect']['gradient']['B'][7])
assert not any(v == 'NaN' for r in cases[-1]['expect']['gradient']['A'] for v in r)

# ------------------------------------------------------------------ NaN cotangent; NaN adjoints in back substitution
cases.append(build(
    'nan.cotangent.matmul', 'A NaN cotangent element G_11 through matmul, with zeros in A and B: ∇_A = G Bᵀ is NaN in '
    'row 1, ∇_B = Aᵀ G is NaN in column 1; everything else is finite.', ['matmul', 'cotangent'],
    {'inputs': [{'id': 'A', 'value': [[0, 1], [2, 0]]}, {'id': 'B', 'value': [[0, 3], [4, 0]]}],
     'nodes': [node('C', 'matmul', 'A', 'B')], 'output': 'C'},
    lambda env, G: {'A': matmul(G, transpose(env['B'])), 'B': matmul(transpose(env['A']), G)},
    'nan.back-substitution, nan.zero-edges, prim.matmul.linearize',
    '(G Bᵀ)_1k = Σ_j G_1j B_kj contains G_11·B_k1 for every k, and (Aᵀ G)_k1 = Σ_i A_ik G_i1 contains '
    'A_1k·G_11 for every k: NaN·0 = NaN, so zeros in A and B do not stop it.',
    cotangent=[['NaN', 1], [1, 1]],
    hand=([[4, 0], [0, 6]], {'A': [['NaN', 'NaN'], [3, 4]], 'B': [['NaN', 2], ['NaN', 1]]})))
cases.append(build(
    'nan.cotangent.elementwise', 'A NaN cotangent element through tanh: only that element of the gradient is NaN.',
    ['tanh', 'cotangent'],
    {'inputs': [{'id': 'x', 'value': [[0, 1]]}], 'nodes': [node('y', 'tanh', 'x')], 'output': 'y'},
    lambda env, G: {'x': had(emap(DERIV['tanh'], env['x']), G)},
    'nan.back-substitution, prim.tanh.linearize', 'ℋ(D)ᵀ• multiplies element by element.',
    cotangent=[['NaN', 2]], hand=([[0, mp.tanh(1)]], {'x': [['NaN', 2 * (1 - mp.tanh(1) ** 2)]]})))
cases.append(build(
    'nan.zero-edges.mul-by-zero', 't = mul(x, z) with the constant z = 0, then s = mul(t, w) with w = NaN: the NaN '
    'adjoint of t meets the derivative entry z = 0 on the edge into x, and ∇_x = 0·NaN = NaN: a numerically zero '
    'derivative entry does not block a NaN adjoint.', ['mul', 'zero-edge'],
    {'inputs': [{'id': 'x', 'value': 3}, {'id': 'w', 'value': 'NaN'}], 'constants': [{'id': 'z', 'value': 0}],
     'nodes': [node('t', 'mul', 'x', 'z'), node('s', 'mul', 't', 'w')], 'output': 's'},
    lambda env, G: {'x': env['z'] * (env['w'] * G), 'w': env['x'] * env['z'] * G},
    'nan.zero-edges, nan.back-substitution, prim.mul.linearize',
    't = 3·0 = 0; s = 0·NaN = NaN; ȳ_s = 1, ȳ_t = w·1 = NaN (edge ℋ(w)), ȳ_x = z·ȳ_t = 0·NaN = NaN (edge ℋ(z), '
    'IEEE). ∇_w = t·1 = 0: no NaN is on that path.',
    hand=('NaN', {'x': 'NaN', 'w': 0})))
cases.append(build(
    'nan.zero-edges.relu-negative', 'A NaN adjoint meets relu\'s derivative entry 0 (at x = −1): ∇_x = 0·NaN = '
    'NaN. The edge is ℋ(D) with D = 0, a number, not an absent edge.', ['relu', 'zero-edge'],
    {'inputs': [{'id': 'x', 'value': -1}, {'id': 'w', 'value': 'NaN'}],
     'nodes': [node('r', 'relu', 'x'), node('s', 'mul', 'r', 'w')], 'output': 's'},
    lambda env, G: {'x': _d_relu(env['x']) * env['w'] * G, 'w': mpf(0) * G},
    'nan.zero-edges, nan.back-substitution, prim.relu.linearize',
    'r = relu(−1) = 0; s = 0·NaN = NaN; ȳ_r = w = NaN; ȳ_x = D·ȳ_r = 0·NaN = NaN (IEEE). ∇_w = r = 0. A '
    'backend whose relu backward selects (x > 0 ? ȳ : 0) instead of multiplying by D gives 0: a deviation.',
    hand=('NaN', {'x': 'NaN', 'w': 0})))
cases.append(build(
    'nan.live.dead-branch', 'A NaN input used only by a node the output does not depend on: the node is not live, '
    'its edges are dropped, and the other gradients are finite; the NaN input\'s gradient is 0.', ['live'],
    {'inputs': [{'id': 'x', 'value': 0.5}, {'id': 'w', 'value': 'NaN'}],
     'nodes': [node('dead', 'mul', 'x', 'w'), node('y', 'sin', 'x')], 'output': 'y'},
    lambda env, G: {'x': mp.cos(env['x']) * G, 'w': mpf(0)},
    'nan.zero-edges, system.live, prim.graph.evaluation',
    'dead = NaN is computed (spec: prim.graph.evaluation) but reaches nothing live: an absent term is a '
    'structural zero, which NaN does not cross.', hand=(mp.sin(mpf(0.5)), {'x': mp.cos(mpf(0.5)), 'w': 0})))

# ------------------------------------------------------------------ inv and logdet with NaN (spec: nan.linalg)
cases.append(build(
    'nan.inv.element', 'inv of a matrix with a NaN element: every element of the value is NaN, and so is every '
    'gradient element (summed output).', ['inv'],
    {'inputs': [{'id': 'A', 'value': [['NaN', 0], [0, 1]]}], 'nodes': [node('C', 'inv', 'A'), node('s', 'sum', 'C')],
     'output': 's'},
    lambda env, G: {'A': [[NAN, NAN], [NAN, NAN]]}, 'nan.linalg, prim.inv.linearize',
    'Choice (spec: nan.linalg): a NaN element makes every element of A⁻¹ NaN, hence −Cᵀ𝟙Cᵀ is NaN throughout.',
    hand=('NaN', {'A': [['NaN', 'NaN'], ['NaN', 'NaN']]})))
cases.append(build(
    'nan.inv.not-domain', 'inv([[0, 1], [NaN, 1]]): elimination would meet a zero pivot only because NaN loses '
    'every comparison; a NaN element is never a domain fault, so the value is all NaN, not E_DOMAIN.', ['inv'],
    {'inputs': [{'id': 'A', 'value': [[0, 1], ['NaN', 1]]}], 'nodes': [node('C', 'inv', 'A'), node('s', 'sum', 'C')],
     'output': 's'},
    lambda env, G: {'A': [[NAN, NAN], [NAN, NAN]]}, 'nan.linalg, prim.domain, prim.gepp',
    'det = −A_21 is unknown, so singularity is undecidable; spec: nan.linalg makes it NaN (not E_DOMAIN).',
    hand=('NaN', {'A': [['NaN', 'NaN'], ['NaN', 'NaN']]})))
cases.append(build(
    'nan.inv.value', 'inv of a matrix with a NaN element as the output (a 2x2 matrix, with a cotangent): every '
    'element of the value itself is NaN, and so is every gradient element.', ['inv'],
    {'inputs': [{'id': 'A', 'value': [[1, 'NaN'], [0, 1]]}], 'nodes': [node('C', 'inv', 'A')], 'output': 'C'},
    lambda env, G: {'A': [[NAN, NAN], [NAN, NAN]]}, 'nan.linalg, prim.inv.forward, prim.inv.linearize',
    'Choice (spec: nan.linalg): every element of A⁻¹ is NaN, reported as the value (the other inv cases sum '
    'it, where any non-number element would also sum to NaN); −Cᵀ G Cᵀ is NaN throughout.',
    cotangent=[[1, 0], [0, 1]],
    hand=([['NaN', 'NaN'], ['NaN', 'NaN']], {'A': [['NaN', 'NaN'], ['NaN', 'NaN']]})))
cases.append(build(
    'nan.logdet.not-domain', 'logdet([[0, 1], [NaN, 1]]): elimination would meet a zero pivot only because NaN '
    'loses every comparison; a NaN element is never a domain fault, so the value is NaN, not E_DOMAIN.',
    ['logdet'],
    {'inputs': [{'id': 'A', 'value': [[0, 1], ['NaN', 1]]}], 'nodes': [node('l', 'logdet', 'A')], 'output': 'l'},
    lambda env, G: {'A': [[NAN, NAN], [NAN, NAN]]}, 'nan.linalg, prim.logdet.domain, prim.gepp',
    'det = −A_21 is unknown, so neither singularity nor the sign of det is decidable; spec: nan.linalg makes '
    'logdet NaN (not E_DOMAIN) and A⁻ᵀ all NaN.',
    hand=('NaN', {'A': [['NaN', 'NaN'], ['NaN', 'NaN']]})))
cases.append(build(
    'nan.logdet.element', 'logdet of a matrix with a NaN element is NaN (not E_DOMAIN: the sign of det is unknown); '
    'the gradient A⁻ᵀ is NaN throughout.', ['logdet'],
    {'inputs': [{'id': 'A', 'value': [[2, 0], [0, 'NaN']]}], 'nodes': [node('l', 'logdet', 'A')], 'output': 'l'},
    lambda env, G: {'A': [[NAN, NAN], [NAN, NAN]]}, 'nan.linalg, prim.logdet.domain, prim.logdet.linearize',
    'Choice (spec: nan.linalg): ln det of a matrix with a NaN element is NaN and A⁻ᵀ is all NaN.',
    hand=('NaN', {'A': [['NaN', 'NaN'], ['NaN', 'NaN']]})))

# ------------------------------------------------------------------ ±Infinity where IEEE gives a definite answer
INF_CASES = [
    ('exp', '-Infinity', None, 'exp(−∞) = 0, derivative C = 0.', (0, 0)),
    ('exp', 'Infinity', None, 'exp(+∞) = +∞, derivative C = +∞.', ('Infinity', 'Infinity')),
    ('tanh', 'Infinity', None, 'tanh(+∞) = 1, derivative 1 − C² = 0.', (1, 0)),
    ('tanh', '-Infinity', None, 'tanh(−∞) = −1, derivative 1 − C² = 0.', (-1, 0)),
    ('sigmoid', 'Infinity', None, 'sigmoid(+∞) = 1, derivative C(1 − C) = 0.', (1, 0)),
    ('sigmoid', '-Infinity', None, 'sigmoid(−∞) = 0, derivative C(1 − C) = 0.', (0, 0)),
    ('sqrt', 'Infinity', None, 'sqrt(+∞) = +∞, derivative 1/(2C) = 0.', ('Infinity', 0)),
    ('square', '-Infinity', None, 'square(−∞) = +∞, derivative 2A = −∞.', ('Infinity', '-Infinity')),
    ('relu', 'Infinity', None, 'relu(+∞) = +∞, derivative 1.', ('Infinity', 1)),
    ('relu', '-Infinity', None, 'relu(−∞) = 0, derivative 0.', (0, 0)),
    ('neg', 'Infinity', None, 'neg(+∞) = −∞, derivative −1.', ('-Infinity', -1)),
    ('sin', 'Infinity', None, 'sin(+∞) = NaN (IEEE invalid operation), derivative cos(+∞) = NaN.', ('NaN', 'NaN')),
    ('cos', '-Infinity', None, 'cos(−∞) = NaN, derivative −sin(−∞) = NaN.', ('NaN', 'NaN')),
    ('pow', '-Infinity', 3, 'pow(−∞, 3) = −∞, derivative 3·(−∞)² = +∞.', ('-Infinity', 'Infinity')),
    ('pow', 'Infinity', -1, 'pow(+∞, −1) = 0, derivative −1·∞⁻² = −0.', (0, 0)),
    ('pow', 'Infinity', 0.5, 'pow(+∞, 0.5) = +∞, derivative 0.5·∞^(−0.5) = 0.', ('Infinity', 0)),
]
for op, x, p, desc, hand in INF_CASES:
    sign = 'neg' if x.startswith('-') else 'pos'
    name = '%s.%s-infinity' % (op, sign) if p is None else 'pow.%s-infinity-exponent-%s' % (
        sign, str(p).replace('-', 'minus-').replace('.', '-'))
    cases.append(unary(op, x, 'inf.' + name, desc + ' (IEEE 754, in every order of evaluation.)',
                       'nan.policy, prim.overflow, prim.%s.linearize' % op,
                       'The derivative entry is the linearize rule evaluated by IEEE 754 at the infinite point; '
                       'infinities match only the same infinity (spec: compare.infinity).',
                       exponent=p, hand=(hand[0], {'x': hand[1]})))

# ------------------------------------------------------------------ systems and operators: structural vs numerical zero
def sys_case(cid, desc, system, hand, anchors, why):
    sol = solve_system(system)
    for k, v in hand.items():
        assert same(tensor(v), sol[k]), (cid, k, sol[k])
    return {'id': cid, 'description': desc, 'tags': ['nan-policy', 'system'], 'kind': 'system', 'system': system,
            'expect': {'solution': {u['id']: out_t(sol[u['id']]) for u in system['unknowns']}},
            'provenance': {'method': 'closed-form', 'source': '%s; spec: %s' % (SRC, anchors), 'notes': why}}


cases.append(sys_case(
    'nan.system.zero-operator-blocks', 'A NaN right-hand side at b reaches a through a zero operator 𝓞 and through '
    'scale(0): the first is structural (𝓞 maps everything to 0), the second numerical (0·NaN = NaN).',
    {'unknowns': [{'id': 'a', 'shape': []}, {'id': 'c', 'shape': []}, {'id': 'b', 'shape': []}],
     'edges': [{'from': 'a', 'to': 'b', 'operator': {'op': 'zero'}},
               {'from': 'c', 'to': 'b', 'operator': {'op': 'scale', 'by': 0}}],
     'rhs': {'a': 1, 'c': 2, 'b': 'NaN'}},
    {'a': 1, 'c': 'NaN', 'b': 'NaN'}, 'nan.zero-edges, op.zero.apply, op.scale.adjoint, system.solution',
    'ȳ_b = NaN; ȳ_a = 1 + 𝓞ᵀ•(NaN) = 1 + 0 = 1 (op.zero.apply gives 0 whatever its argument); '
    'ȳ_c = 2 + 0·NaN = NaN.'))


def op_case(cid, desc, op, x, y, hand, anchors, why):
    X, Y = tensor(x), tensor(y)
    a, b = apply_op(op, X), adjoint_op(op, Y)
    assert same(tensor(hand[0]), a) and same(tensor(hand[1]), b), (cid, a, b)
    return {'id': cid, 'description': desc, 'tags': ['nan-policy', 'operator'], 'kind': 'operator', 'operator': op,
            'x': x, 'y': y, 'expect': {'apply': out_t(a), 'adjoint': out_t(b)},
            'provenance': {'method': 'closed-form', 'source': '%s; spec: %s' % (SRC, anchors), 'notes': why}}


cases += [
    op_case('nan.operator.hadamard-zero-entry', 'hadamard([[0, 1]]) at x = [[NaN, 2]]: the zero entry does not block '
            'NaN (0·NaN = NaN); adjoint at y = [[NaN, 3]] likewise.', {'op': 'hadamard', 'matrix': [[0, 1]]},
            [['NaN', 2]], [['NaN', 3]], ([['NaN', 2]], [['NaN', 3]]), 'nan.zero-edges, op.hadamard.apply',
            'M ⊙ X is one multiplication per element; IEEE 0·NaN = NaN.'),
    op_case('nan.operator.zero', 'The zero operator maps a NaN argument to 0, and so does its adjoint.',
            {'op': 'zero'}, [['NaN', 1]], [[2, 'NaN']], ([[0, 0]], [[0, 0]]), 'nan.zero-edges, op.zero.apply',
            '𝓞 is X ↦ 0_T by definition: it involves no arithmetic on X (a structural zero).'),
    op_case('nan.operator.left-nan-matrix', 'left(A) with A_12 = NaN: (AX) is NaN in row 1 only; the adjoint Aᵀ Y is '
            'NaN in row 2 only.', {'op': 'left', 'matrix': [[1, 'NaN'], [0, 2]]}, [[1], [0]], [[3], [4]],
            ([['NaN'], [0]], [[3], ['NaN']]), 'nan.propagation, nan.zero-edges, op.left.apply, op.left.adjoint',
            '(AX)_1 = 1·1 + NaN·0 = NaN (the zero in X does not block); (AX)_2 = 0·1 + 2·0 = 0; '
            '(AᵀY)_1 = 1·3 + 0·4 = 3; (AᵀY)_2 = NaN·3 + 2·4 = NaN.'),
]


# ------------------------------------------------------------------ error parity (spec: error.parity)
def parity(cid, desc, graph, anchors, why):
    try:
        evaluate(graph)
    except DomainError:
        pass
    else:
        raise AssertionError('%s: the evaluator did not raise' % cid)
    return {'id': cid, 'description': desc, 'tags': ['nan-policy', 'error', 'E_DOMAIN', 'parity'], 'kind': 'graph',
            'graph': graph, 'expect': {'error': 'E_DOMAIN'},
            'provenance': {'method': 'hand', 'source': 'hand; spec: %s, error.parity, error.E_DOMAIN' % anchors,
                           'notes': why}}


def g1(op, x, **attrs):
    return {'inputs': [{'id': 'x', 'value': x}], 'nodes': [node('y', op, 'x', **attrs), node('s', 'sum', 'y')],
            'output': 's'}


cases += [
    parity('parity.log.nan-beside-fault', 'log([[NaN, −1]]): the NaN element is not a fault, but −1 is: E_DOMAIN, '
           'not a NaN result.', g1('log', [['NaN', -1]]), 'prim.domain, prim.log.domain',
           'One element outside the domain is enough (spec: prim.domain); IEEE log(−1) = NaN is not an answer.'),
    parity('parity.sqrt.nan-beside-fault', 'sqrt([[−4, NaN]]): E_DOMAIN, not a NaN result.',
           g1('sqrt', [[-4, 'NaN']]), 'prim.domain, prim.sqrt.domain',
           'IEEE sqrt(−4) = NaN, but the spec makes it a fault, whatever the NaN beside it.'),
    parity('parity.div.nan-by-zero', 'div(NaN, 0): E_DOMAIN whatever the numerator (IEEE gives NaN).',
           {'inputs': [{'id': 'a', 'value': 'NaN'}, {'id': 'b', 'value': 0}], 'nodes': [node('y', 'div', 'a', 'b')],
            'output': 'y'}, 'prim.div.domain', 'spec: prim.div.domain: B_ij = ±0 is E_DOMAIN whatever A_ij is.'),
    parity('parity.log.negative-zero', 'log(−0): E_DOMAIN (IEEE gives −∞).', g1('log', '-0'), 'prim.log.domain',
           'Zero of either sign is outside log\'s domain.'),
    parity('parity.pow.negative-zero-negative-exponent', 'pow(−0) with p = −2: E_DOMAIN (IEEE gives +∞).',
           g1('pow', '-0', exponent=-2), 'prim.pow.domain', 'A zero base needs p ≥ 0.'),
    parity('parity.pow.negative-infinity-fractional', 'pow(−∞) with p = 0.5: E_DOMAIN (IEEE pow gives +∞).',
           g1('pow', '-Infinity', exponent=0.5), 'prim.pow.domain',
           'A negative element (−∞ included) needs an integer exponent.'),
]

if __name__ == '__main__':
    write_cases('nan', cases)
