"""Writes conformance/cases/primitives-elementwise.json: one-primitive graphs for the elementwise
primitives (exp, log, sin, cos, tanh, sigmoid, sqrt, square, relu, pow, neg), scalar and matrix.

Expected value: the primitive's definition at 60 digits. Expected gradient: the closed-form derivative
(table DERIV below, the linearize rule of each primitive; spec: prim.elementwise, e.g. prim.exp.linearize,
prim.sqrt.edge, prim.relu.kink, prim.pow.linearize, prim.pow.edge) times the cotangent, checked against central finite
differences except at kinks and domain edges. Run: python3 scripts/expected/primitives_elementwise.py
"""
from mpmath import mp, mpf

from common import graph_case, had, emap, prov, write_cases, num, sigmoid

SRC = 'scripts/expected/primitives_elementwise.py'


def d_sqrt(x):
    return mpf('inf') if x == 0 else 1 / (2 * mp.sqrt(x))


def d_pow(p):
    def d(x):
        if p == 0:
            return mpf(0)
        if p == mp.floor(p):
            return p * x ** int(p - 1) if x != 0 or p - 1 >= 0 else None
        if x == 0:
            return mpf(0) if p > 1 else (mpf('inf') if p < 1 else mpf(1))
        return p * mp.power(x, p - 1)
    return d


DERIV = {
    'exp': mp.exp,
    'log': lambda x: 1 / x,
    'sin': mp.cos,
    'cos': lambda x: -mp.sin(x),
    'tanh': lambda x: 1 - mp.tanh(x) ** 2,
    'sigmoid': lambda x: sigmoid(x) * (1 - sigmoid(x)),
    'sqrt': d_sqrt,
    'square': lambda x: 2 * x,
    'relu': lambda x: mpf(1) if x > 0 else mpf(0),
    'neg': lambda x: mpf(-1),
}


def unary(op, x, cot=None, exponent=None, variant='scalar', tags=(), fd=True, notes=None, desc=None):
    node = {'id': 'y', 'op': op, 'args': ['x']}
    if exponent is not None:
        node['exponent'] = exponent
    graph = {'inputs': [{'id': 'x', 'value': x}], 'nodes': [node], 'output': 'y'}
    d = d_pow(num(exponent)) if op == 'pow' else DERIV[op]

    def grad(env, G):
        return {'x': had(emap(d, env['x']), G)}

    if desc is None:
        what = 'matrix' if isinstance(x, list) else 'scalar'
        desc = '%s of a %s%s; gradient = %s\'(x) ⊙ cotangent.' % (
            op, what, '' if exponent is None else ' with exponent %s' % exponent, op)
    return graph_case('prim.%s.%s' % (op, variant), desc, ['primitive', op] + list(tags), graph, grad,
                      cotangent=cot, provenance=prov('closed-form', SRC, notes), fd=fd)


M_COT = [[1, -2], [0.5, 3]]

