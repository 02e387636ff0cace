"""Operators (spec/02-operators.md) as linear torch functions, and the cases built on them.

An operator is applied by torch functions of the point (torch.mm, torch.mul, …), with the spec's
shape rules checked in Python first (nothing broadcasts). Its adjoint is never written out: the
adjoint of an operator 𝓐 applied to Y is torch's vector-Jacobian product of X ↦ 𝓐X at a point of
𝓐's domain with cotangent Y (torch.autograd.grad with create_graph=True, so that adjoints of
adjoints are torch's double backward). `compose`, `sum` and `adjoint` are differentiated as whole
torch computations, so law.reversal and law.linearity are torch's chain rule at work.

A system case (spec/04-system.md#system.case) is solved by torch's autograd as well: with a leaf
p_k (zeros) for every unknown, forward substitution x_k = p_k + Σ_{edges j→k} 𝓐_kj(x_j) computes
x = (I − L)⁻¹p, and the gradient of Σ_k ⟨rhs_k, x_k⟩ with respect to p is (I − L)⁻ᵀ• rhs = ȳ: the
back substitution is torch's backward pass.
"""
import torch

from primitives import fmt, shape
from wire import DTYPE, fail, finite, shape_of_raw, tensor

KINDS = ("identity", "zero", "scale", "left", "right", "hadamard", "kron", "dot", "outer", "transpose", "compose", "sum", "adjoint")


def parse(raw):
    """Operator data with numbers as tensors; unknown kinds at any depth are E_UNKNOWN_OP."""
    kind = raw.get("op") if isinstance(raw, dict) else None
    if not isinstance(kind, str) or kind not in KINDS:
        fail("E_UNKNOWN_OP", f"unknown operator kind {kind!r}")
    if kind in ("identity", "transpose"):
        return {"op": kind}
    if kind == "zero":
        o = {"op": "zero"}
        if "domain" in raw:
            o["domain"] = shape_of_raw(raw["domain"])
        if "codomain" in raw:
            o["codomain"] = shape_of_raw(raw["codomain"])
        return o
    if kind == "scale":
        return {"op": "scale", "by": finite(raw["by"], "the factor of scale")}
    if kind in ("left", "right", "hadamard", "dot", "outer"):
        return {"op": kind, "matrix": tensor(raw["matrix"], f"the matrix of {kind}")}
    if kind == "kron":
        return {"op": "kron", "a": tensor(raw["a"], "kron's a"), "b": tensor(raw["b"], "kron's b")}
    if kind in ("compose", "sum"):
        if len(raw["of"]) == 0:
            fail("E_SCHEMA", f"{kind} needs at least one operator")
        return {"op": kind, "of": [parse(o) for o in raw["of"]]}
    return {"op": "adjoint", "of": parse(raw["of"])}


# ── shapes: the codomain at a domain shape, and the domain shape the adjoint maps to ──────────


def _matrix_shape(s, what):
    if len(s) != 2:
        fail("E_SHAPE", f"{what} must be a matrix, got a scalar")
    return s


def _equal(s, t, what):
    if s != t:
        fail("E_SHAPE", f"{what}: expected {fmt(t)}, got {fmt(s)}")


def codomain(o, s):
    """cod(o, S), or E_SHAPE where o does not accept S (the .apply rules)."""
    k = o["op"]
    if k in ("identity", "scale"):
        return s
    if k == "zero":
        if "domain" in o:
            _equal(s, o["domain"], "zero's point")
        return o.get("codomain", s)
    if k == "left":
        m, kk = _matrix_shape(shape(o["matrix"]), "the matrix of left")
        r, n = _matrix_shape(s, "the point of left")
        if r != kk:
            fail("E_SHAPE", f"left: a {fmt((m, kk))} matrix times a {fmt(s)} point")
        return (m, n)
    if k == "right":
        kk, n = _matrix_shape(shape(o["matrix"]), "the matrix of right")
        m, c = _matrix_shape(s, "the point of right")
        if c != kk:
            fail("E_SHAPE", f"right: a {fmt(s)} point times a {fmt((kk, n))} matrix")
        return (m, n)
    if k == "hadamard":
        _equal(s, shape(o["matrix"]), "hadamard's point")
        return s
    if k == "kron":
        p, q = _matrix_shape(shape(o["a"]), "kron's a")
        r, ss = _matrix_shape(shape(o["b"]), "kron's b")
        _matrix_shape(s, "the point of kron")
        _equal(s, (ss, q), "kron's point")
        return (r, p)
    if k == "dot":
        _equal(s, shape(o["matrix"]), "dot's point")
        return ()
    if k == "outer":
        _equal(s, (), "outer's point")
        return shape(o["matrix"])
    if k == "transpose":
        return tuple(reversed(s))
    if k == "compose":
        for part in reversed(o["of"]):
            s = codomain(part, s)
        return s
    if k == "sum":
        shapes = [codomain(part, s) for part in o["of"]]
        for t in shapes[1:]:
            _equal(t, shapes[0], "the terms of sum")
        return shapes[0]
    return preimage(o["of"], s)


