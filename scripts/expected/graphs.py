"""Writes conformance/cases/graphs.json: multi-node graphs — fan-out and reuse, wrt subsets, constants,
matrix outputs with a cotangent, an output that is an input, unused inputs, explicit scalar cotangent.

Every gradient is a hand-derived closed form (written next to each case), evaluated at 60 digits and
checked against central finite differences. Run: python3 scripts/expected/graphs.py
"""
from mpmath import mp, mpf

from common import (graph_case, prov, write_cases, matmul, transpose, had, emap, smul, add, inverse,
                    eye, zeros, shape, det, flatten, evaluate, DomainError)

SRC = 'scripts/expected/graphs.py'
P = prov('closed-form', SRC)


def N(i, op, *args, **attrs):
    n = {'id': i, 'op': op, 'args': list(args)}
    n.update(attrs)
    return n


cases = []

# f(x, y) = sin(x·y) + x·exp(y): x and y fan out to two nodes each.
fan = {'inputs': [{'id': 'x', 'value': 0.7}, {'id': 'y', 'value': -0.3}],
       'nodes': [N('p', 'mul', 'x', 'y'), N('s', 'sin', 'p'), N('e', 'exp', 'y'), N('q', 'mul', 'x', 'e'),
                 N('f', 'add', 's', 'q')],
       'output': 'f'}


def fan_grad(v, G):
    x, y = v['x'], v['y']
    return {'x': G * (y * mp.cos(x * y) + mp.exp(y)), 'y': G * (x * mp.cos(x * y) + x * mp.exp(y))}


cases.append(graph_case('graph.fanout.scalar',
                        'f = sin(x·y) + x·exp(y): x and y each feed two nodes; ∂f/∂x = y cos(xy) + e^y, '
                        '∂f/∂y = x cos(xy) + x e^y.', ['graph', 'fanout'], fan, fan_grad, provenance=P))


def fan_grad_y(v, G):
    return {'y': fan_grad(v, G)['y']}


cases.append(graph_case('graph.wrt.subset',
                        'The fan-out graph with "wrt": ["y"]: only the gradient for y is reported.',
                        ['graph', 'wrt'], fan, fan_grad_y, wrt=['y'], provenance=P))

# spec: case.graph.wrt — an empty wrt reports no gradient; the value is still computed.
cases.append(graph_case('graph.wrt.empty',
                        'The fan-out graph with "wrt": []: the value is reported and the gradient is empty.',
                        ['graph', 'wrt'], fan, lambda v, G: {}, wrt=[],
                        provenance=prov('closed-form', SRC, 'spec: case.graph.wrt, system.gradient: an empty '
                                        'wrt reports no gradient.')))


def fan_grad_scaled(v, G):
    return fan_grad(v, G)


cases.append(graph_case('graph.cotangent.scalar',
                        'The fan-out graph with an explicit scalar cotangent 2.5: gradients scale by 2.5.',
                        ['graph', 'cotangent'], fan, fan_grad_scaled, cotangent=2.5, provenance=P))

# Diamond: c = sin(x)·cos(x) = sin(2x)/2; dc/dx = cos(2x).
dia = {'inputs': [{'id': 'x', 'value': 0.6}],
       'nodes': [N('a', 'sin', 'x'), N('b', 'cos', 'x'), N('c', 'mul', 'a', 'b')], 'output': 'c'}
cases.append(graph_case('graph.diamond.sin-cos',
                        'Diamond x → sin, cos → mul: c = sin x cos x, dc/dx = cos 2x.',
                        ['graph', 'fanout'], dia, lambda v, G: {'x': G * mp.cos(2 * v['x'])}, provenance=P))

# Deep chain with reuse: y = exp(sin(x²)) · x.
chain = {'inputs': [{'id': 'x', 'value': 1.2}],
         'nodes': [N('s', 'square', 'x'), N('t', 'sin', 's'), N('u', 'exp', 't'), N('y', 'mul', 'u', 'x')],
         'output': 'y'}


def chain_grad(v, G):
    x = v['x']
    u = mp.exp(mp.sin(x * x))
    return {'x': G * (u * mp.cos(x * x) * 2 * x * x + u)}


cases.append(graph_case('graph.chain.reuse',
                        'y = exp(sin(x²))·x: x is used at the start and at the end of a chain; '
                        'dy/dx = e^{sin x²}(2x² cos x² + 1).', ['graph', 'fanout'], chain, chain_grad,
                        provenance=P))

