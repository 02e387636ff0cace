"""Writes conformance/cases/systems.json: operator-valued triangular systems mixing scalar and matrix
unknowns, solved by back substitution ȳ_a = rhs_a + Σ_{edges a→b} opᵀ•(ȳ_b).

Expected solutions: the closed forms written next to each case (hand derivation); cross-checked with a
straightforward back substitution in common.solve_system. Run: python3 scripts/expected/systems.py
"""
from common import (system_case, prov, write_cases, tensor, matmul, transpose, had, add, smul, inner,
                    ones, zeros, num)

SRC = 'scripts/expected/systems.py'
P = prov('closed-form', SRC)


def E(f, t, op):
    return {'from': f, 'to': t, 'operator': op}


def U(i, s):
    return {'id': i, 'shape': s}


cases = []

# 1. matmul + dot: Z = W X, s = ⟨G, Z⟩.
W = [[1, 2, 0], [-1, 3, 1]]
X = [[2, 1], [0, -1], [1, 1]]
G = [[1, -2], [0.5, 3]]
s1 = {'unknowns': [U('W', [2, 3]), U('X', [3, 2]), U('Z', [2, 2]), U('s', [])],
      'edges': [E('W', 'Z', {'op': 'right', 'matrix': X}), E('X', 'Z', {'op': 'left', 'matrix': W}),
                E('Z', 's', {'op': 'dot', 'matrix': G})],
      'rhs': {'s': 1}}
Gt = tensor(G)
cases.append(system_case('system.matmul-dot', 'The linearization of s = ⟨G, W X⟩: edges right(X), left(W), dot(G); '
                         'ȳ_Z = G, ȳ_W = G Xᵀ, ȳ_X = Wᵀ G.', ['system', 'right', 'left', 'dot'], s1,
                         {'s': num(1), 'Z': Gt, 'W': matmul(Gt, transpose(tensor(X))),
                          'X': matmul(transpose(tensor(W)), Gt)}, P))

# 2. outer, hadamard + left summed on the same pair, scale, dot.
G1 = [[1, 2], [-1, 0.5]]
H = [[2, -1], [0.5, 3]]
A = [[1, 2], [3, 4]]
G2 = [[0.5, -1], [2, 1]]
s2 = {'unknowns': [U('c', []), U('M', [2, 2]), U('N', [2, 2]), U('t', [])],
      'edges': [E('c', 'M', {'op': 'outer', 'matrix': G1}), E('M', 'N', {'op': 'hadamard', 'matrix': H}),
                E('M', 'N', {'op': 'left', 'matrix': A}), E('c', 't', {'op': 'scale', 'by': 3}),
                E('N', 't', {'op': 'dot', 'matrix': G2})],
      'rhs': {'t': 2}}
yN = smul(2, tensor(G2))
yM = add(had(tensor(H), yN), matmul(transpose(tensor(A)), yN))
yc = 3 * 2 + inner(tensor(G1), yM)
cases.append(system_case('system.outer-hadamard-parallel-edges',
                         'Scalar c feeds matrix M (outer) and scalar t (scale 3); M → N has two edges (hadamard(H) and '
                         'left(A)) that are summed; N → t is dot(G2); rhs t = 2. ȳ_N = 2 G2, ȳ_M = H⊙ȳ_N + Aᵀȳ_N, '
                         'ȳ_c = 6 + ⟨G1, ȳ_M⟩.', ['system', 'outer', 'hadamard', 'left', 'scale', 'dot', 'parallel-edges'],
                         s2, {'t': num(2), 'N': yN, 'M': yM, 'c': yc}, P))

# 3. transpose, kron, compose; rhs on an intermediate unknown too.
Ak = [[1, -1], [2, 0.5]]
Bk = [[1, 0, 2], [-1, 1, 0]]
Pm = [[2, 1], [0, -1]]
Qm = [[1, 0], [0.5, 2], [-1, 1]]
rZ = [[1, 0], [0, -1]]
s3 = {'unknowns': [U('X', [2, 3]), U('Y', [3, 2]), U('Z', [2, 2]), U('u', [])],
      'edges': [E('X', 'Y', {'op': 'transpose'}), E('Y', 'Z', {'op': 'kron', 'a': Ak, 'b': Bk}),
                E('X', 'Z', {'op': 'compose', 'of': [{'op': 'left', 'matrix': Pm}, {'op': 'right', 'matrix': Qm}]}),
                E('Z', 'u', {'op': 'dot', 'matrix': [[1, 1], [1, 1]]})],
      'rhs': {'u': 1, 'Z': rZ}}
yZ = add(tensor(rZ), ones([2, 2]))
yY = matmul(matmul(transpose(tensor(Bk)), yZ), tensor(Ak))
yX = add(transpose(yY), matmul(matmul(transpose(tensor(Pm)), yZ), transpose(tensor(Qm))))
cases.append(system_case('system.transpose-kron-compose',
                         'X → Y transpose, Y → Z kron(A, B) (Z = B Y Aᵀ), X → Z compose([left(P), right(Q)]), '
                         'Z → u dot(ones); rhs on u and on Z. ȳ_Z = rhs_Z + ones, ȳ_Y = Bᵀ ȳ_Z A, '
                         'ȳ_X = ȳ_Yᵀ + Pᵀ ȳ_Z Qᵀ.', ['system', 'transpose', 'kron', 'compose', 'rhs'],
                         s3, {'u': num(1), 'Z': yZ, 'Y': yY, 'X': yX}, P))

