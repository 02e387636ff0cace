"""Writes conformance/cases/primitives-binary.json: one-primitive graphs for add, sub, mul, div and
scale, scalar and matrix, including a node that uses the same argument twice.

Gradients from the closed forms (G = cotangent): add: G, G; sub: G, −G; mul: B⊙G, A⊙G;
div: G/B, −G⊙A/B²; scale(s, X): ⟨X, G⟩, s·G. Checked against central finite differences at 60 digits.
Run: python3 scripts/expected/primitives_binary.py
"""
from common import graph_case, prov, write_cases, had, emap, smul, inner

SRC = 'scripts/expected/primitives_binary.py'

GRAD = {
    'add': lambda a, b, G: (G, G),
    'sub': lambda a, b, G: (G, smul(-1, G)),
    'mul': lambda a, b, G: (had(b, G), had(a, G)),
    'div': lambda a, b, G: (emap(lambda g, y: g / y, G, b), emap(lambda g, x, y: -g * x / (y * y), G, a, b)),
    'scale': lambda s, x, G: (inner(x, G), smul(s, G)),
}


def binary(op, a, b, cot=None, variant='scalar', desc=None, notes=None):
    graph = {'inputs': [{'id': 'a', 'value': a}, {'id': 'b', 'value': b}],
             'nodes': [{'id': 'c', 'op': op, 'args': ['a', 'b']}], 'output': 'c'}

    def grad(env, G):
        ga, gb = GRAD[op](env['a'], env['b'], G)
        return {'a': ga, 'b': gb}

    if desc is None:
        desc = '%s of two %ss.' % (op, 'matrice' if isinstance(b, list) else 'scalar')
        if op == 'scale':
            desc = 'scale(s, X) with s scalar and X a %s; gradient: s ← ⟨X, G⟩, X ← s·G.' % (
                'matrix' if isinstance(b, list) else 'scalar')
    return graph_case('prim.%s.%s' % (op, variant), desc, ['primitive', op], graph, grad, cotangent=cot,
                      provenance=prov('closed-form', SRC, notes))


def same_arg(op, x, cot=None, variant='same-arg', notes=None):
    graph = {'inputs': [{'id': 'x', 'value': x}],
             'nodes': [{'id': 'y', 'op': op, 'args': ['x', 'x']}], 'output': 'y'}

    def grad(env, G):
        ga, gb = GRAD[op](env['x'], env['x'], G)
        return {'x': emap(lambda p, q: p + q, ga, gb)}

    return graph_case('prim.%s.%s' % (op, variant),
                      '%s(x, x): one node uses the same argument twice; the two edge operators are summed.' % op,
                      ['primitive', op, 'reuse'], graph, grad, cotangent=cot,
                      provenance=prov('closed-form', SRC, notes))


def scale_matrix_first(s, x, cot):
    # The matrix is the case's first input (unknown 0), the scalar factor the second: an
    # implementation that tests "is the second argument absent" with `index <= 0` instead of
    # `index < 0` takes scale(s, X) for a scalar-only node here and loses X's shape.
    graph = {'inputs': [{'id': 'x', 'value': x}, {'id': 's', 'value': s}],
             'nodes': [{'id': 'c', 'op': 'scale', 'args': ['s', 'x']}], 'output': 'c'}

    def grad(env, G):
        gs, gx = GRAD['scale'](env['s'], env['x'], G)
        return {'x': gx, 's': gs}

    return graph_case('prim.scale.matrix-first-input',
                      'scale(s, X) with X the first input (unknown 0) and s the second; gradient: s ← ⟨X, G⟩, X ← s·G.',
                      ['primitive', 'scale'], graph, grad, cotangent=cot,
                      provenance=prov('closed-form', SRC, 'Unknowns are numbered in input order (spec: system.unknowns), '
                                      'so X is unknown 0 — the argument index a backend may test against.'))


A = [[1, -2, 0.5], [3, 0.25, -1]]
B = [[2, 0.5, -1.5], [-4, 1, 2]]
G = [[1, 0.5, -1], [2, -3, 0.25]]

cases = [
    binary('add', 0.5, -1.25),
    binary('add', A, B, G, variant='matrix'),
    same_arg('add', 1.5, notes='d/dx (x + x) = 2.'),
    binary('sub', 0.5, -1.25),
    binary('sub', A, B, G, variant='matrix'),
    same_arg('sub', [[1, 2], [3, 4]], [[1, -1], [2, 0.5]], variant='same-arg-matrix',
             notes='x − x = 0 and its gradient is G − G = 0.'),
    binary('mul', 1.5, -0.75),
    binary('mul', A, B, G, variant='matrix'),
    same_arg('mul', 1.5, notes='d/dx (x·x) = 2x = 3.'),
    same_arg('mul', [[1, -2], [0.5, 3]], [[1, 1], [-1, 2]], variant='same-arg-matrix',
             notes='x ⊙ x; gradient 2 x ⊙ G.'),
    binary('div', 3, 1.5),
    binary('div', 1, 3, variant='scalar-inexact'),
    binary('div', A, B, G, variant='matrix'),
    same_arg('div', 2, notes='x/x = 1; gradient 1/x − x/x² = 0.'),
    binary('scale', 2.5, -0.4, variant='scalar'),
    binary('scale', -1.5, A, G, variant='matrix'),
    scale_matrix_first(-1.5, A, G),
]

if __name__ == '__main__':
    write_cases('primitives-binary', cases)