# Matrix output with a cotangent: F = tanh(W X).
W = [[0.5, -1, 0.25], [1, 0.5, -0.5]]
X = [[1, -1], [0.5, 2], [-1.5, 0.5]]
Gm = [[1, -2], [0.5, 1.5]]
mo = {'inputs': [{'id': 'W', 'value': W}, {'id': 'X', 'value': X}],
      'nodes': [N('Z', 'matmul', 'W', 'X'), N('F', 'tanh', 'Z')], 'output': 'F'}


def mo_grad(v, G):
    Z = matmul(v['W'], v['X'])
    D = had(emap(lambda z: 1 - mp.tanh(z) ** 2, Z), G)
    return {'W': matmul(D, transpose(v['X'])), 'X': matmul(transpose(v['W']), D)}


cases.append(graph_case('graph.matrix-output.tanh-matmul',
                        'F = tanh(W X) is a 2x2 matrix output with cotangent G; with D = (1 − F⊙F) ⊙ G: '
                        '∇W = D Xᵀ, ∇X = Wᵀ D.', ['graph', 'matrix-output', 'cotangent'], mo, mo_grad,
                        cotangent=Gm, provenance=P))

# Output is an input; a node exists but is unused; gradient w.r.t. the other input is zero.
oi = {'inputs': [{'id': 'x', 'value': [[1, 2], [3, 4]]}, {'id': 'y', 'value': 0.5}],
      'nodes': [N('n', 'scale', 'y', 'x')], 'output': 'x'}
cases.append(graph_case('graph.output-is-input',
                        'The output is the input x (a matrix) with cotangent G: gradient x ← G; y does not reach '
                        'the output, its gradient is 0.', ['graph', 'edge'], oi,
                        lambda v, G: {'x': G, 'y': mpf(0)}, cotangent=[[1, -1], [0.5, 2]], provenance=P))

# spec: system.live — a dead branch with an infinite derivative (sqrt at 0) does not reach the output,
# so it contributes nothing: the gradient is the closed form of the live part alone.
dead = {'inputs': [{'id': 'x', 'value': 0}],
        'nodes': [N('r', 'sqrt', 'x'), N('y', 'sin', 'x')], 'output': 'y'}
cases.append(graph_case('graph.live.dead-sqrt-edge',
                        'y = sin x at x = 0, with an unused node r = sqrt(x) whose derivative there is +Infinity: '
                        'r is not live, so the gradient is cos 0 = 1, not NaN.', ['graph', 'edge', 'live'], dead,
                        lambda v, G: {'x': G * mp.cos(v['x'])}, fd=False,
                        provenance=prov('closed-form', SRC, 'spec: system.live, prim.sqrt.edge. FD skipped: '
                                        'sqrt is not differentiable from the left of 0.')))
# spec: system.live — liveness is "directly or through other nodes": r = sqrt(x) is an argument of a node (q),
# but q reaches nothing, so r is dead too. A backend that keeps r because something uses it gives ∞·0 = NaN.
dead_chain = {'inputs': [{'id': 'x', 'value': 0}],
              'nodes': [N('r', 'sqrt', 'x'), N('q', 'neg', 'r'), N('y', 'sin', 'x')], 'output': 'y'}
cases.append(graph_case('graph.live.dead-chain-sqrt-edge',
                        'y = sin x at x = 0, with a dead chain q = neg(r), r = sqrt(x): r is an argument of q, but q '
                        'does not reach the output, so neither is live; the gradient is cos 0 = 1, not NaN.',
                        ['graph', 'edge', 'live'], dead_chain, lambda v, G: {'x': G * mp.cos(v['x'])}, fd=False,
                        provenance=prov('closed-form', SRC, 'spec: system.live (dead through other nodes), '
                                        'prim.sqrt.edge. FD skipped: sqrt is not differentiable from the left '
                                        'of 0.')))
dead_out = {'inputs': [{'id': 'x', 'value': 0}], 'nodes': [N('r', 'sqrt', 'x')], 'output': 'x'}
cases.append(graph_case('graph.live.output-is-input-dead-sqrt',
                        'The output is the input x = 0; a node r = sqrt(x) hangs off it. The gradient of x is '
                        'the cotangent 1 (spec: system.gradient), not 1 + ∞·0.', ['graph', 'edge', 'live'],
                        dead_out, lambda v, G: {'x': G}, fd=False,
                        provenance=prov('closed-form', SRC, 'spec: system.live, system.gradient.')))