# 4. sum (Sylvester), adjoint, identity, zero with explicit domain/codomain.
As = [[2, 1], [0, 1]]
Bs = [[1, -1], [1, 0]]
Cs = [[0, 1], [2, 3]]
Gs = [[1, 2], [-1, 0.5]]
Hs = [[0.5, 0], [1, -1]]
s4 = {'unknowns': [U('a', [2, 2]), U('b', [2, 2]), U('c', [])],
      'edges': [E('a', 'b', {'op': 'sum', 'of': [{'op': 'left', 'matrix': As}, {'op': 'right', 'matrix': Bs}]}),
                E('a', 'b', {'op': 'adjoint', 'of': {'op': 'left', 'matrix': Cs}}),
                E('a', 'b', {'op': 'identity'}),
                E('b', 'c', {'op': 'dot', 'matrix': Gs}),
                E('a', 'c', {'op': 'dot', 'matrix': Hs}),
                E('a', 'c', {'op': 'zero', 'domain': [2, 2], 'codomain': []})],
      'rhs': {'c': 1.5}}
yb = smul(1.5, tensor(Gs))
ya = add(add(add(matmul(transpose(tensor(As)), yb), matmul(yb, transpose(tensor(Bs)))),
             add(matmul(tensor(Cs), yb), yb)), smul(1.5, tensor(Hs)))
cases.append(system_case('system.sylvester-adjoint-identity-zero',
                         'a → b has three summed edges: sum([left(A), right(B)]) (Sylvester), adjoint(left(C)) and identity; '
                         'b → c dot(G); a → c dot(H) and a zero edge (domain [2,2], codomain []). rhs c = 1.5. '
                         'ȳ_b = 1.5 G, ȳ_a = Aᵀȳ_b + ȳ_b Bᵀ + C ȳ_b + ȳ_b + 1.5 H.',
                         ['system', 'sum', 'adjoint', 'identity', 'zero', 'parallel-edges'], s4,
                         {'c': num(1.5), 'b': yb, 'a': ya}, P))

# 5. MLP-like bidiagonal chain: X1 = D1 ⊙ (W1 X0), X2 = D2 ⊙ (W2 X1), l = ⟨G, X2⟩.
D1 = [[0.5, -1, 2], [1, 0.25, -0.5]]
W1 = [[1, -1], [2, 0.5]]
D2 = [[2, -0.5, 1]]
W2 = [[0.5, -2]]
Gl = [[1, 2, -1]]
s5 = {'unknowns': [U('X0', [2, 3]), U('X1', [2, 3]), U('X2', [1, 3]), U('l', [])],
      'edges': [E('X0', 'X1', {'op': 'compose', 'of': [{'op': 'hadamard', 'matrix': D1}, {'op': 'left', 'matrix': W1}]}),
                E('X1', 'X2', {'op': 'compose', 'of': [{'op': 'hadamard', 'matrix': D2}, {'op': 'left', 'matrix': W2}]}),
                E('X2', 'l', {'op': 'dot', 'matrix': Gl})],
      'rhs': {'l': 1}}
y2 = tensor(Gl)
y1 = matmul(transpose(tensor(W2)), had(tensor(D2), y2))
y0 = matmul(transpose(tensor(W1)), had(tensor(D1), y1))
cases.append(system_case('system.bidiagonal-chain',
                         'A lower-bidiagonal chain like the paper\'s MLP: edges ℋ(Dᵢ)∘ℒ(Wᵢ); '
                         'ȳ_{i−1} = Wᵢᵀ(Dᵢ ⊙ ȳᵢ) with ȳ_X2 = G.', ['system', 'compose', 'hadamard', 'left', 'paper'],
                         s5, {'l': num(1), 'X2': y2, 'X1': y1, 'X0': y0}, P))

# 6. scalar parameter scaling a matrix: y = s·x, l = ⟨y0, y⟩ (linearization of scale at (s0, x0)).
x0 = [[1], [-2]]
s6 = {'unknowns': [U('s', []), U('x', [2, 1]), U('y', [2, 1]), U('l', [])],
      'edges': [E('s', 'y', {'op': 'outer', 'matrix': x0}), E('x', 'y', {'op': 'scale', 'by': 0.5}),
                E('y', 'l', {'op': 'dot', 'matrix': [[3], [4]]})],
      'rhs': {'l': -2}}
yy = smul(-2, tensor([[3], [4]]))
cases.append(system_case('system.scale-linearization',
                         'Linearization of y = s·x at s = 0.5, x = [[1],[-2]]: s → y outer(x), x → y scale(0.5); '
                         'y → l dot([[3],[4]]); rhs l = −2. ȳ_y = −2·[[3],[4]], ȳ_s = ⟨x, ȳ_y⟩, ȳ_x = 0.5 ȳ_y.',
                         ['system', 'outer', 'scale', 'dot'], s6,
                         {'l': num(-2), 'y': yy, 's': inner(tensor(x0), yy), 'x': smul(0.5, yy)}, P))

# 7. No edges: the solution is the rhs, zero where missing.
s7 = {'unknowns': [U('p', []), U('q', [1, 2]), U('r', [2, 1])], 'edges': [], 'rhs': {'q': [[1.5, -2]]}}
cases.append(system_case('system.no-edges', 'No edges: ȳ equals the rhs; unknowns without rhs get zero of their shape.',
                         ['system', 'rhs'], s7, {'p': num(0), 'q': tensor([[1.5, -2]]), 'r': zeros([2, 1])}, P))

# 8. No rhs at all: every unknown is zero.
s8 = {'unknowns': [U('a', []), U('b', [2, 2])], 'edges': [E('a', 'b', {'op': 'outer', 'matrix': [[1, 2], [3, 4]]})], 'rhs': {}}
cases.append(system_case('system.no-rhs', 'rhs is empty: g = 0, so every ȳ is zero.', ['system', 'rhs'], s8,
                         {'a': num(0), 'b': zeros([2, 2])}, P))

if __name__ == '__main__':
    write_cases('systems', cases)
