"""Graph cases (spec/03-primitives.md, spec/04-system.md, spec/05-cases.md#case.graph).

Reading a case checks what the spec makes a content fault, in the order the reference finds
them (reference/graph.ts): duplicate ids, then per node its primitive, arity, arguments (unknown,
itself, later) and attributes, then the output, `wrt` and the cotangent. Evaluation runs every
node in file order with torch, checking shapes and domains (primitives.py). The gradient is
torch.autograd.grad of the output against the `wrt` inputs with the output cotangent as
grad_outputs; the tangent of jvp comes from torch.autograd.forward_ad (dual tensors).
"""
import torch
import torch.autograd.forward_ad as fwAD

from primitives import RULES, evaluate, fmt, shape
from wire import DTYPE, fail, finite, tensor

ATTRIBUTES = ("id", "op", "args")


class Program:
    pass


def read_graph(case):
    g = case["graph"]
    index = {}

    def declare(ident):
        if ident in index:
            fail("E_DUPLICATE_ID", f"id {ident!r} is declared twice")
        index[ident] = len(index)

    inputs = g["inputs"]
    constants = g.get("constants", [])
    for s in inputs + constants:
        declare(s["id"])
    for n in g["nodes"]:
        declare(n["id"])

    nodes = []
    for n in g["nodes"]:
        ident, op = n["id"], n["op"]
        if not isinstance(op, str) or op not in RULES:
            fail("E_UNKNOWN_OP", f"node {ident!r}: unknown primitive {op!r}")
        rule = RULES[op]
        if len(n["args"]) != rule.arity:
            fail("E_ARITY", f"node {ident!r}: {op} takes {rule.arity} argument(s), got {len(n['args'])}")
        me = index[ident]
        args = []
        for a in n["args"]:
            k = index.get(a)
            if k is None:
                fail("E_UNKNOWN_ID", f"node {ident!r}: argument {a!r} names nothing")
            if k == me:
                fail("E_CYCLE", f"node {ident!r} uses itself")
            if k > me:
                fail("E_ORDER", f"node {ident!r}: argument {a!r} is defined later")
            args.append(k)
        present = [key for key in n if key not in ATTRIBUTES]
        for key in present:
            if key not in rule.attributes:
                fail("E_ATTRIBUTE", f"node {ident!r}: {op} takes no attribute {key!r}")
        for key in rule.attributes:
            if key not in present:
                fail("E_ATTRIBUTE", f"node {ident!r}: {op} needs the attribute {key!r}")
        exponent = finite(n["exponent"], f"node {ident!r}: the exponent") if "exponent" in n else None
        nodes.append((ident, op, args, exponent))

    def lookup(ident, what):
        k = index.get(ident)
        if k is None:
            fail("E_UNKNOWN_ID", f"{what} {ident!r} names nothing")
        return k

    p = Program()
    p.ids = list(index)
    p.inputs = [s["id"] for s in inputs]
    p.source_values = [s["value"] for s in inputs + constants]
    p.nodes = nodes
    p.output = lookup(g["output"], "output")
    wrt_ids = case.get("wrt")
    wrt = []
    for i, ident in enumerate(wrt_ids if wrt_ids is not None else p.inputs):
        k = lookup(ident, "wrt")
        if k >= len(inputs):
            fail("E_UNKNOWN_ID", f"wrt {ident!r} is not an input")
        if wrt_ids is not None and wrt_ids.index(ident) != i:
            fail("E_DUPLICATE_ID", f"wrt names {ident!r} twice")
        wrt.append(k)
    p.wrt = wrt
    p.cotangent = tensor(case["cotangent"], "the cotangent") if "cotangent" in case else None
    return p


def run_nodes(p, values):
    """Evaluates every node in file order (prim.graph.evaluation) onto `values` (the sources)."""
    for ident, op, args, exponent in p.nodes:
        values.append(evaluate(op, [values[k] for k in args], exponent, f"node {ident!r} ({op})"))
    return values


def cotangent_of(p, value):
    if p.cotangent is None:
        if value.dim() != 0:
            fail("E_NOT_SCALAR", f"the output is {fmt(shape(value))}: a cotangent is required")
        return torch.ones((), dtype=DTYPE)
    if shape(p.cotangent) != shape(value):
        fail("E_SHAPE", f"the cotangent is {fmt(shape(p.cotangent))} but the output is {fmt(shape(value))}")
    return p.cotangent


def gradient(case):
    """Value and gradient (backend.gradient): reverse mode is torch's autograd."""
    p = read_graph(case)
    wanted = set(p.wrt)
    sources = [tensor(raw, "a source value", requires_grad=k in wanted) for k, raw in enumerate(p.source_values)]
    values = run_nodes(p, list(sources))
    out = values[p.output]
    g = cotangent_of(p, out)
    leaves = [sources[k] for k in p.wrt]
    if leaves and out.requires_grad:
        grads = torch.autograd.grad([out], leaves, grad_outputs=[g], allow_unused=True)
    else:
        grads = [None] * len(leaves)
    result = {}
    for k, leaf, gr in zip(p.wrt, leaves, grads):
        result[p.ids[k]] = gr if gr is not None else torch.zeros_like(leaf)
    return out, result


def jvp(case, tangent):
    """Value and tangent (backend.jvp): forward mode is torch's forward-mode AD (dual tensors).
    The tangent's ids and shapes are checked before the graph is evaluated, which the reference
    does first: a request with faults in both may get either code (error.several)."""
    p = read_graph(case)
    plain = [tensor(raw, "a source value") for raw in p.source_values]
    for ident in tangent:
        if ident not in p.inputs:
            fail("E_UNKNOWN_ID", f"tangent {ident!r} is not an input")
    tangents = {}
    for k, ident in enumerate(p.inputs):
        if ident in tangent:
            t = tensor(tangent[ident], f"the tangent of {ident!r}")
            if shape(t) != shape(plain[k]):
                fail("E_SHAPE", f"the tangent of {ident!r} is {fmt(shape(t))}, the input {fmt(shape(plain[k]))}")
            tangents[k] = t
    with fwAD.dual_level():
        sources = [fwAD.make_dual(v, tangents[k]) if k in tangents else v for k, v in enumerate(plain)]
        duals = run_nodes(p, sources)
        out = fwAD.unpack_dual(duals[p.output])
        value = out.primal.detach().clone()
        t = out.tangent.detach().clone() if out.tangent is not None else torch.zeros_like(value)
    return value, t