# Unused matrix input: zero gradient of its shape.
un = {'inputs': [{'id': 'a', 'value': 2}, {'id': 'B', 'value': [[1, 2, 3]]}],
      'nodes': [N('y', 'log', 'a')], 'output': 'y'}
cases.append(graph_case('graph.unused-input',
                        'y = log a; the matrix input B is unused and its gradient is a 1x3 zero matrix.',
                        ['graph', 'edge'], un, lambda v, G: {'a': G / v['a'], 'B': zeros([1, 3])},
                        provenance=P))

# Constants: f = ⟨C, exp(X)⟩ with C a constant.
C = [[1, -1], [2, 0.5]]
ct = {'inputs': [{'id': 'X', 'value': [[0, 0.5], [-1, 1]]}], 'constants': [{'id': 'C', 'value': C}],
      'nodes': [N('E', 'exp', 'X'), N('f', 'dot', 'C', 'E')], 'output': 'f'}
cases.append(graph_case('graph.constant.dot-exp',
                        'f = ⟨C, exp(X)⟩ with C a constant: ∇X = C ⊙ exp(X); constants get no gradient.',
                        ['graph', 'constant'], ct,
                        lambda v, G: {'X': smul(G, had(v['C'], emap(mp.exp, v['X'])))}, provenance=P))

# Quadratic form via trace of a 1x1 matrix: f = tr(xᵀ A x).
qf = {'inputs': [{'id': 'x', 'value': [[1], [-2]]}, {'id': 'A', 'value': [[2, 1], [-1, 3]]}],
      'nodes': [N('Ax', 'matmul', 'A', 'x'), N('xt', 'transpose', 'x'), N('q', 'matmul', 'xt', 'Ax'),
                N('f', 'trace', 'q')],
      'output': 'f'}
cases.append(graph_case('graph.quadratic-form',
                        'f = tr(xᵀ A x) for a column x (2x1): ∇x = (A + Aᵀ) x, ∇A = x xᵀ.',
                        ['graph', 'matrix'], qf,
                        lambda v, G: {'x': smul(G, matmul(add(v['A'], transpose(v['A'])), v['x'])),
                                      'A': smul(G, matmul(v['x'], transpose(v['x'])))}, provenance=P))

# logdet(Xᵀ X + I): gradient 2 X (XᵀX + I)⁻¹.
Xg = [[1, 0.5], [-1, 2], [0.5, -0.5]]
ld = {'inputs': [{'id': 'X', 'value': Xg}], 'constants': [{'id': 'I', 'value': [[1, 0], [0, 1]]}],
      'nodes': [N('Xt', 'transpose', 'X'), N('S', 'matmul', 'Xt', 'X'), N('T', 'add', 'S', 'I'),
                N('f', 'logdet', 'T')],
      'output': 'f'}


def ld_grad(v, G):
    T = add(matmul(transpose(v['X']), v['X']), eye(2))
    return {'X': smul(2 * G, matmul(v['X'], inverse(T)))}


cases.append(graph_case('graph.logdet-gram',
                        'f = logdet(Xᵀ X + I) for X 3x2: ∇X = 2 X (XᵀX + I)⁻¹ (X fans out to transpose and matmul).',
                        ['graph', 'matrix', 'fanout'], ld, ld_grad, provenance=P))

# trace(inv(A) B): ∇A = −A⁻ᵀ Bᵀ A⁻ᵀ, ∇B = A⁻ᵀ.
ti = {'inputs': [{'id': 'A', 'value': [[3, 1], [-1, 2]]}, {'id': 'B', 'value': [[1, 2], [0.5, -1]]}],
      'nodes': [N('Ai', 'inv', 'A'), N('P', 'matmul', 'Ai', 'B'), N('f', 'trace', 'P')], 'output': 'f'}


def ti_grad(v, G):
    ait = transpose(inverse(v['A']))
    return {'A': smul(-G, matmul(matmul(ait, transpose(v['B'])), ait)), 'B': smul(G, ait)}


cases.append(graph_case('graph.trace-inv-product',
                        'f = tr(A⁻¹ B): ∇A = −A⁻ᵀ Bᵀ A⁻ᵀ, ∇B = A⁻ᵀ.', ['graph', 'matrix'], ti, ti_grad,
                        provenance=P))

