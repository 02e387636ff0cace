"""Writes conformance/cases/operators.json: at least one case per operator kind (identity, zero, scale,
left, right, hadamard, kron, dot, outer, transpose, compose, sum, adjoint).

Expected apply/adjoint: the definitions of spec chapter 2 (spec: op.vocabulary and, per kind, the
op.<kind>.apply / op.<kind>.adjoint rules, e.g. spec: op.kron.apply, op.kron.adjoint: kron(A,B) X = B X Aᵀ,
adjoint Y ↦ Bᵀ Y A), evaluated exactly. Each case is cross-checked by the adjoint identity
⟨y, op(x)⟩ = ⟨opᵀ•(y), x⟩, by comparing the adjoint with the transpose of the operator's explicit
matrix (built by applying it to every basis element), and for kron by comparing the explicit matrix
with the Kronecker product A ⊗ B acting on column-major vec(X). Run: python3 scripts/expected/operators.py
"""
from mpmath import mpf

from common import operator_case, prov, write_cases, explicit_matrix, tensor

SRC = 'scripts/expected/operators.py'
P = prov('closed-form', SRC)


def kron_check(a, b, xshape):
    """explicit matrix of X ↦ B X Aᵀ in row-major coordinates == (A ⊗ B) in column-major coordinates."""
    A, B = tensor(a), tensor(b)
    op = {'op': 'kron', 'a': a, 'b': b}
    m = explicit_matrix(op, xshape)
    n, q = xshape
    mm, p = len(B), len(A)
    for r in range(mm * p):
        for c in range(n * q):
            # row-major output index r -> (i, j); column-major vec index of Y is j*mm + i
            i, j = divmod(r, p)
            k, l = divmod(c, q)          # input X[k][l]; column-major index l*n + k
            big_row, big_col = j * mm + i, l * n + k
            kr = A[big_row // mm][big_col // n] * B[big_row % mm][big_col % n]
            assert m[r][c] == kr, (r, c)


A23 = [[1, 2, 0], [-1, 3, 1]]
A22 = [[2, -1], [0.5, 3]]
X22 = [[1, 2], [3, 4]]
Y22 = [[2, 5], [4, 6]]
X23 = [[1, -2, 0.5], [3, 0, -1]]

cases = [
    operator_case('op.identity.matrix', 'identity on a 2x3 matrix: apply and adjoint return their argument.',
                  ['operator', 'identity'], {'op': 'identity'}, X23, [[0, 1, 2], [-1, -2, -3]], P),
    operator_case('op.identity.scalar', 'identity on a scalar.', ['operator', 'identity'], {'op': 'identity'},
                  2.5, -1.5, P),
    operator_case('op.zero.default', 'zero without domain/codomain: 0 of the shape of X; adjoint 0 of the shape of Y.',
                  ['operator', 'zero'], {'op': 'zero'}, X23, [[1, 1, 1], [1, 1, 1]], P),
    operator_case('op.zero.domain-codomain', 'zero from 2x2 matrices to scalars: apply gives scalar 0; the adjoint '
                  '(domain and codomain swapped) maps a scalar to the 2x2 zero matrix.',
                  ['operator', 'zero'], {'op': 'zero', 'domain': [2, 2], 'codomain': []}, X22, 5, P),
    operator_case('op.zero.codomain-matrix', 'zero from scalars to 1x3 matrices: apply gives a 1x3 zero; the adjoint '
                  'maps a 1x3 matrix to scalar 0.',
                  ['operator', 'zero'], {'op': 'zero', 'domain': [], 'codomain': [1, 3]}, 7, [[1, 2, 3]], P),
    operator_case('op.zero.domain-only', 'zero with only a domain (2x3): codomain defaults to the shape of X.',
                  ['operator', 'zero'], {'op': 'zero', 'domain': [2, 3]}, X23, [[1, 2, 3], [4, 5, 6]], P),
    operator_case('op.scale.matrix', 'scale by -1.5: X ↦ -1.5 X; self-adjoint.', ['operator', 'scale'],
                  {'op': 'scale', 'by': -1.5}, X22, Y22, P),
    operator_case('op.scale.scalar-string', 'scale by the string "0.1" on a scalar (inexact binary64 factor).',
                  ['operator', 'scale'], {'op': 'scale', 'by': '0.1'}, 3, 7, P),
    operator_case('op.left.rectangular', 'left(A) with A 2x3 acting on X 3x2: AX (2x2); adjoint AᵀY (3x2).',
                  ['operator', 'left'], {'op': 'left', 'matrix': A23}, [[1, 0], [2, -1], [0.5, 4]], Y22, P),
    operator_case('op.left.nonsymmetric', 'left(A) with non-symmetric A: the adjoint uses Aᵀ, not A.',
                  ['operator', 'left'], {'op': 'left', 'matrix': A22}, X22, Y22, P),
    operator_case('op.right.rectangular', 'right(A) with A 3x2 acting on X 2x3: XA (2x2); adjoint YAᵀ (2x3).',
                  ['operator', 'right'], {'op': 'right', 'matrix': [[1, 2], [0, -1], [3, 0.5]]}, X23, Y22, P),
    operator_case('op.right.nonsymmetric', 'right(A) with non-symmetric A on 2x2 matrices.',
                  ['operator', 'right'], {'op': 'right', 'matrix': A22}, X22, Y22, P),
    operator_case('op.hadamard.matrix', 'hadamard(M): elementwise product; self-adjoint.', ['operator', 'hadamard'],
                  {'op': 'hadamard', 'matrix': [[1, -2, 0.5], [0, 3, 4]]}, X23, [[2, 2, 2], [1, -1, 0.25]], P),
    operator_case('op.hadamard.scalar', 'hadamard with a scalar M acting on a scalar.', ['operator', 'hadamard'],
                  {'op': 'hadamard', 'matrix': -3}, 0.5, 2, P),
    operator_case('op.kron.square', 'kron(A, B) X = B X Aᵀ with 2x2 A, B; adjoint Y ↦ Bᵀ Y A.',
                  ['operator', 'kron'], {'op': 'kron', 'a': A22, 'b': [[1, 1], [0, 2]]}, X22, Y22, P),
    operator_case('op.kron.rectangular', 'kron(A, B) with A 2x3, B 3x2, X 2x3: B X Aᵀ is 3x2; adjoint Bᵀ Y A is 2x3.',
                  ['operator', 'kron'], {'op': 'kron', 'a': A23, 'b': [[1, 0], [2, -1], [0, 3]]}, X23,
                  [[1, 2], [3, 4], [5, 6]], P),
    operator_case('op.dot.matrix', 'dot(G): X ↦ ⟨G, X⟩ (2x3 → scalar); adjoint c ↦ cG.', ['operator', 'dot'],
                  {'op': 'dot', 'matrix': [[1, 2, 3], [-1, 0.5, 2]]}, X23, 2.5, P),
    operator_case('op.dot.scalar', 'dot with a scalar G: x ↦ G·x; adjoint c ↦ cG.', ['operator', 'dot'],
                  {'op': 'dot', 'matrix': 4}, -0.5, 3, P),
    operator_case('op.outer.matrix', 'outer(G): c ↦ cG (scalar → 2x2); adjoint Y ↦ ⟨G, Y⟩.', ['operator', 'outer'],
                  {'op': 'outer', 'matrix': [[1, -2], [0.5, 3]]}, -2, Y22, P),
    operator_case('op.outer.scalar', 'outer with a scalar G: c ↦ cG.', ['operator', 'outer'],
                  {'op': 'outer', 'matrix': 1.5}, 4, -2, P),
    operator_case('op.transpose.rectangular', 'transpose: 2x3 ↦ 3x2; self-adjoint.', ['operator', 'transpose'],
                  {'op': 'transpose'}, X23, [[1, 2], [3, 4], [5, 6]], P),
    operator_case('op.transpose.scalar', 'transpose of a scalar is itself.', ['operator', 'transpose'],
                  {'op': 'transpose'}, 3.5, -1, P),
    operator_case('op.compose.left-right', 'compose([left(A), right(B)]) X = A (X B) (right acts first); '
                  'adjoint Y ↦ Aᵀ Y Bᵀ.', ['operator', 'compose'],
                  {'op': 'compose', 'of': [{'op': 'left', 'matrix': A22}, {'op': 'right', 'matrix': [[1, 2, 0], [0, 1, -1]]}]},
                  X22, [[1, 0, 2], [-1, 1, 3]], P),
    operator_case('op.compose.order', 'compose([dot(G), left(A)]): X ↦ ⟨G, A X⟩ (left acts first, then dot); '
                  'adjoint c ↦ Aᵀ(cG). Reversing the list would not fit the shapes.', ['operator', 'compose'],
                  {'op': 'compose', 'of': [{'op': 'dot', 'matrix': [[1, -1, 2]]}, {'op': 'left', 'matrix': [[1, 2]]}]},
                  [[1, 0, 2], [3, -1, 1]], 2, P),
    operator_case('op.compose.single', 'compose of one operator equals that operator.', ['operator', 'compose'],
                  {'op': 'compose', 'of': [{'op': 'scale', 'by': 3}]}, X22, Y22, P),
    operator_case('op.compose.inv-edge', 'The inv edge compose([scale −1, left(Ai), right(Ai)]) with Ai = A⁻¹ '
                  'for A = [[2,1],[1,3]] (Ai = [[0.6,−0.2],[−0.2,0.4]]): X ↦ −Ai X Ai.',
                  ['operator', 'compose'],
                  {'op': 'compose', 'of': [{'op': 'scale', 'by': -1}, {'op': 'left', 'matrix': [[3, -1], [-1, 2]]},
                                           {'op': 'right', 'matrix': [[3, -1], [-1, 2]]}]},
                  X22, [[1, -1], [0.5, 2]],
                  prov('closed-form', SRC, 'Uses 5·A⁻¹ = [[3,−1],[−1,2]] (exact integers) in place of A⁻¹.')),
    operator_case('op.sum.sylvester', 'sum([left(A), right(B)]): the Sylvester operator X ↦ AX + XB; '
                  'adjoint Y ↦ AᵀY + YBᵀ.', ['operator', 'sum'],
                  {'op': 'sum', 'of': [{'op': 'left', 'matrix': A22}, {'op': 'right', 'matrix': [[1, 2], [-3, 0]]}]},
                  X22, Y22, P),
    operator_case('op.sum.single', 'sum of one operator equals that operator.', ['operator', 'sum'],
                  {'op': 'sum', 'of': [{'op': 'transpose'}]}, X23, [[1, 2], [3, 4], [5, 6]], P),
    operator_case('op.sum.mixed', 'sum([identity, transpose, scale 2]) on square matrices: X + Xᵀ + 2X.',
                  ['operator', 'sum'],
                  {'op': 'sum', 'of': [{'op': 'identity'}, {'op': 'transpose'}, {'op': 'scale', 'by': 2}]}, X22, Y22, P),
    operator_case('op.adjoint.left', 'adjoint(left(A)) applies Aᵀ; its adjoint is left(A) again.',
                  ['operator', 'adjoint'], {'op': 'adjoint', 'of': {'op': 'left', 'matrix': A23}}, X22,
                  [[1, 2], [3, 4], [5, 6]], P),
    operator_case('op.adjoint.dot', 'adjoint(dot(G)) is outer(G): scalar → matrix; its adjoint is dot(G).',
                  ['operator', 'adjoint'], {'op': 'adjoint', 'of': {'op': 'dot', 'matrix': [[1, 2], [3, 4]]}}, 1.5,
                  Y22, P),
    operator_case('op.adjoint.kron', 'adjoint(kron(A, B)) = kron(Aᵀ, Bᵀ): X ↦ Bᵀ X A.', ['operator', 'adjoint'],
                  {'op': 'adjoint', 'of': {'op': 'kron', 'a': A23, 'b': [[1, 0], [2, -1], [0, 3]]}},
                  [[1, 2], [3, 4], [5, 6]], X23, P),
    operator_case('op.adjoint.involution', 'adjoint(adjoint(right(A))) equals right(A).', ['operator', 'adjoint'],
                  {'op': 'adjoint', 'of': {'op': 'adjoint', 'of': {'op': 'right', 'matrix': A22}}}, X22, Y22, P),
    operator_case('op.adjoint.compose', 'adjoint of a composition: (left(A)∘transpose)ᵀ• = transpose∘left(Aᵀ).',
                  ['operator', 'adjoint', 'compose'],
                  {'op': 'adjoint', 'of': {'op': 'compose', 'of': [{'op': 'left', 'matrix': A23}, {'op': 'transpose'}]}},
                  [[1, 2], [3, 4]], [[1, 0, -1], [2, 0.5, 1]], P),
]



def apply_only(case, cid, description):
    """The same operator and x with no y: y is optional (spec: case.operator), and a backend asked for
    apply alone must answer apply alone; the expected apply is the full case's."""
    return {**{k: v for k, v in case.items() if k != 'y'}, 'id': cid, 'description': description,
            'expect': {'apply': case['expect']['apply']}}


cases.append(apply_only(next(c for c in cases if c['id'] == 'op.kron.rectangular'), 'op.kron.apply-only',
                        'kron(A, B) with A 2x3, B 3x2 on X 2x3, no y: only apply is asked for and expected (B X Aᵀ, 3x2).'))

kron_check(A22, [[1, 1], [0, 2]], [2, 2])
kron_check(A23, [[1, 0], [2, -1], [0, 3]], [2, 3])
for c in cases:
    assert c['operator']['op'] in c['tags'], c['id']

if __name__ == '__main__':
    write_cases('operators', cases)
