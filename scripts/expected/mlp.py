"""The paper's MLP showcase (paper-notes §5) as a graph case, with expected loss and gradient from the
textbook backprop formulas, in mpmath at 60 digits:

    Z_i = W_i X_{i−1} + B_i,  X_i = h(Z_i) = exp(−Z_i),  Δ_i = h'(Z_i) = −exp(−Z_i),
    loss = ½‖X_3 − Y‖²,  ȳ_3 = X_3 − Y,  ∇B_i = Δ_i ⊙ ȳ_i,  ∇W_i = (Δ_i ⊙ ȳ_i) X_{i−1}ᵀ,
    ȳ_{i−1} = W_iᵀ(Δ_i ⊙ ȳ_i).

Widths 5-4-3-1, batch 10. Parameters are multiples of 0.1 from a fixed linear congruential generator
(so the numbers do not depend on any library's RNG). The gradient is checked against central finite
differences of the loss (directly coded, h = 1e-25) and the graph encoding is checked against the same
loss by the forward evaluator in common.py. Imported by paper.py; run `python3 scripts/expected/mlp.py`
to print the case.
"""
import json

from mpmath import mp, mpf

from common import tensor, matmul, transpose, add, sub, had, emap, flatten, with_element, close, out_t, prov, evaluate

SRC = 'scripts/expected/mlp.py'
WIDTHS = [5, 4, 3, 1]
BATCH = 10


class LCG:
    """Numerical Recipes LCG: x ← (1664525 x + 1013904223) mod 2³²."""

    def __init__(self, seed):
        self.x = seed

    def tenth(self, lo, hi):
        """A multiple of 0.1 in [lo/10, hi/10], as a JSON number."""
        self.x = (1664525 * self.x + 1013904223) % 2 ** 32
        k = lo + (self.x >> 8) % (hi - lo + 1)
        return int(k / 10) if k % 10 == 0 else k / 10   # k/10: Python float nearest to the decimal k/10

    def matrix(self, m, n, lo, hi):
        return [[self.tenth(lo, hi) for _ in range(n)] for _ in range(m)]


def params():
    g = LCG(2303_15449)  # the arXiv number of the paper
    p = {}
    X0 = g.matrix(WIDTHS[0], BATCH, -10, 10)
    for i in (1, 2, 3):
        p['W%d' % i] = g.matrix(WIDTHS[i], WIDTHS[i - 1], -5, 5)
        p['B%d' % i] = g.matrix(WIDTHS[i], BATCH, -5, 5)
    Y = g.matrix(1, BATCH, 0, 10)
    return X0, p, Y


def forward(X0, W, B):
    Xs, Zs = [X0], []
    for i in (1, 2, 3):
        Z = add(matmul(W[i], Xs[-1]), B[i])
        Zs.append(Z)
        Xs.append(emap(lambda z: mp.exp(-z), Z))
    return Xs, Zs


def loss(X0, W, B, Y):
    Xs, _ = forward(X0, W, B)
    r = sub(Xs[3], Y)
    return mp.fsum(x * x for x in flatten(r)) / 2


def backprop(X0, W, B, Y):
    Xs, Zs = forward(X0, W, B)
    ybar = sub(Xs[3], Y)
    grads = {}
    for i in (3, 2, 1):
        delta = emap(lambda z: -mp.exp(-z), Zs[i - 1])
        dy = had(delta, ybar)
        grads['B%d' % i] = dy
        grads['W%d' % i] = matmul(dy, transpose(Xs[i - 1]))
        ybar = matmul(transpose(W[i]), dy)
    return grads, Xs, Zs


def graph_json(X0, p, Y):
    inputs = []
    for i in (1, 2, 3):
        inputs.append({'id': 'W%d' % i, 'value': p['W%d' % i]})
        inputs.append({'id': 'B%d' % i, 'value': p['B%d' % i]})
    nodes = []
    prev = 'X0'
    for i in (1, 2, 3):
        nodes += [{'id': 'M%d' % i, 'op': 'matmul', 'args': ['W%d' % i, prev]},
                  {'id': 'Z%d' % i, 'op': 'add', 'args': ['M%d' % i, 'B%d' % i]},
                  {'id': 'N%d' % i, 'op': 'neg', 'args': ['Z%d' % i]},
                  {'id': 'X%d' % i, 'op': 'exp', 'args': ['N%d' % i]}]
        prev = 'X%d' % i
    nodes += [{'id': 'R', 'op': 'sub', 'args': ['X3', 'Y']},
              {'id': 'S', 'op': 'square', 'args': ['R']},
              {'id': 'T', 'op': 'sum', 'args': ['S']},
              {'id': 'loss', 'op': 'scale', 'args': ['half', 'T']}]
    return {'inputs': inputs,
            'constants': [{'id': 'X0', 'value': X0}, {'id': 'Y', 'value': Y}, {'id': 'half', 'value': 0.5}],
            'nodes': nodes, 'output': 'loss'}