# Logistic regression style: l = sum(log(1 + exp(-y ⊙ (w x)))) written with sigmoid:
# l = −sum(log(sigmoid(y ⊙ (w X)))), w 1x2, X 2x3, y 1x3.
lr = {'inputs': [{'id': 'w', 'value': [[0.5, -1.5]]}],
      'constants': [{'id': 'X', 'value': [[1, -2, 0.5], [0.25, 1, -1]]}, {'id': 'y', 'value': [[1, -1, 1]]}],
      'nodes': [N('z', 'matmul', 'w', 'X'), N('m', 'mul', 'y', 'z'), N('s', 'sigmoid', 'm'), N('g', 'log', 's'),
                N('t', 'sum', 'g'), N('l', 'neg', 't')],
      'output': 'l'}


def lr_grad(v, G):
    z = matmul(v['w'], v['X'])
    m = had(v['y'], z)
    # d l / d m = −(1 − σ(m)); d l / d z = y ⊙ that; ∇w = (dl/dz) Xᵀ.
    dz = had(v['y'], emap(lambda t: -(1 - 1 / (1 + mp.exp(-t))), m))
    return {'w': smul(G, matmul(dz, transpose(v['X'])))}


cases.append(graph_case('graph.logistic-loss',
                        'l = −Σ log σ(y ⊙ (w X)) with constants X (2x3), y (1x3): ∇w = (y ⊙ (σ(y⊙wX) − 1)) Xᵀ.',
                        ['graph', 'constant', 'sigmoid'], lr, lr_grad, provenance=P))

# A relu network layer hitting the kink inside a graph: sum(relu(W x)), where one entry of W x is 0.
rk = {'inputs': [{'id': 'W', 'value': [[1, -1], [2, 1], [-1, -1]]}, {'id': 'x', 'value': [[1], [1]]}],
      'nodes': [N('z', 'matmul', 'W', 'x'), N('r', 'relu', 'z'), N('f', 'sum', 'r')], 'output': 'f'}


def rk_grad(v, G):
    z = matmul(v['W'], v['x'])
    d = emap(lambda t: mpf(1) if t > 0 else mpf(0), z)
    return {'W': smul(G, matmul(d, transpose(v['x']))), 'x': smul(G, matmul(transpose(v['W']), d))}


cases.append(graph_case('graph.relu-kink-in-layer',
                        'f = Σ relu(W x) where W x = [0, 3, −2]ᵀ: the first entry sits on the kink '
                        '(convention derivative 0), so ∇W = d xᵀ, ∇x = Wᵀ d with d = [0, 1, 0]ᵀ.',
                        ['graph', 'kink', 'relu'], rk, rk_grad, provenance=P, fd=False))

# ---------------------------------------------------------------- cases aimed at kernel paths of a
# compiled backend (each found as a surviving mutant of impl/ under `npm run mutation -- impl`).

# A scalar div whose upstream adjoint is neither 1 nor −1: ȳ of the div node is cos(a/b), so a backend
# that divides by ȳ instead of multiplying (or drops it) gives a wrong gradient.
sd = {'inputs': [{'id': 'a', 'value': 0.7}, {'id': 'b', 'value': -1.3}],
      'nodes': [N('q', 'div', 'a', 'b'), N('f', 'sin', 'q')], 'output': 'f'}


def sd_grad(v, G):
    a, b = v['a'], v['b']
    c = mp.cos(a / b)
    return {'a': G * c / b, 'b': -G * c * a / (b * b)}


cases.append(graph_case('graph.div.scalar-upstream-adjoint',
                        'f = sin(a/b): the div node\'s adjoint is cos(a/b) (not ±1); ∂f/∂a = cos(a/b)/b, '
                        '∂f/∂b = −cos(a/b)·a/b².', ['graph', 'div'], sd, sd_grad, provenance=P))

# sqrt of a matrix with +0 and −0 elements: both are in the domain (x ≥ 0, spec: prim.sqrt.domain) and
# the derivative there is +∞ at either zero (spec: prim.sqrt.edge) — 1/(2·sqrt(−0)) would be −∞.
sz = {'inputs': [{'id': 'X', 'value': [[0, -0.0], [4, 0.25]]}],
      'nodes': [N('R', 'sqrt', 'X'), N('f', 'sum', 'R')], 'output': 'f'}
