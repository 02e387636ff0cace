#!/usr/bin/python3
"""PyTorch as a backslash-ad backend over the JSON-lines protocol (spec/08-backends.md §8.4).

    npx tsx conformance/cli.ts --impl "cmd:/usr/bin/python3 conformance/adapters/pytorch/backend.py"

Python 3.11 and torch 1.13 (Debian's python3-torch), float64 throughout, standard-library json.
Values come from torch functions, gradients from torch.autograd.grad, tangents from torch's
forward-mode AD, operator adjoints from torch's vector-Jacobian products, system solutions from
torch's backward pass (graph_case.py, operators.py). What torch does not decide — the spec's
validation and content faults, and the domains (E_DOMAIN) — is checked in Python from the spec
(primitives.py), in the order of the reference interpreter.

One request per line on stdin, one reply per line on stdout (flushed), nothing else there; logs go
to stderr. Exits on bye or at the end of stdin.
"""
import os
import sys
import traceback

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import graph_case  # noqa: E402
import operators  # noqa: E402
from wire import SpecError, dumps, encode_tensor, loads  # noqa: E402

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)  # small tensors, a shared machine: one thread is faster and deterministic

CAPABILITIES = ["gradient", "solve", "apply", "forward"]


def log(text):
    sys.stderr.write(f"pytorch: {text}\n")
    sys.stderr.flush()


def gradient(request):
    value, grads = graph_case.gradient(request["case"])
    return {"value": encode_tensor(value), "gradient": {k: encode_tensor(v) for k, v in grads.items()}}


def jvp(request):
    value, tangent = graph_case.jvp(request["case"], request.get("tangent", {}))
    return {"value": encode_tensor(value), "tangent": encode_tensor(tangent)}


def apply(request):
    return {k: encode_tensor(v) for k, v in operators.apply_case(request["case"]).items()}


def solve(request):
    solution = operators.solve(request["case"])["solution"]
    return {"solution": {k: encode_tensor(v) for k, v in solution.items()}}


COMMANDS = {"gradient": gradient, "jvp": jvp, "apply": apply, "solve": solve}


def hello():
    return {
        "name": "pytorch",
        "version": torch.__version__,
        "capabilities": CAPABILITIES,
        "precision": "float64",
        "protocol": 1,
        "python": sys.version.split()[0],
        "torch_file": torch.__file__,
    }


def answer(request):
    """The reply to one case request: a result, or a spec error (E_INTERNAL for anything else)."""
    ident = request.get("id")
    case_id = (request.get("case") or {}).get("id") if isinstance(request.get("case"), dict) else None
    try:
        handler = COMMANDS.get(request.get("cmd"))
        if handler is None:
            raise SpecError("E_INTERNAL", f"unknown command {request.get('cmd')!r}")
        return {"id": ident, **handler(request)}
    except SpecError as e:
        return {"id": ident, "error": {"code": e.code, "message": f"case {case_id}: {e.message}"}}
    except Exception as e:  # a bug here or in torch: the case cannot be judged
        log(traceback.format_exc())
        return {"id": ident, "error": {"code": "E_INTERNAL", "message": f"case {case_id}: {type(e).__name__}: {e}"}}


def send(message):
    sys.stdout.write(dumps(message) + "\n")
    sys.stdout.flush()


def main():
    for line in sys.stdin:
        line = line.rstrip("\r\n")
        if line == "":
            continue
        try:
            request = loads(line)
        except ValueError:
            log(f"ignoring a line that is not JSON: {line[:80]}")
            continue
        if not isinstance(request, dict):
            log(f"ignoring a line that is not an object: {line[:80]}")
            continue
        cmd = request.get("cmd")
        if cmd == "hello":
            send(hello())
        elif cmd == "bye":
            break
        else:
            send(answer(request))
    return 0


if __name__ == "__main__":
    sys.exit(main())
