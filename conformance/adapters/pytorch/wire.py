"""Numbers and tensors on the wire (spec/01-values.md#value.number, spec/08-backends.md#backend.numbers).

Reading: a number is a JSON number or a string holding a decimal literal, "NaN", "Infinity" or
"-Infinity"; it denotes the nearest binary64 value. CPython's float() of a decimal string rounds
correctly (to nearest, ties to even, overflow to ±inf, underflow to a signed zero), so it
implements value.number.nearest once the string has passed the spec's pattern.

Writing: NaN, ±∞ and −0 travel as the strings "NaN", "Infinity", "-Infinity", "-0"; every other
float as a JSON number in repr form (the shortest text that reads back to the same binary64).
Standard-library json only.
"""
import json
import math
import re

import torch

DTYPE = torch.float64

DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
SPECIAL = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class SpecError(Exception):
    """A spec error (spec/06-conformance.md#error.codes): the case's answer, not a bug."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def fail(code, message):
    raise SpecError(code, message)


def _parse_int(text):
    # JSON integers: "-0" is negative zero, and a long literal is read as a decimal (float() of the
    # text rounds correctly and overflows to ±inf; int() would be exact but float(int) overflows
    # with an exception and Python 3.11 limits int() to 4300 digits).
    if text == "-0" or len(text) > 15:
        return float(text)
    return int(text)


def loads(line):
    """A request line as Python values; JSON numbers keep their binary64 value (−0 included)."""
    return json.loads(line, parse_int=_parse_int)


def number(raw, where="a number"):
    """The binary64 value of a number as written in a case (value.number.nearest)."""
    if isinstance(raw, bool):
        fail("E_SCHEMA", f"{where}: not a number: {json.dumps(raw)}")
    if isinstance(raw, (int, float)):
        return float(raw)
    if isinstance(raw, str):
        if raw in SPECIAL:
            return SPECIAL[raw]
        if DECIMAL.match(raw):
            return float(raw)
    fail("E_SCHEMA", f"{where}: not a number: {json.dumps(raw)}")


def finite(raw, where):
    x = number(raw, where)
    if not math.isfinite(x):
        fail("E_VALUE", f"{where} must be finite, got {x}")
    return x


def tensor(raw, where="a tensor", requires_grad=False):
    """A torch float64 tensor: 0-dimensional for a scalar, 2-dimensional for a matrix."""
    if isinstance(raw, list):
        if len(raw) == 0 or not all(isinstance(row, list) and len(row) > 0 for row in raw):
            fail("E_SCHEMA", f"{where}: a matrix needs non-empty rows")
        width = len(raw[0])
        if any(len(row) != width for row in raw):
            fail("E_SCHEMA", f"{where}: ragged matrix")
        data = [[number(x, where) for x in row] for row in raw]
    else:
        data = number(raw, where)
    return torch.tensor(data, dtype=DTYPE, requires_grad=requires_grad)


# A declared shape (a zero's domain or codomain, a system unknown's) sizes a tensor no byte of the
# case pays for, so it is bounded before torch allocates it (spec/06-conformance.md#load.declared-shape).
MAX_DECLARED_ELEMENTS = 2**24


def shape_of_raw(raw):
    if not isinstance(raw, list) or len(raw) != 2 and len(raw) != 0:
        fail("E_SCHEMA", f"not a shape: {json.dumps(raw)[:80]}")
    if any(isinstance(d, bool) or not isinstance(d, int) or d < 1 for d in raw):
        fail("E_SCHEMA", f"not a shape: {json.dumps(raw)[:80]}")
    if raw and raw[0] * raw[1] > MAX_DECLARED_ELEMENTS:
        fail("E_SCHEMA", f"a declared shape of {raw[0]}×{raw[1]} = {raw[0] * raw[1]} elements is more than {MAX_DECLARED_ELEMENTS} (spec: load.declared-shape)")
    return tuple(raw)


def encode_number(x):
    """One element in the reply encoding of backend.numbers."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0 and math.copysign(1.0, x) < 0:
        return "-0"
    return x


def encode_tensor(t):
    """A torch tensor (0-d or 2-d) as a JSON-ready number or list of rows."""
    data = t.detach().tolist()
    if isinstance(data, list):
        return [[encode_number(x) for x in row] for row in data]
    return encode_number(data)


def dumps(message):
    """One reply line: compact JSON, no NaN or Infinity literals (they are strings by now)."""
    return json.dumps(message, allow_nan=False, separators=(",", ":"), ensure_ascii=False)