def preimage(o, t):
    """The shape adj(o) maps a point of shape T to, or E_SHAPE where adj(o) does not accept T
    (the .adjoint rules read as data, spec/02-operators.md#op.def.data-adjoint)."""
    k = o["op"]
    if k in ("identity", "scale"):
        return t
    if k == "zero":
        if "codomain" in o:
            _equal(t, o["codomain"], "the point of zero's adjoint")
        return o.get("domain", t)
    if k == "left":
        m, kk = _matrix_shape(shape(o["matrix"]), "the matrix of left")
        r, n = _matrix_shape(t, "the point of left's adjoint")
        if r != m:
            fail("E_SHAPE", f"left's adjoint: a {fmt((kk, m))} matrix times a {fmt(t)} point")
        return (kk, n)
    if k == "right":
        kk, n = _matrix_shape(shape(o["matrix"]), "the matrix of right")
        m, c = _matrix_shape(t, "the point of right's adjoint")
        if c != n:
            fail("E_SHAPE", f"right's adjoint: a {fmt(t)} point times a {fmt((n, kk))} matrix")
        return (m, kk)
    if k == "hadamard":
        _equal(t, shape(o["matrix"]), "the point of hadamard's adjoint")
        return t
    if k == "kron":
        p, q = _matrix_shape(shape(o["a"]), "kron's a")
        r, ss = _matrix_shape(shape(o["b"]), "kron's b")
        _matrix_shape(t, "the point of kron's adjoint")
        _equal(t, (r, p), "the point of kron's adjoint")
        return (ss, q)
    if k == "dot":
        _equal(t, (), "the point of dot's adjoint")
        return shape(o["matrix"])
    if k == "outer":
        _equal(t, shape(o["matrix"]), "the point of outer's adjoint")
        return ()
    if k == "transpose":
        return tuple(reversed(t))
    if k == "compose":
        for part in o["of"]:
            t = preimage(part, t)
        return t
    if k == "sum":
        shapes = [preimage(part, t) for part in o["of"]]
        for s in shapes[1:]:
            _equal(s, shapes[0], "the terms of sum's adjoint")
        return shapes[0]
    return codomain(o["of"], t)


# ── application with torch ───────────────────────────────────────────────────────────────────


def apply(o, x):
    """𝓐X as a torch computation, differentiable in X (and in the operator's data)."""
    target = codomain(o, shape(x))  # every shape rule first; torch would broadcast
    k = o["op"]
    if k == "identity":
        y = x
    elif k == "zero":
        y = torch.zeros(target, dtype=DTYPE)
    elif k == "scale":
        y = torch.mul(x, o["by"])
    elif k == "left":
        y = torch.mm(o["matrix"], x)
    elif k == "right":
        y = torch.mm(x, o["matrix"])
    elif k == "hadamard":
        y = torch.mul(o["matrix"], x)
    elif k == "kron":
        y = torch.mm(torch.mm(o["b"], x), o["a"].t())
    elif k == "dot":
        y = torch.sum(torch.mul(o["matrix"], x))
    elif k == "outer":
        y = torch.mul(x, o["matrix"])
    elif k == "transpose":
        y = x.t() if x.dim() == 2 else x
    elif k == "compose":
        y = x
        for part in reversed(o["of"]):
            y = apply(part, y)
    elif k == "sum":
        terms = [apply(part, x) for part in o["of"]]
        y = terms[0]
        for term in terms[1:]:
            y = torch.add(y, term)
    else:
        y = apply_adjoint(o["of"], x)
    if shape(y) != target:
        fail("E_INTERNAL", f"{k} gave {fmt(shape(y))}, expected {fmt(target)}")
    return y


