"""Writes conformance/cases/errors.json: cases whose expected outcome is a stable error code.

Each case has exactly one fault (spec: error.several), chosen by hand from the rules of spec/*.md; its
provenance source is "hand; spec: <anchors>", the anchors of the rule that makes the fault an error
followed by the anchor of the code (error.E_*). Graph cases reduce matrix results to a scalar so that no
second fault (E_NOT_SCALAR, spec: system.cotangent) competes. As a sanity check, the E_SHAPE / E_DOMAIN
graph and operator cases are also run through the independent evaluator in common.py, which must fail the
same way, and the graph of every case whose fault is in "wrt" must evaluate to a scalar without error.
Run: python3 scripts/expected/errors.py
"""
from common import evaluate, apply_op, adjoint_op, tensor, ShapeError, DomainError, write_cases, shape

cases = []


def N(i, op, *args, **attrs):
    n = {'id': i, 'op': op, 'args': list(args)}
    n.update(attrs)
    return n


def I(i, v):
    return {'id': i, 'value': v}


def err(cid, code, description, kind, body, why, anchors, extra_tags=()):
    """anchors: the spec anchors (comma-separated) of the rule the single fault breaks."""
    source = 'hand; spec: %s, error.%s' % (anchors, code)
    c = {'id': cid, 'description': description, 'tags': ['error', code] + list(extra_tags), 'kind': kind}
    c.update(body)
    c['expect'] = {'error': code}
    c['provenance'] = {'method': 'hand', 'source': source, 'notes': why}
    # sanity checks with the independent evaluator
    if kind == 'graph' and 'wrt' in body and code in ('E_UNKNOWN_ID', 'E_DUPLICATE_ID'):
        # the fault is in wrt alone: the graph itself evaluates to a scalar (no second fault)
        assert shape(evaluate(body['graph'])) == [], cid
    if kind == 'graph' and code in ('E_SHAPE', 'E_DOMAIN') and 'cotangent' not in body:
        exc = ShapeError if code == 'E_SHAPE' else DomainError
        try:
            evaluate(body['graph'])
        except exc:
            pass
        else:
            raise AssertionError('%s: evaluator did not fail' % cid)
    if kind == 'operator' and code == 'E_SHAPE':
        try:
            apply_op(body['operator'], tensor(body['x']))
            adjoint_op(body['operator'], tensor(body['y']))
        except ShapeError:
            pass
        else:
            raise AssertionError('%s: operator did not fail' % cid)
    cases.append(c)


def g(inputs, nodes, output, **extra):
    body = {'graph': {'inputs': inputs, 'nodes': nodes, 'output': output}}
    body.update(extra)
    return body


def gc(inputs, constants, nodes, output, **extra):
    body = {'graph': {'inputs': inputs, 'constants': constants, 'nodes': nodes, 'output': output}}
    body.update(extra)
    return body


def op_case(op, x, y):
    return {'operator': op, 'x': x, 'y': y}


def sys_case(unknowns, edges, rhs):
    return {'system': {'unknowns': [{'id': i, 'shape': s} for i, s in unknowns],
                       'edges': [{'from': f, 'to': t, 'operator': o} for f, t, o in edges], 'rhs': rhs}}


M22 = [[1, 2], [3, 4]]
M23 = [[1, 2, 3], [4, 5, 6]]

# ------------------------------------------------------------------ E_SHAPE
err('error.shape.add-mismatch', 'E_SHAPE', 'add of a 2x2 and a 2x3 matrix.', 'graph',
    g([I('a', M22), I('b', M23)], [N('c', 'add', 'a', 'b'), N('s', 'sum', 'c')], 's'),
    'Binary primitives require equal shapes; there is no broadcasting.', 'prim.add, prim.shapes')
err('error.shape.add-scalar-and-1x1', 'E_SHAPE', 'add of the scalar 5 and the 1x1 matrix [[5]].', 'graph',
    g([I('a', 5), I('b', [[5]])], [N('c', 'add', 'a', 'b'), N('s', 'sum', 'c')], 's'),
    '[[5]] is a 1x1 matrix, not a scalar; shapes [] and [1,1] differ and nothing broadcasts.',
    'prim.add, value.shape, value.no-broadcasting')
err('error.shape.mul-mismatch', 'E_SHAPE', 'mul (Hadamard) of a 1x3 and a 3x1 matrix.', 'graph',
    g([I('a', [[1, 2, 3]]), I('b', [[1], [2], [3]])], [N('c', 'mul', 'a', 'b'), N('s', 'sum', 'c')], 's'),
    'mul is elementwise and needs equal shapes.', 'prim.mul')