cases.append(graph_case('graph.sqrt.matrix-signed-zeros',
                        'f = Σ sqrt(X) with X = [[0, −0], [4, 0.25]]: no domain fault at either zero; the gradient '
                        'is +∞ at both zeros (not −∞ at −0), 1/(2√x) elsewhere.', ['graph', 'edge', 'sqrt'], sz,
                        lambda v, G: {'X': emap(lambda t: mpf('inf') if t == 0 else G / (2 * mp.sqrt(t)), v['X'])},
                        fd=False, provenance=prov('closed-form', SRC, 'spec: prim.sqrt.domain, prim.sqrt.edge. '
                                                  'FD skipped: sqrt is not differentiable from the left of 0.')))

# Partial pivoting beyond the first column (spec: prim.gepp): a signed permutation-like 4x4 whose
# column 1 has its only nonzero below the diagonal after step 0, so row 2 must be swapped up at k = 1;
# any other choice meets a zero pivot. The first column's pivot is 0.5 (< 1).
Mp = [[0.5, 0, 0, 2], [0, 0, -1, 0], [0, 1.5, 0, 0], [0, 0, 0, 1]]
Gp = [[1, -1, 0.5, 2], [0.25, 1, -2, 1], [1, 0.5, 1, -1], [-0.5, 2, 1, 0.25]]
pinv = {'inputs': [{'id': 'M', 'value': Mp}], 'nodes': [N('Y', 'inv', 'M')], 'output': 'Y'}


def pinv_grad(v, G):
    mit = transpose(inverse(v['M']))
    return {'M': smul(-1, matmul(matmul(mit, G), mit))}


cases.append(graph_case('graph.inv.pivot-later-column',
                        'Y = inv(M) for a 4x4 M whose elimination needs a row swap at column 1 (spec: prim.gepp); '
                        'cotangent G: ∇M = −M⁻ᵀ G M⁻ᵀ.', ['graph', 'matrix', 'inv', 'pivot'], pinv, pinv_grad,
                        cotangent=Gp, provenance=P))
plog = {'inputs': [{'id': 'M', 'value': Mp}], 'nodes': [N('f', 'logdet', 'M')], 'output': 'f'}
cases.append(graph_case('graph.logdet.pivot-later-column',
                        'f = logdet(M) for the same 4x4 M (det 0.75 > 0, a row swap at column 1): ∇M = M⁻ᵀ.',
                        ['graph', 'matrix', 'logdet', 'pivot'], plog,
                        lambda v, G: {'M': smul(G, transpose(inverse(v['M'])))}, provenance=P))

# Two inv nodes: the second edge applied in back substitution must not see the first one's work.
A2 = [[3, 1], [-1, 2]]
B2 = [[1, 2], [0.5, -1]]
G2 = [[1, -2], [0.5, 1.5]]
ii = {'inputs': [{'id': 'A', 'value': A2}, {'id': 'B', 'value': B2}],
      'nodes': [N('P', 'inv', 'A'), N('Q', 'inv', 'B'), N('Y', 'add', 'P', 'Q')], 'output': 'Y'}


def ii_grad(v, G):
    res = {}
    for k in ('A', 'B'):
        mit = transpose(inverse(v[k]))
        res[k] = smul(-1, matmul(matmul(mit, G), mit))
    return res


cases.append(graph_case('graph.inv.two-nodes',
                        'Y = inv(A) + inv(B) with cotangent G: ∇A = −A⁻ᵀ G A⁻ᵀ, ∇B = −B⁻ᵀ G B⁻ᵀ (two inv edges in '
                        'one back substitution).', ['graph', 'matrix', 'inv'], ii, ii_grad, cotangent=G2,
                        provenance=P))

# logdet and inv of the same matrix in one graph: f = logdet(A)·Σ inv(A).
li = {'inputs': [{'id': 'A', 'value': A2}],
      'nodes': [N('L', 'logdet', 'A'), N('Z', 'inv', 'A'), N('S', 'sum', 'Z'), N('f', 'mul', 'L', 'S')],
      'output': 'f'}


def li_grad(v, G):
    A = v['A']
    ait = transpose(inverse(A))
    L = mp.log(det(A))
    S = sum(flatten(inverse(A)))
    ones2 = [[mpf(1), mpf(1)], [mpf(1), mpf(1)]]
    dS = smul(-1, matmul(matmul(ait, ones2), ait))
    return {'A': smul(G, add(smul(S, ait), smul(L, dS)))}


