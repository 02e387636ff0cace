"""Writes conformance/cases/paper.json: the worked examples of Edelman, Akyürek & Wang,
"Backpropagation through Back Substitution with a Backslash" (arXiv:2303.15449), as restated in
the project's paper notes (§1, §5, §6):

- the five-node poster DAG (ȳ1 = acd, ȳ2 = bcd, ȳ3 = cd, ȳ4 = d) as system and graph cases;
- the complete four-node DAG with a1..c3 = 1.1, 1.3, 1.7, 1.9, 2.3, 2.9, path weight (1,4) = 14.061;
- the notebook's ℒ(M)B, ℛ(M)B, ℋ(M)B and the adjoint check ⟨B, ℒ(M)C⟩ = ⟨ℒ(M)ᵀ•B, C⟩ = 522;
- the MLP showcase (from mlp.py).

Expected values at the binary64 inputs: exact products/sums in mpmath at 60 digits (so 14.061 appears
as the exact value at the binary64 weights, 14.06099999999999999822..., within 2e-18 of 14.061).
Run: python3 scripts/expected/paper.py
"""
from mpmath import mp, mpf

from common import (system_case, graph_case, operator_case, prov, write_cases, num, tensor, inner, matmul,
                    transpose)
from mlp import mlp_case

SRC = 'scripts/expected/paper.py'
cases = []


def E(f, t, c):
    return {'from': f, 'to': t, 'operator': {'op': 'scale', 'by': c}}


# ---- five-node poster DAG
def poster_system(cid, a, b, c, d, desc_extra):
    A, B_, C, D = num(a), num(b), num(c), num(d)
    system = {'unknowns': [{'id': 'v%d' % i, 'shape': []} for i in range(1, 6)],
              'edges': [E('v1', 'v3', a), E('v2', 'v3', b), E('v3', 'v4', c), E('v4', 'v5', d)],
              'rhs': {'v5': 1}}
    closed = {'v1': A * C * D, 'v2': B_ * C * D, 'v3': C * D, 'v4': D, 'v5': mpf(1)}
    return system_case(cid, 'The paper\'s five-node poster DAG: edges 1→3 a, 2→3 b, 3→4 c, 4→5 d (scale operators), '
                       'rhs e5; back substitution gives ȳ1 = acd, ȳ2 = bcd, ȳ3 = cd, ȳ4 = d, ȳ5 = 1. ' + desc_extra,
                       ['paper', 'system', 'scale'], system, closed,
                       prov('paper', 'paper-notes §1 (poster example); ' + SRC,
                            'Closed form acd, bcd, cd, d, 1 evaluated exactly at the binary64 weights.'))


cases.append(poster_system('paper.poster-dag.system', 2, 3, 5, 7, 'With a, b, c, d = 2, 3, 5, 7: 70, 105, 35, 7, 1.'))
cases.append(poster_system('paper.poster-dag.system-decimal', 1.1, 1.3, 1.7, 1.9,
                           'With a, b, c, d = 1.1, 1.3, 1.7, 1.9 (inexact in binary64): acd = 3.553, bcd = 4.199.'))

# graph form: v3 = a·x1 + b·x2, v4 = c·v3, v5 = d·v4 with a..d constants.
pg = {'inputs': [{'id': 'x1', 'value': 0.5}, {'id': 'x2', 'value': -1.5}],
      'constants': [{'id': 'a', 'value': 2}, {'id': 'b', 'value': 3}, {'id': 'c', 'value': 5}, {'id': 'd', 'value': 7}],
      'nodes': [{'id': 't1', 'op': 'scale', 'args': ['a', 'x1']}, {'id': 't2', 'op': 'scale', 'args': ['b', 'x2']},
                {'id': 'x3', 'op': 'add', 'args': ['t1', 't2']}, {'id': 'x4', 'op': 'scale', 'args': ['c', 'x3']},
                {'id': 'x5', 'op': 'scale', 'args': ['d', 'x4']}],
      'output': 'x5'}
cases.append(graph_case('paper.poster-dag.graph',
                        'The poster DAG as a graph: x3 = a·x1 + b·x2, x4 = c·x3, x5 = d·x4 with constants a, b, c, d = '
                        '2, 3, 5, 7; value d·c·(a x1 + b x2) = 35·(1 − 4.5) = −122.5; gradient x1 ← acd = 70, x2 ← bcd = 105.',
                        ['paper', 'graph', 'scale'], pg,
                        lambda v, G: {'x1': G * v['a'] * v['c'] * v['d'], 'x2': G * v['b'] * v['c'] * v['d']},
                        provenance=prov('paper', 'paper-notes §1 (poster example); ' + SRC)))

# ---- complete four-node DAG
W4 = {'a1': 1.1, 'b1': 1.3, 'c1': 1.7, 'b2': 1.9, 'c2': 2.3, 'c3': 2.9}
w = {k: num(v) for k, v in W4.items()}
path14 = w['a1'] * w['b2'] * w['c3'] + w['a1'] * w['c2'] + w['b1'] * w['c3'] + w['c1']
assert abs(path14 - mpf('14.061')) < mpf('1e-14')
sys4 = {'unknowns': [{'id': 'v%d' % i, 'shape': []} for i in range(1, 5)],
        'edges': [E('v1', 'v2', W4['a1']), E('v1', 'v3', W4['b1']), E('v1', 'v4', W4['c1']),
                  E('v2', 'v3', W4['b2']), E('v2', 'v4', W4['c2']), E('v3', 'v4', W4['c3'])],
        'rhs': {'v4': 1}}