err('error.shape.div-mismatch', 'E_SHAPE', 'div of a scalar by a 2x2 matrix.', 'graph',
    g([I('a', 1), I('b', M22)], [N('c', 'div', 'a', 'b'), N('s', 'sum', 'c')], 's'),
    'div needs equal shapes; a scalar does not broadcast.', 'prim.div, value.no-broadcasting')
err('error.shape.matmul-inner', 'E_SHAPE', 'matmul of 2x3 by 2x3: inner dimensions 3 and 2 differ.', 'graph',
    g([I('a', M23), I('b', M23)], [N('c', 'matmul', 'a', 'b'), N('s', 'sum', 'c')], 's'),
    'matmul(A, B) requires A.cols = B.rows.', 'prim.matmul')
err('error.shape.matmul-scalar', 'E_SHAPE', 'matmul with a scalar argument.', 'graph',
    g([I('a', 2), I('b', M22)], [N('c', 'matmul', 'a', 'b'), N('s', 'sum', 'c')], 's'),
    'matmul takes matrices only.', 'prim.matmul')
err('error.shape.matmul-scalars', 'E_SHAPE', 'matmul of two scalars.', 'graph',
    g([I('a', 2), I('b', 3)], [N('c', 'matmul', 'a', 'b')], 'c'),
    'matmul takes matrices only, also when both arguments are scalars: a graph of scalars throughout must '
    'still be checked (a fast backend may run such graphs on a separate scalar path).', 'prim.matmul')
err('error.shape.dot-mismatch', 'E_SHAPE', 'dot of a 2x2 and a 1x4 matrix (same size, different shape).', 'graph',
    g([I('a', M22), I('b', [[1, 2, 3, 4]])], [N('c', 'dot', 'a', 'b')], 'c'),
    'dot(A, B) requires equal shapes.', 'prim.dot')
err('error.shape.scale-matrix-factor', 'E_SHAPE', 'scale whose first argument is the 1x1 matrix [[2]].', 'graph',
    g([I('s', [[2]]), I('x', M22)], [N('c', 'scale', 's', 'x'), N('t', 'sum', 'c')], 't'),
    'scale(s, X): s must be a scalar (E_SHAPE otherwise); [[2]] is a matrix.', 'prim.scale')
err('error.shape.trace-nonsquare', 'E_SHAPE', 'trace of a 2x3 matrix.', 'graph',
    g([I('a', M23)], [N('t', 'trace', 'a')], 't'), 'trace needs a square matrix.', 'prim.trace')
err('error.shape.trace-scalar', 'E_SHAPE', 'trace of a scalar.', 'graph',
    g([I('a', 3)], [N('t', 'trace', 'a')], 't'), 'trace: square matrix; scalar → E_SHAPE (stated explicitly).',
    'prim.trace')
err('error.shape.inv-nonsquare', 'E_SHAPE', 'inv of a 2x3 matrix.', 'graph',
    g([I('a', M23)], [N('b', 'inv', 'a'), N('s', 'sum', 'b')], 's'), 'inv needs a square matrix.', 'prim.inv')
err('error.shape.inv-scalar', 'E_SHAPE', 'inv of a scalar.', 'graph',
    g([I('a', 4)], [N('b', 'inv', 'a')], 'b'),
    'inv(A) is defined for square matrices only; a scalar is not a matrix (use pow with exponent −1 or div).',
    'prim.inv')
err('error.shape.logdet-nonsquare', 'E_SHAPE', 'logdet of a 3x2 matrix.', 'graph',
    g([I('a', [[1, 0], [0, 1], [1, 1]])], [N('b', 'logdet', 'a')], 'b'), 'logdet needs a square matrix.', 'prim.logdet')
err('error.shape.logdet-scalar', 'E_SHAPE', 'logdet of a scalar.', 'graph',
    g([I('a', 4)], [N('b', 'logdet', 'a')], 'b'),
    'logdet(A) is defined for square matrices only; a scalar is not a matrix (use log).', 'prim.logdet')
err('error.shape.cotangent-wrong-shape', 'E_SHAPE', 'The output is 2x2 but the cotangent is 2x3.', 'graph',
    g([I('a', M22)], [N('b', 'exp', 'a')], 'b', cotangent=M23),
    'The cotangent must have the shape of the output.', 'case.graph.cotangent, system.cotangent')