def mlp_case():
    X0j, pj, Yj = params()
    X0, Y = tensor(X0j), tensor(Yj)
    W = {i: tensor(pj['W%d' % i]) for i in (1, 2, 3)}
    B = {i: tensor(pj['B%d' % i]) for i in (1, 2, 3)}
    value = loss(X0, W, B, Y)
    grads, Xs, Zs = backprop(X0, W, B, Y)

    # the graph encoding computes the same loss
    graph = graph_json(X0j, pj, Yj)
    assert abs(evaluate(graph) - value) <= mpf('1e-50') * abs(value)

    # central finite differences of the directly coded loss
    h = mpf('1e-25')
    worst = mpf(0)
    for name, t in [('W%d' % i, W[i]) for i in (1, 2, 3)] + [('B%d' % i, B[i]) for i in (1, 2, 3)]:
        i = int(name[1])
        for k in range(len(flatten(t))):
            def L(delta):
                Wd, Bd = dict(W), dict(B)
                tt = with_element(t, k, flatten(t)[k] + delta)
                (Wd if name[0] == 'W' else Bd)[i] = tt
                return loss(X0, Wd, Bd, Y)
            fd = (L(h) - L(-h)) / (2 * h)
            g = flatten(grads[name])[k]
            worst = max(worst, abs(fd - g) / (abs(g) + mpf('1e-30')))
            assert abs(fd - g) <= mpf('1e-20') * (1 + abs(g)), (name, k, fd, g)

    # conditioning: the same formulas at 53-bit working precision agree to well within rtol 1e-10
    with mp.workprec(53):
        g53, _, _ = backprop(X0, W, B, Y)
        v53 = loss(X0, W, B, Y)
    assert close(v53, value, mpf('1e-13'))
    for k in grads:
        assert close(g53[k], grads[k], mpf('1e-12'), mpf('1e-14')), k

    zmax = max(abs(z) for Z in Zs for z in flatten(Z))
    notes = ('Textbook backprop (paper-notes §5): ȳ_3 = X_3 − Y, ȳ_{i−1} = W_iᵀ(Δ_i ⊙ ȳ_i), ∇W_i = (Δ_i ⊙ ȳ_i) X_{i−1}ᵀ, '
             '∇B_i = Δ_i ⊙ ȳ_i, Δ_i = −exp(−Z_i), in mpmath at 60 digits; checked against central finite '
             'differences (h = 1e-25, agreement better than 1e-20 relative). Parameters: multiples of 0.1 from '
             'an LCG (X0 in [−1, 1], W_i and B_i in [−0.5, 0.5], Y in [0, 1]); max |Z| = %s.' % mp.nstr(zmax, 4))
    case = {'id': 'paper.mlp.showcase',
            'description': 'The paper\'s MLP: widths 5-4-3-1, batch 10, X_i = exp(−(W_i X_{i−1} + B_i)) with full-shape '
                           'bias matrices B_i, loss ½‖X_3 − Y‖² written as scale(half, sum(square(sub(X3, Y)))). '
                           'X0 (5x10), Y (1x10) and half = 0.5 are constants; the gradient covers all six parameters.',
            'tags': ['paper', 'mlp', 'graph'],
            'kind': 'graph',
            'graph': graph,
            'expect': {'value': out_t(value),
                       'gradient': {n: out_t(grads[n]) for n in ('W1', 'B1', 'W2', 'B2', 'W3', 'B3')}},
            'provenance': prov('independent-script', SRC, notes)}
    return case


if __name__ == '__main__':
    print(json.dumps(mlp_case(), ensure_ascii=False, indent=1))