cases.append(system_case('paper.complete-dag4.system',
                         'The complete DAG on four nodes: edges 1→2 a1, 1→3 b1, 1→4 c1, 2→3 b2, 2→4 c2, 3→4 c3 with '
                         'a1..c3 = 1.1, 1.3, 1.7, 1.9, 2.3, 2.9 and rhs e4. ȳ1 = a1·b2·c3 + a1·c2 + b1·c3 + c1 = 14.061 '
                         '(entry (1,4) of the path-weight matrix (I − L)⁻¹), ȳ2 = b2·c3 + c2 = 7.81, ȳ3 = c3 = 2.9, ȳ4 = 1.',
                         ['paper', 'system', 'scale'], sys4,
                         {'v1': path14, 'v2': w['b2'] * w['c3'] + w['c2'], 'v3': w['c3'], 'v4': mpf(1)},
                         prov('paper', 'paper-notes §1 (complete four-node DAG, 14.061); ' + SRC,
                              'Expected values are the exact path sums at the binary64 weights (ȳ1 = %s), which '
                              'differ from the paper\'s decimal 14.061 by %s.' % (
                                  mp.nstr(path14, 25), mp.nstr(abs(path14 - mpf('14.061')), 2)))))

g4 = {'inputs': [{'id': 'x1', 'value': 2}],
      'constants': [{'id': k, 'value': v} for k, v in W4.items()],
      'nodes': [{'id': 'x2', 'op': 'scale', 'args': ['a1', 'x1']},
                {'id': 'p', 'op': 'scale', 'args': ['b1', 'x1']}, {'id': 'q', 'op': 'scale', 'args': ['b2', 'x2']},
                {'id': 'x3', 'op': 'add', 'args': ['p', 'q']},
                {'id': 'r', 'op': 'scale', 'args': ['c1', 'x1']}, {'id': 's', 'op': 'scale', 'args': ['c2', 'x2']},
                {'id': 't', 'op': 'scale', 'args': ['c3', 'x3']}, {'id': 'u', 'op': 'add', 'args': ['r', 's']},
                {'id': 'x4', 'op': 'add', 'args': ['u', 't']}],
      'output': 'x4'}
cases.append(graph_case('paper.complete-dag4.graph',
                        'The complete four-node DAG as a graph with x1 = 2: x2 = a1 x1, x3 = b1 x1 + b2 x2, '
                        'x4 = c1 x1 + c2 x2 + c3 x3; dx4/dx1 = 14.061 (the path weight), value 2·14.061.',
                        ['paper', 'graph', 'scale'], g4, lambda v, G: {'x1': G * path14},
                        provenance=prov('paper', 'paper-notes §1 (complete four-node DAG, 14.061); ' + SRC,
                                        'Exact at the binary64 weights; differs from the decimal 14.061 by %s.'
                                        % mp.nstr(abs(path14 - mpf('14.061')), 2))))

# ---- the notebook's operator numbers
Bm = [[1, 2], [3, 4]]
Mm = [[10, 1], [1, 10]]
Cm = [[2, 5], [4, 6]]
PN = prov('paper', 'paper-notes §6 (worked numbers from the authors\' notebook); ' + SRC)
cases.append(operator_case('paper.notebook.left', 'ℒ(M)B = M B = [[13,24],[31,42]] with M = [[10,1],[1,10]], B = [[1,2],[3,4]]; '
                           'adjoint at y = C = [[2,5],[4,6]]: Mᵀ C.', ['paper', 'operator', 'left'],
                           {'op': 'left', 'matrix': Mm}, Bm, Cm, PN, apply_expected=[[13, 24], [31, 42]]))
cases.append(operator_case('paper.notebook.right', 'ℛ(M)B = B M = [[12,21],[34,43]]; adjoint at y = C: C Mᵀ.',
                           ['paper', 'operator', 'right'], {'op': 'right', 'matrix': Mm}, Bm, Cm, PN,
                           apply_expected=[[12, 21], [34, 43]]))
cases.append(operator_case('paper.notebook.hadamard', 'ℋ(M)B = M ⊙ B = [[10,2],[3,40]]; adjoint at y = C: M ⊙ C.',
                           ['paper', 'operator', 'hadamard'], {'op': 'hadamard', 'matrix': Mm}, Bm, Cm, PN,
                           apply_expected=[[10, 2], [3, 40]]))
apply522 = matmul(tensor(Mm), tensor(Cm))
adj522 = matmul(transpose(tensor(Mm)), tensor(Bm))
assert inner(tensor(Bm), apply522) == 522 and inner(adj522, tensor(Cm)) == 522
cases.append(operator_case('paper.notebook.adjoint-522',
                           'The adjoint check ⟨B, ℒ(M)C⟩ = ⟨ℒ(M)ᵀ•B, C⟩ = 522: operator left(M) at x = C, y = B; '
                           'apply = M C = [[24,56],[42,65]], adjoint = Mᵀ B = [[13,24],[31,42]].',
                           ['paper', 'operator', 'left', 'adjoint-identity'], {'op': 'left', 'matrix': Mm}, Cm, Bm,
                           prov('paper', 'paper-notes §6 (worked numbers from the authors\' notebook); ' + SRC,
                                '⟨B, apply⟩ = 1·24 + 2·56 + 3·42 + 4·65 = 522 and ⟨adjoint, C⟩ = 13·2 + 24·5 + 31·4 + '
                                '42·6 = 522 (both asserted by the script).'),
                           apply_expected=[[24, 56], [42, 65]], adjoint_expected=[[13, 24], [31, 42]]))

cases.append(mlp_case())

if __name__ == '__main__':
    write_cases('paper', cases)