err('error.shape.cotangent-matrix-for-scalar', 'E_SHAPE', 'The output is a scalar but the cotangent is [[1]].',
    'graph', g([I('a', 2)], [N('b', 'exp', 'a')], 'b', cotangent=[[1]]),
    'The cotangent must have the shape of the output; [[1]] is a 1x1 matrix, not a scalar.',
    'case.graph.cotangent, value.shape')
err('error.shape.operator-left', 'E_SHAPE', 'left(A) with A 2x3 applied to a 2x2 point.', 'operator',
    op_case({'op': 'left', 'matrix': M23}, M22, M22),
    'A X needs A.cols = X.rows (3 ≠ 2): the point does not fit the operator.', 'op.left.apply')
err('error.shape.operator-right', 'E_SHAPE', 'right(A) with A 2x2 applied to a 3x3 point.', 'operator',
    op_case({'op': 'right', 'matrix': M22}, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], M22),
    'X A needs X.cols = A.rows (3 ≠ 2).', 'op.right.apply')
err('error.shape.operator-hadamard', 'E_SHAPE', 'hadamard(M) with M 2x2 applied to a 2x3 point.', 'operator',
    op_case({'op': 'hadamard', 'matrix': M22}, M23, M23), 'hadamard needs M and X of the same shape.',
    'op.hadamard.apply')
err('error.shape.operator-kron', 'E_SHAPE', 'kron(A, B) with 2x2 A, B applied to a 3x3 point.', 'operator',
    op_case({'op': 'kron', 'a': M22, 'b': M22}, [[1, 0, 0], [0, 1, 0], [0, 0, 1]], M22),
    'B X Aᵀ needs B.cols = X.rows (2 ≠ 3).', 'op.kron.apply')
err('error.shape.operator-dot', 'E_SHAPE', 'dot(G) with G 2x2 applied to a 2x3 point.', 'operator',
    op_case({'op': 'dot', 'matrix': M22}, M23, 1), 'dot(G) needs X of the same shape as G.', 'op.dot.apply')
err('error.shape.operator-outer-matrix-point', 'E_SHAPE', 'outer(G) applied to the 1x1 matrix [[2]].', 'operator',
    op_case({'op': 'outer', 'matrix': M22}, [[2]], M22), 'outer acts on scalars; [[2]] is a matrix.', 'op.outer.apply')
err('error.shape.operator-zero-domain', 'E_SHAPE', 'zero with domain [2,2] applied to a 2x3 point.', 'operator',
    op_case({'op': 'zero', 'domain': [2, 2]}, M23, M23), 'If a domain is given, X must have it.', 'op.zero.apply')
err('error.shape.operator-sum-codomains', 'E_SHAPE', 'sum([identity, transpose]) on a 2x3 point: 2x3 + 3x2.',
    'operator', op_case({'op': 'sum', 'of': [{'op': 'identity'}, {'op': 'transpose'}]}, M23, M23),
    'The terms of sum must have the same codomain shape.', 'op.sum.apply')