cases.append(graph_case('graph.logdet-times-sum-inv',
                        'f = logdet(A)·Σ inv(A): ∇A = (Σ A⁻¹)·A⁻ᵀ − logdet(A)·A⁻ᵀ 𝟙𝟙ᵀ A⁻ᵀ (inv\'s edge is applied '
                        'before logdet\'s in back substitution).', ['graph', 'matrix', 'inv', 'logdet'], li, li_grad,
                        provenance=P))

# logdet next to another input's gradient: f = logdet(A) + Σ B, wrt both.
lb = {'inputs': [{'id': 'A', 'value': A2}, {'id': 'B', 'value': B2}],
      'nodes': [N('L', 'logdet', 'A'), N('S', 'sum', 'B'), N('f', 'add', 'L', 'S')], 'output': 'f'}
cases.append(graph_case('graph.logdet-plus-sum',
                        'f = logdet(A) + Σ B: ∇A = A⁻ᵀ, ∇B = 𝟙 (the gradient of B is untouched by logdet\'s edge).',
                        ['graph', 'matrix', 'logdet'], lb,
                        lambda v, G: {'A': smul(G, transpose(inverse(v['A']))), 'B': emap(lambda t: G, v['B'])},
                        provenance=P))

# Elementwise edges next to another gradient: F = h(X) + sin(Y) with cotangent G, wrt X and Y;
# ∇X = G ⊙ h'(X), ∇Y = G ⊙ cos(Y). One case per edge kind.
Xh = [[0.5, -1], [1.5, 0.25]]
Yh = [[1, -0.5], [2, 0.75]]
Gh = [[1, -2], [0.5, 1.5]]
Zc = [[2, -1], [0.5, 3]]
hcases = [
    ('exp', [N('E', 'exp', 'X')], {}, lambda X, v: emap(mp.exp, X)),
    ('cos', [N('E', 'cos', 'X')], {}, lambda X, v: emap(lambda t: -mp.sin(t), X)),
    ('pow', [N('E', 'pow', 'X', exponent=3)], {}, lambda X, v: emap(lambda t: 3 * t * t, X)),
    ('div-denominator', [N('E', 'div', 'Z', 'X')], {'constants': [{'id': 'Z', 'value': Zc}]},
     lambda X, v: emap(lambda z, t: -z / (t * t), v['Z'], X)),
]
for name, enodes, extra, dh in hcases:
    hg = {'inputs': [{'id': 'X', 'value': Xh}, {'id': 'Y', 'value': Yh}]}
    hg.update(extra)
    hg['nodes'] = enodes + [N('W', 'sin', 'Y'), N('F', 'add', 'E', 'W')]
    hg['output'] = 'F'
    cases.append(graph_case('graph.elementwise-edge.%s-beside-gradient' % name,
                            'F = E + sin(Y) with E = %s and cotangent G: ∇X = G ⊙ ∂E/∂X, ∇Y = G ⊙ cos(Y) '
                            '(the edge into X\'s gradient leaves Y\'s alone).' % enodes[0]['op'],
                            ['graph', 'matrix', enodes[0]['op']], hg,
                            lambda v, G, dh=dh: {'X': had(G, dh(v['X'], v)), 'Y': had(G, emap(mp.cos, v['Y']))},
                            cotangent=Gh, provenance=P))

# trace's adjoint outer(I_n) with zeros included (spec: prim.trace.linearize, op.dot.adjoint): an infinite
# cotangent gives ∞ on the diagonal and ∞·0 = NaN off it (spec: nan.policy); the unused input B keeps a zero
# gradient in the same back substitution.
tinf = {'inputs': [{'id': 'A', 'value': [[1, 2], [3, -1]]}, {'id': 'B', 'value': B2}],
        'nodes': [N('f', 'trace', 'A')], 'output': 'f'}
cases.append(graph_case('graph.trace.infinite-cotangent-beside-unused',
                        'f = tr A with cotangent +∞: ∇A = ∞·I_n with every term (∞ on the diagonal, ∞·0 = NaN off '
                        'it); the unused input B has gradient 0.', ['graph', 'matrix', 'trace', 'nan'], tinf,
                        lambda v, G: {'A': [[mpf('inf'), mpf('nan')], [mpf('nan'), mpf('inf')]], 'B': zeros([2, 2])},
                        cotangent='Infinity', fd=False,
                        provenance=prov('closed-form', SRC, 'spec: prim.trace.linearize, op.dot.adjoint, nan.policy. '
                                        'FD skipped: the cotangent is infinite.')))