def apply_adjoint(o, y):
    """𝓐ᵀ•Y: torch's vector-Jacobian product of X ↦ 𝓐X (linear, so taken at X = 0) with
    cotangent Y, kept differentiable (create_graph) for adjoints of adjoints."""
    s = preimage(o, shape(y))
    with torch.enable_grad():
        x = torch.zeros(s, dtype=DTYPE, requires_grad=True)
        out = apply(o, x)
        if not out.requires_grad:  # the map does not depend on X (a zero): the vjp is 0
            return torch.zeros(s, dtype=DTYPE)
        if shape(out) != shape(y):
            fail("E_INTERNAL", f"adjoint: the operator maps {fmt(s)} to {fmt(shape(out))}, not to the {fmt(shape(y))} point")
        (g,) = torch.autograd.grad([out], [x], grad_outputs=[y], create_graph=True, allow_unused=True)
    return g if g is not None else torch.zeros(s, dtype=DTYPE)


# ── cases ────────────────────────────────────────────────────────────────────────────────────


def apply_case(case):
    """backend.apply: `apply` = 𝓐x, and with `y`, `adjoint` = 𝓐ᵀ•y."""
    o = parse(case["operator"])
    x = tensor(case["x"], "x")
    ax = apply(o, x)
    if "y" not in case:
        return {"apply": ax}
    y = tensor(case["y"], "y")
    if shape(y) != shape(ax):
        fail("E_SHAPE", f"y is {fmt(shape(y))} but the operator's codomain is {fmt(shape(ax))}")
    return {"apply": ax, "adjoint": apply_adjoint(o, y)}


def solve(case):
    """backend.solve: ȳ = (I − L)⁻ᵀ• rhs as the gradient torch's autograd computes (see above)."""
    system = case["system"]
    unknowns, edges, rhs = system["unknowns"], system["edges"], system.get("rhs", {})
    index = {}
    shapes = []
    for u in unknowns:
        if u["id"] in index:
            fail("E_DUPLICATE_ID", f"unknown {u['id']!r} is declared twice")
        index[u["id"]] = len(index)
        shapes.append(shape_of_raw(u["shape"]))

    def find(ident):
        if ident not in index:
            fail("E_UNKNOWN_ID", f"{ident!r} is not an unknown")
        return index[ident]

    into = [[] for _ in unknowns]  # per unknown, its incoming edges in file order
    for e in edges:
        a, b = find(e["from"]), find(e["to"])
        if a == b:
            fail("E_CYCLE", f"edge from {e['from']!r} to itself")
        if a > b:
            fail("E_ORDER", f"edge from {e['from']!r} to the earlier unknown {e['to']!r}")
        o = parse(e["operator"])
        image = codomain(o, shapes[a])
        if image != shapes[b]:
            fail("E_SHAPE", f"edge {e['from']}→{e['to']}: the operator maps {fmt(shapes[a])} to {fmt(image)}, not {fmt(shapes[b])}")
        into[b].append((a, o))
    b_ = []
    for u, s in zip(unknowns, shapes):
        if u["id"] in rhs:
            t = tensor(rhs[u["id"]], f"the rhs of {u['id']!r}")
            if shape(t) != s:
                fail("E_SHAPE", f"the rhs of {u['id']!r} is {fmt(shape(t))}, the unknown {fmt(s)}")
            b_.append(t)
        else:
            b_.append(torch.zeros(s, dtype=DTYPE))
    for ident in rhs:
        find(ident)

    with torch.enable_grad():
        p = [torch.zeros(s, dtype=DTYPE, requires_grad=True) for s in shapes]
        x = []
        for k, incoming in enumerate(into):
            xk = p[k]
            for a, o in incoming:
                xk = torch.add(xk, apply(o, x[a]))
            x.append(xk)
        ybar = torch.autograd.grad(x, p, grad_outputs=b_, allow_unused=True)
    return {"solution": {u["id"]: (g if g is not None else torch.zeros(s, dtype=DTYPE)) for u, s, g in zip(unknowns, shapes, ybar)}}