err('error.shape.operator-compose-chain', 'E_SHAPE', 'compose([left(2x2), left(3x3)]) on a 3x1 point: the inner '
    'result 3x1 does not fit left(2x2).', 'operator',
    op_case({'op': 'compose', 'of': [{'op': 'left', 'matrix': M22},
                                     {'op': 'left', 'matrix': [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}]},
            [[1], [2], [3]], [[1], [2]]),
    'Each operator in a composition must accept the previous result.', 'op.compose.apply, op.def.shape')
err('error.shape.operator-y-misfit', 'E_SHAPE', 'left(A) with A 2x2 and x 2x2 (fits), but y is 3x3: Aᵀ y does not fit.',
    'operator', op_case({'op': 'left', 'matrix': M22}, M22, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
    'y must be a point of the codomain; the adjoint Aᵀ y needs y.rows = 2.', 'case.operator, op.left.adjoint')
err('error.shape.system-edge-operator', 'E_SHAPE', 'A system edge left(A 2x2) from a 2x2 unknown to a 3x3 unknown.',
    'system', sys_case([('a', [2, 2]), ('b', [3, 3])], [('a', 'b', {'op': 'left', 'matrix': M22})],
                       {'b': [[1, 1, 1], [1, 1, 1], [1, 1, 1]]}),
    'The adjoint Aᵀ ȳ_b needs ȳ_b with 2 rows; ȳ_b is 3x3.', 'system.shapes, op.left.adjoint')
err('error.shape.operator-zero-adjoint-compose', 'E_SHAPE',
    'compose(zero→1x2, zero→1x3) applied to 1 and its adjoint to a 1x2 y: the adjoint applies zero (domain 1x2) '
    'then zero (domain 1x3) to a 1x2 value.', 'operator',
    op_case({'op': 'compose', 'of': [{'op': 'zero', 'codomain': [1, 2]}, {'op': 'zero', 'codomain': [1, 3]}]}, 1, [[0, 0]]),
    'The adjoint of zero exchanges domain and codomain; the inner zero\'s adjoint gets a 1x2 value where its '
    'domain (the outer\'s codomain) is 1x3.', 'op.zero.adjoint, op.compose.adjoint')
err('error.shape.system-zero-adjoint-misfit', 'E_SHAPE',
    'A system edge zero (codomain 1x2) from a 1x3 unknown to a 1x2 unknown: its adjoint maps into 1x2, not the '
    'declared 1x3.', 'system',
    sys_case([('a', [1, 3]), ('b', [1, 2])], [('a', 'b', {'op': 'zero', 'codomain': [1, 2]})], {'b': [[1, 2]]}),
    'zero with only a codomain has that shape as its domain too, so its adjoint gives ȳ_a a 1x2 term.',
    'system.shapes, op.zero.adjoint')
err('error.shape.system-identity-misfit', 'E_SHAPE',
    'A system edge identity from a 1x3 unknown to a 1x2 unknown.', 'system',
    sys_case([('a', [1, 3]), ('b', [1, 2])], [('a', 'b', {'op': 'identity'})], {'b': [[1, 2]]}),
    'The identity maps a 1x2 ȳ_b to a 1x2 term where ȳ_a is 1x3.', 'system.shapes, op.identity.adjoint')
err('error.shape.system-edge-result', 'E_SHAPE', 'A system edge left(A 3x2) from a 2x2 unknown to a 3x3 unknown: '
    'the operator maps 2x2 to 3x2, and its adjoint maps 3x3 to 2x3, not to the declared 2x2.', 'system',
    sys_case([('a', [2, 2]), ('b', [3, 3])], [('a', 'b', {'op': 'left', 'matrix': [[1, 0], [0, 1], [1, 1]]})],
             {'b': [[1, 1, 1], [1, 1, 1], [1, 1, 1]]}),
    'Each edge operator must map the from-unknown\'s declared shape to the to-unknown\'s declared shape; '
    'here A·(2x2) is 3x2 ≠ 3x3 and Aᵀ·(3x3) is 2x3 ≠ 2x2.', 'system.shapes')
err('error.shape.system-rhs', 'E_SHAPE', 'The rhs of a scalar unknown is the 1x1 matrix [[1]].', 'system',
    sys_case([('s', [])], [], {'s': [[1]]}), 'An rhs must have its unknown\'s declared shape.', 'system.shapes')

# ------------------------------------------------------------------ E_ARITY
err('error.arity.add-one-arg', 'E_ARITY', 'add with one argument.', 'graph',
    g([I('x', 1)], [N('y', 'add', 'x')], 'y'), 'add takes exactly two arguments.', 'prim.graph.node, prim.add')
err('error.arity.exp-two-args', 'E_ARITY', 'exp with two arguments.', 'graph',
    g([I('x', 1), I('z', 2)], [N('y', 'exp', 'x', 'z')], 'y'), 'exp takes exactly one argument.',
    'prim.graph.node, prim.exp')
err('error.arity.matmul-three-args', 'E_ARITY', 'matmul with three arguments.', 'graph',
    g([I('a', M22)], [N('b', 'matmul', 'a', 'a', 'a'), N('s', 'sum', 'b')], 's'),
    'matmul takes exactly two arguments (no n-ary chains).', 'prim.graph.node, prim.matmul')
err('error.arity.scale-one-arg', 'E_ARITY', 'scale with one argument.', 'graph',
    g([I('x', 1)], [N('y', 'scale', 'x')], 'y'), 'scale takes two arguments (s, X).', 'prim.graph.node, prim.scale')

# ------------------------------------------------------------------ E_UNKNOWN_OP
err('error.unknown-op.primitive', 'E_UNKNOWN_OP', 'A node with op "cosh" (not a v1 primitive).', 'graph',
    g([I('x', 1)], [N('y', 'cosh', 'x')], 'y'), '"cosh" is not in the primitive table.', 'prim.graph.node')
err('error.unknown-op.primitive-case', 'E_UNKNOWN_OP', 'A node with op "Exp": names are lowercase and exact.', 'graph',
    g([I('x', 1)], [N('y', 'Exp', 'x')], 'y'), 'Primitive names are matched exactly; "Exp" is not "exp".',
    'prim.graph.node')
err('error.unknown-op.operator', 'E_UNKNOWN_OP', 'An operator case of kind "rotate".', 'operator',
    op_case({'op': 'rotate'}, M22, M22), '"rotate" is not an operator kind.', 'op.vocabulary')
err('error.unknown-op.operator-nested', 'E_UNKNOWN_OP', 'compose([identity, {"op":"inverse"}]): an unknown kind nested '
    'inside a known one.', 'operator', op_case({'op': 'compose', 'of': [{'op': 'identity'}, {'op': 'inverse'}]}, M22, M22),
    '"inverse" is not an operator kind (inv is a primitive, not an operator).', 'op.vocabulary')
err('error.unknown-op.system-edge', 'E_UNKNOWN_OP', 'A system edge whose operator kind is "sylvester".', 'system',
    sys_case([('a', [2, 2]), ('b', [2, 2])], [('a', 'b', {'op': 'sylvester'})], {'b': M22}),
    '"sylvester" is not an operator kind (write sum([left(A), right(B)])).', 'op.vocabulary, system.case')

# ------------------------------------------------------------------ E_UNKNOWN_ID
err('error.unknown-id.arg', 'E_UNKNOWN_ID', 'A node argument names an id that does not exist.', 'graph',
    g([I('x', 1)], [N('y', 'add', 'x', 'z')], 'y'), 'No input, constant or node is called "z".',
    'prim.graph.references')
err('error.unknown-id.output', 'E_UNKNOWN_ID', 'The output names an id that does not exist.', 'graph',
    g([I('x', 1)], [N('y', 'exp', 'x')], 'w'), 'No input, constant or node is called "w".', 'prim.graph.output')
err('error.unknown-id.wrt', 'E_UNKNOWN_ID', '"wrt" names an id that does not exist.', 'graph',
    g([I('x', 1)], [N('y', 'exp', 'x')], 'y', wrt=['q']), 'No input is called "q".', 'case.graph.wrt')
err('error.unknown-id.wrt-constant', 'E_UNKNOWN_ID', '"wrt" names a constant: only inputs can be differentiated.',
    'graph', gc([I('x', 2)], [I('c', 3)], [N('y', 'mul', 'x', 'c')], 'y', wrt=['x', 'c']),
    '"c" exists but is a constant, not an input; the graph is otherwise valid (value 6).', 'case.graph.wrt')
err('error.unknown-id.wrt-node', 'E_UNKNOWN_ID',
    '"wrt" names a node (not the output): nodes have no reported gradient.', 'graph',
    g([I('x', 0.5)], [N('e', 'exp', 'x'), N('y', 'sin', 'e')], 'y', wrt=['e']),
    '"e" exists but is a node, not an input; the graph is otherwise valid.', 'case.graph.wrt')
err('error.unknown-id.system-edge', 'E_UNKNOWN_ID', 'A system edge points to an unknown that does not exist.',
    'system', sys_case([('a', []), ('b', [])], [('a', 'c', {'op': 'scale', 'by': 2})], {'b': 1}),
    'No unknown is called "c".', 'system.case')
err('error.unknown-id.system-rhs', 'E_UNKNOWN_ID', 'The rhs names an unknown that does not exist.', 'system',
    sys_case([('a', []), ('b', [])], [('a', 'b', {'op': 'scale', 'by': 2})], {'c': 1}),
    'No unknown is called "c".', 'system.shapes')

# ------------------------------------------------------------------ E_DUPLICATE_ID
err('error.duplicate-id.inputs', 'E_DUPLICATE_ID', 'Two inputs with the id "x".', 'graph',
    g([I('x', 1), I('x', 2)], [N('y', 'exp', 'x')], 'y'), 'Ids must be unique within a case.', 'prim.graph.ids')
err('error.duplicate-id.input-constant', 'E_DUPLICATE_ID', 'An input and a constant share the id "x".', 'graph',
    gc([I('x', 1)], [I('x', 2)], [N('y', 'exp', 'x')], 'y'),
    'Inputs, constants and nodes share one id space per case.', 'prim.graph.ids')
err('error.duplicate-id.node-input', 'E_DUPLICATE_ID', 'A node reuses the id of an input.', 'graph',
    g([I('x', 1), I('z', 2)], [N('x', 'exp', 'z')], 'x'),
    'Inputs, constants and nodes share one id space per case (the node does not refer to itself).', 'prim.graph.ids')
err('error.duplicate-id.nodes', 'E_DUPLICATE_ID', 'Two nodes with the id "y".', 'graph',
    g([I('x', 1)], [N('y', 'exp', 'x'), N('y', 'sin', 'x')], 'y'), 'Ids must be unique within a case.',
    'prim.graph.ids')
err('error.duplicate-id.system-unknowns', 'E_DUPLICATE_ID', 'Two system unknowns with the id "a".', 'system',
    sys_case([('a', []), ('a', [])], [], {}), 'Unknown ids must be unique within a case.', 'system.case')
err('error.duplicate-id.wrt-repeated', 'E_DUPLICATE_ID', '"wrt" names the input "x" twice, not adjacently: '
    '["x", "z", "x"].', 'graph',
    g([I('x', 2), I('z', 3)], [N('y', 'mul', 'x', 'z')], 'y', wrt=['x', 'z', 'x']),
    'Every id in wrt is an input, but "x" is repeated; the graph is otherwise valid (value 6).',
    'case.graph.wrt')

# ------------------------------------------------------------------ E_ORDER
err('error.order.forward-reference', 'E_ORDER', 'A node uses a node defined after it.', 'graph',
    g([I('x', 1)], [N('y', 'exp', 'z'), N('z', 'sin', 'x')], 'y'),
    'Nodes are in topological (file) order: an argument must precede its node.', 'prim.graph.references')
err('error.order.system-edge-backward', 'E_ORDER', 'A system edge from a later unknown to an earlier one.', 'system',
    sys_case([('a', []), ('b', [])], [('b', 'a', {'op': 'scale', 'by': 2})], {'a': 1}),
    'from later than to → E_ORDER (L must be strictly lower triangular).', 'system.case')

# ------------------------------------------------------------------ E_CYCLE
err('error.cycle.self-reference', 'E_CYCLE', 'A node that is its own argument.', 'graph',
    g([I('x', 1)], [N('y', 'add', 'x', 'y')], 'y'), 'A node may not depend on itself.', 'prim.graph.references')
err('error.cycle.system-self-edge', 'E_CYCLE', 'A system edge from an unknown to itself.', 'system',
    sys_case([('a', []), ('b', [])], [('a', 'a', {'op': 'scale', 'by': 2})], {'b': 1}),
    'from == to → E_CYCLE (a diagonal entry of L).', 'system.case')

# ------------------------------------------------------------------ E_NOT_SCALAR
err('error.not-scalar.matrix-output', 'E_NOT_SCALAR', 'A 2x2 output and no cotangent.', 'graph',
    g([I('a', M22)], [N('b', 'exp', 'a')], 'b'), 'The cotangent is required when the output is not a scalar.',
    'system.cotangent, case.graph.cotangent')
err('error.not-scalar.one-by-one-output', 'E_NOT_SCALAR', 'A 1x1 matrix output (from matmul) and no cotangent.',
    'graph', g([I('a', [[1, 2]]), I('b', [[3], [4]])], [N('c', 'matmul', 'a', 'b')], 'c'),
    '[[11]] is a 1x1 matrix, not a scalar, so the default cotangent 1 does not apply.', 'system.cotangent, value.shape')
err('error.not-scalar.input-output', 'E_NOT_SCALAR', 'The output is a matrix input and there is no cotangent.',
    'graph', g([I('a', M22), I('x', 1)], [N('y', 'exp', 'x')], 'a'),
    'Output may be any id, but a non-scalar output needs a cotangent.', 'system.cotangent, prim.graph.output')

# ------------------------------------------------------------------ E_DOMAIN
def dom(cid, desc, op, x, why, anchors=None, **attrs):
    if anchors is None:
        anchors = 'prim.%s.domain' % op + (', prim.gepp' if op in ('inv', 'logdet') else '')
    nodes = [N('y', op, 'x', **attrs)]
    out = 'y'
    if isinstance(x, list):
        nodes.append(N('s', 'sum', 'y'))
        out = 's'
    err(cid, 'E_DOMAIN', desc, 'graph', g([I('x', x)], nodes, out), why, anchors, [op])


dom('error.domain.log-negative', 'log(−1).', 'log', -1, 'log requires x > 0.')
dom('error.domain.log-zero', 'log(0).', 'log', 0, 'log requires x > 0; 0 is outside the domain.')
dom('error.domain.log-matrix-entry', 'log of a matrix with one negative entry.', 'log', [[1, 2], [-0.5, 4]],
    'log requires every element > 0.')
dom('error.domain.log-negative-infinity', 'log(−Infinity).', 'log', '-Infinity',
    'Domain checks apply to non-finite inputs too (except NaN); −Infinity < 0.',
    anchors='prim.log.domain, prim.domain')
dom('error.domain.sqrt-negative', 'sqrt(−1).', 'sqrt', -1, 'sqrt requires x ≥ 0.')
dom('error.domain.sqrt-matrix-entry', 'sqrt of a matrix with one negative entry.', 'sqrt', [[4, -1e-300], [9, 16]],
    'sqrt requires every element ≥ 0; −1e-300 is negative.')
dom('error.domain.sqrt-negative-infinity', 'sqrt(−Infinity).', 'sqrt', '-Infinity',
    'Domain checks apply to non-finite inputs too (except NaN).', anchors='prim.sqrt.domain, prim.domain')
dom('error.domain.pow-negative-base-fractional', 'pow(−2, 0.5).', 'pow', -2,
    'x < 0 is allowed only for an integer exponent.', exponent=0.5)
dom('error.domain.pow-negative-base-third', 'pow(−8, 0.3333333333333333): the exponent is not an integer.', 'pow',
    -8, 'x < 0 is allowed only for an integer exponent; binary64 1/3 is not an integer.', exponent=0.3333333333333333)
dom('error.domain.pow-zero-negative-integer', 'pow(0, −1).', 'pow', 0, 'x = 0 is allowed only for p ≥ 0.',
    exponent=-1)
dom('error.domain.pow-zero-negative-fractional', 'pow(0, −0.5).', 'pow', 0, 'x = 0 is allowed only for p ≥ 0.',
    exponent=-0.5)
dom('error.domain.inv-singular', 'inv([[1,2],[2,4]]).', 'inv', [[1, 2], [2, 4]],
    'Exactly singular: partial pivoting picks 2, the second pivot is 2 − 0.5·4 = 0 exactly.')
dom('error.domain.inv-singular-3x3', 'inv([[1,2,3],[2,4,6],[1,1,1]]).', 'inv', [[1, 2, 3], [2, 4, 6], [1, 1, 1]],
    'Exactly singular (row 2 = 2·row 1): elimination with partial pivoting meets an exact zero pivot '
    '(multipliers 0.5 are exact).')


def gepp_binary64_singular(a, last_of_ties=False):
    """spec: prim.gepp in binary64 (Python floats: no fused multiply-add). The pivot is the first row of largest
    |U_rk|, or with last_of_ties the last one (not the spec's rule: only to show that the tie matters)."""
    u = [[float(x) for x in r] for r in a]
    n = len(u)
    for k in range(n):
        r = k
        for i in range(k + 1, n):
            if abs(u[i][k]) > abs(u[r][k]) or (last_of_ties and abs(u[i][k]) == abs(u[r][k])):
                r = i
        if u[r][k] == 0:
            return True
        u[k], u[r] = u[r], u[k]
        for i in range(k + 1, n):
            f = u[i][k] / u[k][k]
            for j in range(k, n):
                u[i][j] = u[i][j] - f * u[k][j]
    return False


TIE = [[5, 5, -2], [-1, -2, 0], [5, -5, -6]]
assert gepp_binary64_singular(TIE) and not gepp_binary64_singular(TIE, last_of_ties=True)
dom('error.domain.inv-singular-pivot-tie', 'inv([[5,5,-2],[-1,-2,0],[5,-5,-6]]): |5| ties in column 1; the first '
    'row of largest |U_r1| is the pivot.', 'inv', TIE,
    'Exactly singular (det = 0). prim.gepp takes row 1 (the first of the tie): multipliers −0.2 and 1, then '
    'rows [0, −1, −0.4] and [0, −10, −4]; the second pivot is −10, multiplier 0.1, and −0.4 − 0.1·(−4) = 0 '
    'exactly in binary64: a zero pivot. Taking row 3 (the last of the tie) instead leaves a rounding residue '
    'of about 2e−16 as the last pivot, and inv would return a value: the tie rule decides the domain.')
dom('error.domain.inv-zero', 'inv of the 2x2 zero matrix.', 'inv', [[0, 0], [0, 0]], 'The first pivot is 0.')
dom('error.domain.inv-zero-1x1', 'inv([[0]]).', 'inv', [[0]], 'The only pivot is 0.')
dom('error.domain.logdet-negative', 'logdet([[1,2],[3,4]]), det = −2.', 'logdet', [[1, 2], [3, 4]],
    'logdet requires det > 0.')
dom('error.domain.logdet-permutation', 'logdet([[0,1],[1,0]]), det = −1.', 'logdet', [[0, 1], [1, 0]],
    'logdet requires det > 0; the swap makes det negative.')
dom('error.domain.logdet-singular', 'logdet([[1,2],[2,4]]), det = 0.', 'logdet', [[1, 2], [2, 4]],
    'logdet requires det > 0; det = 0 exactly.')


def divcase(cid, desc, a, b, why):
    nodes = [N('c', 'div', 'a', 'b')]
    out = 'c'
    if isinstance(a, list):
        nodes.append(N('s', 'sum', 'c'))
        out = 's'
    err(cid, 'E_DOMAIN', desc, 'graph', g([I('a', a), I('b', b)], nodes, out), why, 'prim.div.domain', ['div'])


divcase('error.domain.div-by-zero', 'div(1, 0).', 1, 0, 'Division by a zero element → E_DOMAIN.')
divcase('error.domain.div-zero-by-zero', 'div(0, 0).', 0, 0, 'Division by a zero element → E_DOMAIN.')
divcase('error.domain.div-by-negative-zero', 'div(1, −0).', 1, '-0', '−0 is a zero element too.')
divcase('error.domain.div-matrix-zero-entry', 'div of 2x2 matrices where one denominator entry is 0.',
        M22, [[1, 2], [0, 4]], 'Division by a zero element → E_DOMAIN.')

# ------------------------------------------------------------------ E_ATTRIBUTE
err('error.attribute.pow-missing-exponent', 'E_ATTRIBUTE', 'pow without "exponent".', 'graph',
    g([I('x', 2)], [N('y', 'pow', 'x')], 'y'), 'pow requires the attribute "exponent".',
    'prim.pow, prim.graph.attributes')
err('error.attribute.exp-unexpected-exponent', 'E_ATTRIBUTE', 'exp with an "exponent" attribute.', 'graph',
    g([I('x', 2)], [N('y', 'exp', 'x', exponent=2)], 'y'),
    'Only pow takes "exponent"; an unexpected node attribute is E_ATTRIBUTE.', 'prim.graph.attributes')

# ------------------------------------------------------------------ E_VALUE
err('error.value.pow-exponent-nan', 'E_VALUE', 'pow with exponent "NaN".', 'graph',
    g([I('x', 2)], [N('y', 'pow', 'x', exponent='NaN')], 'y'), 'The exponent must be finite.', 'prim.pow')
err('error.value.pow-exponent-infinity', 'E_VALUE', 'pow with exponent "Infinity".', 'graph',
    g([I('x', 2)], [N('y', 'pow', 'x', exponent='Infinity')], 'y'), 'The exponent must be finite.', 'prim.pow')
err('error.value.pow-exponent-overflow', 'E_VALUE', 'pow with exponent "1e400", which reads as +Infinity.', 'graph',
    g([I('x', 2)], [N('y', 'pow', 'x', exponent='1e400')], 'y'),
    'A decimal literal beyond the binary64 range reads as ±Infinity, which is not finite.',
    'prim.pow, value.number.nearest')
err('error.value.operator-scale-nan', 'E_VALUE', 'An operator case scale by "NaN".', 'operator',
    op_case({'op': 'scale', 'by': 'NaN'}, M22, M22), 'scale.by must be finite.', 'op.scale')
err('error.value.system-scale-infinity', 'E_VALUE', 'A system edge scale by "-Infinity".', 'system',
    sys_case([('a', []), ('b', [])], [('a', 'b', {'op': 'scale', 'by': '-Infinity'})], {'b': 1}),
    'scale.by must be finite.', 'op.scale')

for c in cases:
    assert c['provenance']['method'] == 'hand'

if __name__ == '__main__':
    write_cases('errors', cases)
