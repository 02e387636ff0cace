"""The version-1 primitives (spec/03-primitives.md) as torch operations.

Each primitive checks its argument shapes (nothing broadcasts: spec/01-values.md#value.no-broadcasting)
and its domain in Python, from the spec, and then computes its value with a torch function. No
derivative is written here: gradients come from torch's autograd, tangents from torch's forward
mode, through whatever backward and forward formulas torch registers for these functions.
"""
import torch

from wire import fail


def shape(t):
    return tuple(t.shape)


def fmt(s):
    return "scalar" if len(s) == 0 else f"{s[0]}×{s[1]}"


def primal(t):
    """The value without autograd or forward-mode wrappers, for checks in Python."""
    return t.detach()


def same_shape(a, b, what):
    if shape(a) != shape(b):
        fail("E_SHAPE", f"{what}: {fmt(shape(a))} and {fmt(shape(b))} differ")


def require_matrix(t, what):
    if t.dim() != 2:
        fail("E_SHAPE", f"{what} must be a matrix, got a scalar")


def require_scalar(t, what):
    if t.dim() != 0:
        fail("E_SHAPE", f"{what} must be a scalar, got {fmt(shape(t))}")


def require_square(t, what):
    require_matrix(t, what)
    if t.shape[0] != t.shape[1]:
        fail("E_SHAPE", f"{what} must be square, got {fmt(shape(t))}")


def domain(t, bad, what, needs):
    """E_DOMAIN if some element satisfies `bad` (NaN never does: comparisons with NaN are false)."""
    mask = bad(primal(t))
    if bool(mask.any()):
        x = primal(t)[mask].reshape(-1)[0].item()
        fail("E_DOMAIN", f"{what} is outside the domain ({needs}) at {x!r}")


def gepp(A, what):
    """spec/03-primitives.md#prim.gepp in binary64 Python floats (no fused multiply-add):
    E_DOMAIN at a zero pivot; returns the diagonal of U and the sign of the permutation."""
    U = [list(row) for row in primal(A).tolist()]
    n = len(U)
    sign = 1.0
    for k in range(n):
        p = k
        for i in range(k + 1, n):
            if abs(U[i][k]) > abs(U[p][k]):
                p = i
        if U[p][k] == 0:
            fail("E_DOMAIN", f"{what}: the matrix is singular (zero pivot in column {k})")
        if p != k:
            U[k], U[p] = U[p], U[k]
            sign = -sign
        for i in range(k + 1, n):
            f = U[i][k] / U[k][k]
            for j in range(k, n):
                U[i][j] = U[i][j] - f * U[k][j]
    return [U[k][k] for k in range(n)], sign


# ── forward maps: (args, exponent, what) → tensor ────────────────────────────────────────────


def _add(a, b, what):
    same_shape(a, b, f"{what}: the summands")
    return torch.add(a, b)


def _sub(a, b, what):
    same_shape(a, b, f"{what}: the arguments")
    return torch.sub(a, b)


def _mul(a, b, what):
    same_shape(a, b, f"{what}: the factors")
    return torch.mul(a, b)


def _div(a, b, what):
    same_shape(a, b, f"{what}: numerator and denominator")
    domain(b, lambda x: x == 0, f"{what} (denominator)", "B ≠ 0")
    return torch.div(a, b)


def _scale(s, x, what):
    require_scalar(s, f"{what}: the factor of scale")
    return torch.mul(s, x)


def _matmul(a, b, what):
    require_matrix(a, f"{what}: the left factor")
    require_matrix(b, f"{what}: the right factor")
    if a.shape[1] != b.shape[0]:
        fail("E_SHAPE", f"{what}: cannot multiply {fmt(shape(a))} by {fmt(shape(b))}")
    return torch.mm(a, b)


def _transpose(a, what):
    return a.t() if a.dim() == 2 else a.clone()


def _sum(a, what):
    return torch.sum(a)


def _dot(a, b, what):
    same_shape(a, b, f"{what}: the factors of dot")
    return torch.sum(torch.mul(a, b))


def _trace(a, what):
    require_square(a, f"{what}: the argument of trace")
    return torch.trace(a)


def _elementwise(fn, bad=None, needs=""):
    def forward(a, what):
        if bad is not None:
            domain(a, bad, what, needs)
        return fn(a)

    return forward


def _pow(a, p, what):
    if float(p).is_integer():
        if p < 0:
            domain(a, lambda x: x == 0, what, f"A ≠ 0 for p = {p!r}")
    elif p > 0:
        domain(a, lambda x: x < 0, what, f"A ≥ 0 for p = {p!r}")
    else:
        domain(a, lambda x: x <= 0, what, f"A > 0 for p = {p!r}")
    return torch.pow(a, p)


def _has_nan(a):
    """A NaN element puts inv and logdet in the domain, with NaN values (spec/03-primitives.md#nan.linalg)."""
    return bool(torch.isnan(primal(a)).any())


def _inv(a, what):
    require_square(a, f"{what}: the argument of inv")
    if not _has_nan(a):
        gepp(a, what)
    inverse, _info = torch.linalg.inv_ex(a)
    return inverse


def _logdet(a, what):
    require_square(a, f"{what}: the argument of logdet")
    if _has_nan(a):
        return torch.logdet(a)
    diagonal, sign = gepp(a, what)
    for u in diagonal:
        if u < 0:
            sign = -sign
    if not sign > 0:
        fail("E_DOMAIN", f"{what}: the determinant is negative")
    return torch.logdet(a)


class Rule:
    def __init__(self, arity, forward, attributes=()):
        self.arity = arity
        self.forward = forward
        self.attributes = attributes


RULES = {
    "add": Rule(2, _add),
    "sub": Rule(2, _sub),
    "neg": Rule(1, lambda a, what: torch.neg(a)),
    "mul": Rule(2, _mul),
    "div": Rule(2, _div),
    "scale": Rule(2, _scale),
    "matmul": Rule(2, _matmul),
    "transpose": Rule(1, _transpose),
    "sum": Rule(1, _sum),
    "dot": Rule(2, _dot),
    "trace": Rule(1, _trace),
    "exp": Rule(1, _elementwise(torch.exp)),
    "log": Rule(1, _elementwise(torch.log, lambda x: x <= 0, "A > 0")),
    "sin": Rule(1, _elementwise(torch.sin)),
    "cos": Rule(1, _elementwise(torch.cos)),
    "tanh": Rule(1, _elementwise(torch.tanh)),
    "sigmoid": Rule(1, _elementwise(torch.sigmoid)),
    "sqrt": Rule(1, _elementwise(torch.sqrt, lambda x: x < 0, "A ≥ 0")),
    "square": Rule(1, _elementwise(torch.square)),
    "relu": Rule(1, _elementwise(torch.relu)),
    "pow": Rule(1, _pow, ("exponent",)),
    "inv": Rule(1, _inv),
    "logdet": Rule(1, _logdet),
}


def evaluate(op, args, exponent, what):
    rule = RULES[op]
    if op == "pow":
        return _pow(args[0], exponent, what)
    return rule.forward(*args, what)