# pow(X, 0)'s edge is ℋ(0) (spec: prim.pow.linearize), applied to an adjoint with infinite elements:
# 0·∞ = NaN there, 0 elsewhere (spec: nan.policy); Y's gradient beside it is G ⊙ cos(Y).
Gi = [['Infinity', 1], [-2, 'Infinity']]
pz = {'inputs': [{'id': 'X', 'value': [[2, 0.5], [3, -1]]}, {'id': 'Y', 'value': Yh}],
      'nodes': [N('P', 'pow', 'X', exponent=0), N('W', 'sin', 'Y'), N('F', 'add', 'P', 'W')], 'output': 'F'}
cases.append(graph_case('graph.pow.zero-exponent-infinite-adjoint',
                        'F = pow(X, 0) + sin(Y) with cotangent G = [[∞, 1], [−2, ∞]]: ∇X = 0 ⊙ G (NaN where G is '
                        'infinite, 0 elsewhere), ∇Y = G ⊙ cos(Y).', ['graph', 'matrix', 'pow', 'nan'], pz,
                        lambda v, G: {'X': emap(lambda g: mpf('nan') if mp.isinf(g) else mpf(0), G),
                                      'Y': had(G, emap(mp.cos, v['Y']))}, cotangent=Gi, fd=False,
                        provenance=prov('closed-form', SRC, 'spec: prim.pow.linearize, nan.policy. FD skipped: the '
                                        'cotangent is infinite.')))

# Partial pivoting for accuracy (spec: prim.gepp): after column 0 the candidates at column 1 are 1 (row 1)
# and about 1e−8 (row 2); the largest keeps the elimination stable, the small one would lose about eight
# digits of an inverse whose entries are all of order 1.
Ag = [[2, 1, 1], [1, 1.5, 0.3], [1, 0.50000001, 0.7]]
Gg = [[1, -1, 0.5], [0.25, 1, -2], [1, 0.5, 1]]
gi = {'inputs': [{'id': 'M', 'value': Ag}], 'nodes': [N('Y', 'inv', 'M')], 'output': 'Y'}
cases.append(graph_case('graph.inv.pivot-choice-accuracy',
                        'Y = inv(M) for a 3x3 M where partial pivoting keeps the pivot 1 over ~1e−8 at column 1; '
                        'cotangent G: ∇M = −M⁻ᵀ G M⁻ᵀ.', ['graph', 'matrix', 'inv', 'pivot'], gi, pinv_grad,
                        cotangent=Gg, provenance=P))


def domain_case(cid, description, graph, notes):
    """A graph case whose outcome is E_DOMAIN, checked with the independent evaluator."""
    try:
        evaluate(graph)
    except DomainError:
        pass
    else:
        raise AssertionError('%s: evaluator did not fail' % cid)
    cases.append({'id': cid, 'description': description, 'tags': ['graph', 'error', 'E_DOMAIN'], 'kind': 'graph',
                  'graph': graph, 'expect': {'error': 'E_DOMAIN'},
                  'provenance': {'method': 'hand', 'source': 'hand; spec: %s' % notes}})


domain_case('graph.div.matrix-zero-first-denominator',
            'Y = A ⊘ B for 2x2 matrices with B₀₀ = 0 (the first element): E_DOMAIN at the div node.',
            {'inputs': [{'id': 'A', 'value': [[1, 2], [3, 4]]}, {'id': 'B', 'value': [[0, 1], [2, 3]]}],
             'nodes': [N('Y', 'div', 'A', 'B'), N('f', 'sum', 'Y')], 'output': 'f'},
            'prim.div.domain, error.E_DOMAIN')
domain_case('graph.logdet.singular-negative-diagonal',
            'f = logdet(A) for A = [[0, 0], [0, −1]]: singular (a zero pivot in column 0), E_DOMAIN — not −∞ '
            'from Σ ln|U_kk| with the sign of the nonzero pivots.',
            {'inputs': [{'id': 'A', 'value': [[0, 0], [0, -1]]}], 'nodes': [N('f', 'logdet', 'A')], 'output': 'f'},
            'prim.logdet.domain, prim.gepp, error.E_DOMAIN')

if __name__ == '__main__':
    write_cases('graphs', cases)