cases = [
    unary('exp', 0.5),
    unary('exp', -1.25, variant='scalar-negative'),
    unary('exp', [[0.5, -1], [2, 0]], M_COT, variant='matrix'),
    unary('log', 2.5),
    unary('log', [[0.5, 1], [3, 10]], M_COT, variant='matrix'),
    unary('sin', 0.75),
    unary('sin', [[0, 1.5], [-2, 3]], M_COT, variant='matrix'),
    unary('cos', 0.75),
    unary('cos', [[0, 1.5], [-2, 3]], M_COT, variant='matrix'),
    unary('tanh', 0.3),
    unary('tanh', [[-2, 0.5, 1]], [[1, 2, -1]], variant='matrix-row'),
    unary('sigmoid', 0.4),
    unary('sigmoid', 0, variant='scalar-zero', notes='sigmoid(0) = 1/2, derivative 1/4 (exact).'),
    unary('sigmoid', [[-3, 0], [1.5, 4]], M_COT, variant='matrix'),
    unary('sqrt', 2),
    unary('sqrt', [[0.25, 4], [9, 1.5]], M_COT, variant='matrix'),
    unary('sqrt', 0, variant='zero-edge', tags=['domain-edge'], fd=False,
          desc='sqrt at 0: in the domain (x ≥ 0); value 0; derivative 1/(2√x) is +Infinity there, '
               'so the gradient with cotangent 1 is +Infinity.',
          notes='Domain edge (spec: prim.sqrt.edge, prim.sqrt.domain): derivative +Infinity at 0 (not an error).'),
    unary('sqrt', '-0', variant='negative-zero-edge', tags=['domain-edge'], fd=False,
          desc='sqrt at -0: in the domain; value -0 (compared equal to 0); derivative +Infinity for either '
               'sign of zero, so the gradient is +Infinity.',
          notes='Domain edge; the derivative at ±0 is +Infinity (spec: prim.sqrt.edge).'),
    unary('log', 'Infinity', variant='positive-infinity', tags=['non-finite'], fd=False,
          desc='log(+Infinity) = +Infinity (in the domain); derivative 1/x = 0.',
          notes='+Infinity is in the domain of log (only x ≤ 0 is E_DOMAIN); IEEE 754 values.'),
    unary('square', -1.5),
    unary('square', [[1, -2, 0.5], [0, 3, -0.25]], [[1, 1, 1], [2, -1, 4]], variant='matrix'),
    unary('relu', 1.5, variant='scalar-positive'),
    unary('relu', -2, variant='scalar-negative'),
    unary('relu', 0, variant='scalar-zero', tags=['kink'], fd=False,
          desc='relu at the kink x = 0: value 0, gradient 0 by the convention (derivative 0 at 0).',
          notes='Kink convention (spec: prim.relu.kink): relu\'(0) = 0.'),
    unary('relu', '-0', variant='scalar-negative-zero', tags=['kink'], fd=False,
          desc='relu at x = -0 (negative zero): value ±0 (compared equal), gradient 0 (kink convention).',
          notes='-0 == 0, so the kink convention relu\'(0) = 0 applies.'),
    unary('relu', [[-1, 0], [2.5, -0.5]], M_COT, variant='matrix-with-kink', tags=['kink'], fd=False,
          notes='Entry (1,2) sits on the kink: derivative 0 by convention; others are 0 or 1.'),
    unary('pow', -1.5, exponent=3, variant='integer-negative-base'),
    unary('pow', -0.5, exponent=-2, variant='negative-integer-exponent'),
    unary('pow', 2.25, exponent=0.5, variant='fractional'),
    unary('pow', 4, exponent=1.5, variant='fractional-above-one'),
    unary('pow', 4, exponent=-0.5, variant='negative-fractional'),
    unary('pow', 3, exponent=0, variant='zero-exponent'),
    unary('pow', 0, exponent=0, variant='zero-exponent-zero-base', fd=False, tags=['edge'],
          desc='pow(0, 0) = 1 (IEEE pow / JS Math.pow convention); derivative 0 because p = 0.',
          notes='x = 0 allowed for p ≥ 0 (spec: prim.pow.domain); derivative 0 if p = 0 (spec: '
                'prim.pow.linearize). The value 0^0 = 1 (spec: prim.pow.forward), as in IEEE 754 pow / Math.pow.'),
    unary('pow', 0, exponent=2, variant='zero-base-integer', tags=['edge']),
    unary('pow', 0, exponent=1, variant='zero-base-exponent-one', tags=['edge'],
          notes='p = 1: derivative p·x^0 = 1, also at x = 0.'),
    unary('pow', 0, exponent=1.5, variant='zero-base-fractional', fd=False, tags=['domain-edge'],
          notes='x = 0 is allowed for p ≥ 0; derivative 1.5·0^0.5 = 0 (finite since p > 1).'),
    unary('pow', 0, exponent=0.5, variant='zero-base-fractional-below-one', fd=False, tags=['domain-edge'],
          desc='pow(0, 0.5) = 0; derivative p·x^(p−1) is +Infinity at 0 for 0 < p < 1 (a domain edge).',
          notes='spec: prim.pow.edge: +Infinity at 0 for 0<p<1: domain edge (not an error).'),
    unary('pow', '-0', exponent=0.5, variant='negative-zero-fractional-below-one', fd=False, tags=['domain-edge'],
          desc='pow(-0, 0.5) = ±0 (compared equal to 0); derivative +Infinity at either sign of zero for 0 < p < 1.',
          notes='spec: prim.pow.edge: D = +Infinity for either sign of zero (a backend computing x^(p-1) as '
                '1/x^(1-p) or rsqrt gets -Infinity at -0).'),
    unary('pow', [[1, 2], [0.5, 3]], M_COT, exponent=2.5, variant='matrix-fractional'),
    unary('pow', [[-2, 1.5, 0.5]], [[1, -1, 2]], exponent=-3, variant='matrix-negative-integer'),
    unary('pow', [[0, 2], [-1.5, 3]], M_COT, exponent=0, variant='matrix-zero-exponent', fd=False, tags=['edge'],
          desc='pow(X, 0) = 1 everywhere, 0^0 included; derivative 0 everywhere because p = 0, also at the zero '
               'element, where p·x^(p−1) = 0·0^(−1) would be 0·∞ = NaN.',
          notes='spec: prim.pow.linearize (D = 0 when p = 0), prim.pow.forward (0^0 = 1). A matrix: fast '
                'backends run their own elementwise kernels for matrices (scalars take another path), so the '
                'scalar cases prim.pow.zero-exponent* do not judge them.'),
    unary('pow', 2, exponent='-2', variant='exponent-as-string',
          notes='The exponent is written as the string "-2"; any number may be a string.'),
    unary('neg', 2.5),
    unary('neg', [[1, -2], [0, 3.5]], M_COT, variant='matrix'),
]

if __name__ == '__main__':
    write_cases('primitives-elementwise', cases)
