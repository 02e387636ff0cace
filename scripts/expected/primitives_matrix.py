"""Writes conformance/cases/primitives-matrix.json: one-primitive graphs for matmul, transpose, sum,
dot, trace, inv and logdet.

Closed-form gradients (G = cotangent, c = scalar cotangent): matmul C = AB: A ← G Bᵀ, B ← Aᵀ G;
transpose: Gᵀ; sum: c·ones; dot(A, B): c·B, c·A; trace: c·I; inv: −A⁻ᵀ G A⁻ᵀ; logdet: c·A⁻ᵀ.
Checked against central finite differences at 60 digits. Run: python3 scripts/expected/primitives_matrix.py
"""
from common import (graph_case, prov, write_cases, matmul, transpose, ones, smul, eye, inverse, shape,
                    is_mat)

SRC = 'scripts/expected/primitives_matrix.py'


def one(op, x, cot=None, variant='matrix', desc=None, notes=None, tags=()):
    graph = {'inputs': [{'id': 'a', 'value': x}], 'nodes': [{'id': 'y', 'op': op, 'args': ['a']}],
             'output': 'y'}

    def grad(env, G):
        a = env['a']
        if op == 'transpose':
            return {'a': transpose(G)}
        if op == 'sum':
            return {'a': smul(G, ones(shape(a)))}
        if op == 'trace':
            return {'a': smul(G, eye(len(a)))}
        if op == 'inv':
            ait = transpose(inverse(a))
            return {'a': smul(-1, matmul(matmul(ait, G), ait))}
        if op == 'logdet':
            return {'a': smul(G, transpose(inverse(a)))}
        raise KeyError(op)

    return graph_case('prim.%s.%s' % (op, variant), desc or '%s of a %s.' % (op, 'x'.join(map(str, [len(x), len(x[0])])) if is_mat(x) else 'scalar'),
                      ['primitive', op] + list(tags), graph, grad, cotangent=cot,
                      provenance=prov('closed-form', SRC, notes))


def two(op, a, b, cot=None, variant='matrix', desc=None, notes=None):
    graph = {'inputs': [{'id': 'a', 'value': a}, {'id': 'b', 'value': b}],
             'nodes': [{'id': 'c', 'op': op, 'args': ['a', 'b']}], 'output': 'c'}

    def grad(env, G):
        A, B = env['a'], env['b']
        if op == 'matmul':
            return {'a': matmul(G, transpose(B)), 'b': matmul(transpose(A), G)}
        if op == 'dot':
            return {'a': smul(G, B), 'b': smul(G, A)}
        raise KeyError(op)

    return graph_case('prim.%s.%s' % (op, variant), desc, ['primitive', op], graph, grad, cotangent=cot,
                      provenance=prov('closed-form', SRC, notes))


cases = [
    two('matmul', [[1, 2, -1], [0.5, 0, 3]], [[2, -1], [1, 0.5], [-3, 4]], [[1, -1], [0.5, 2]],
        variant='rectangular', desc='matmul of 2x3 by 3x2 with a 2x2 cotangent; A ← G Bᵀ, B ← Aᵀ G.'),
    two('matmul', [[1, 2, 3]], [[4], [-5], [6]], [[1]], variant='row-by-column',
        desc='matmul of 1x3 by 3x1 gives a 1x1 matrix (not a scalar), so a 1x1 cotangent is given.'),
    two('matmul', [[0.1, 0.2], [-0.3, 0.4]], [[1.5, -2.5], [0.7, 0.9]], [[0.3, -0.7], [1.1, 0.2]],
        variant='decimal', desc='matmul of 2x2 matrices with inexact binary64 entries.'),
    two('dot', [[1, -2], [0.5, 3]], [[2, 4], [-1, 0.25]], variant='matrix',
        desc='dot(A, B) = ⟨A, B⟩ = Σ A_ij B_ij; gradient A ← B, B ← A.'),
    two('dot', 1.5, -2.5, variant='scalar', desc='dot of two scalars is their product.'),
    two('dot', [[1, 2, 3]], [[4, 5, 6]], 0.5, variant='cotangent',
        desc='dot with a scalar cotangent 0.5: gradients are 0.5·B and 0.5·A.'),
    one('transpose', [[1, 2, 3], [4, 5, 6]], [[1, -1], [2, 0.5], [-3, 4]], variant='rectangular',
        desc='transpose of a 2x3 matrix with a 3x2 cotangent; gradient Gᵀ.'),
    one('transpose', -2.5, variant='scalar', desc='transpose of a scalar is the scalar itself.'),
    one('sum', [[1, 2, 3], [-4, 0.5, 6]], desc='sum of a 2x3 matrix; gradient is a matrix of ones.'),
    one('sum', [[7.5]], variant='one-by-one', desc='sum of a 1x1 matrix is a scalar.'),
    one('sum', [[1, -2], [3, 4]], 2.5, variant='cotangent',
        desc='sum with scalar cotangent 2.5: gradient 2.5·ones.'),
    one('sum', -3.5, variant='scalar', desc='sum of a scalar is the scalar itself; gradient 1.'),
    one('trace', [[1, 2, 3], [4, 5, 6], [7, 8, 9.5]], desc='trace of a 3x3 matrix; gradient I.'),
    one('trace', [[5]], variant='one-by-one', desc='trace of a 1x1 matrix.'),
    one('inv', [[2, 1], [1, 3]], [[1, -1], [0.5, 2]], variant='matrix-2x2',
        desc='inv of a 2x2 matrix with cotangent G; gradient −A⁻ᵀ G A⁻ᵀ.'),
    one('inv', [[4, -2, 1], [3, 6, -4], [2, 1, 8]], [[1, 0, -1], [2, 0.5, 0], [0, 1, 3]],
        variant='matrix-3x3', desc='inv of a non-symmetric 3x3 matrix with cotangent G.'),
    one('inv', [[4]], [[2]], variant='one-by-one', desc='inv of [[4]] is [[0.25]]; gradient −G/16.'),
    one('logdet', [[2, 1], [1, 3]], variant='matrix-2x2', desc='logdet of an SPD 2x2 matrix; gradient A⁻ᵀ.'),
    one('logdet', [[3, 1, 0], [-2, 4, 1], [1, 0, 2]], variant='matrix-3x3-nonsymmetric',
        desc='logdet of a non-symmetric 3x3 matrix with det > 0; gradient A⁻ᵀ (transpose matters).'),
    one('logdet', [[0, 1], [-1, 0]], variant='det-positive-negative-trace',
        desc='logdet of [[0,1],[-1,0]]: det = 1 > 0 (rotation), value 0; gradient A⁻ᵀ = [[0,1],[-1,0]].',
        notes='Zero diagonal: an LU without pivoting would fail; partial pivoting needed.'),
    one('logdet', [[2.5]], variant='one-by-one', desc='logdet of a 1x1 matrix is log of its entry.'),
    one('logdet', [[1e200, 2e199], [1e199, 1e200]], variant='large-determinant',
        desc='logdet of a matrix whose determinant (0.98e400) overflows binary64 while its log (about 921) does '
             'not; gradient A⁻ᵀ, entries near 1e-200.',
        notes='spec: prim.logdet.forward: log det A is the sum of the logs of the pivots, finite here; '
              'a backend computing log(det A) gets +Infinity.'),
]

if __name__ == '__main__':
    write_cases('primitives-matrix', cases)
