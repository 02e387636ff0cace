#!/usr/bin/env node
/**
 * An example backslash-ad backend speaking the subprocess protocol (spec/08-backends.md): plain
 * Node, no dependencies, nothing imported from the project. It reads one JSON request per line on
 * stdin and writes one JSON reply per line on stdout; logs would go to stderr.
 *
 * It is a compact, independent implementation of the spec: a graph is evaluated forwards, every
 * node is linearized as operator data (chapter 3), and reverse mode is back substitution applying
 * the operators' adjoints (chapter 4). Tensors are numbers or arrays of rows of numbers.
 *
 *   npm run conform -- --impl "cmd:node conformance/adapters/example/backend.mjs"
 */
import { createInterface } from "node:readline";

// ── Errors and numbers ───────────────────────────────────────────────────────────────────────

class SpecError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}
const fail = (code, message) => {
  throw new SpecError(code, message);
};

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const SPECIAL = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };

/** A number as written in a case: a JSON number or a string (spec: value.number). */
function num(raw) {
  if (typeof raw === "number") return raw;
  if (raw in SPECIAL) return SPECIAL[raw];
  if (typeof raw === "string" && DECIMAL.test(raw)) return Number(raw);
  return fail("E_SCHEMA", `not a number: ${JSON.stringify(raw)}`);
}
const tensor = (raw) => (Array.isArray(raw) ? raw.map((row) => row.map(num)) : num(raw));
function finite(raw, what) {
  const x = num(raw);
  if (!Number.isFinite(x)) fail("E_VALUE", `${what} must be finite, got ${x}`);
  return x;
}

// ── Tensors ──────────────────────────────────────────────────────────────────────────────────

const isScalar = (t) => typeof t === "number";
const shape = (t) => (isScalar(t) ? [] : [t.length, t[0].length]);
const fmt = (s) => (s.length === 0 ? "scalar" : `${s[0]}×${s[1]}`);
const same = (a, b) => a.length === b.length && a.every((d, i) => d === b[i]);
const map = (t, f) => (isScalar(t) ? f(t) : t.map((row) => row.map(f)));
const build = (m, n, f) => Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => f(i, j)));
const filled = (s, v) => (s.length === 0 ? v : build(s[0], s[1], () => v));
const zeros = (s) => filled(s, 0);
const eye = (n) => build(n, n, (i, j) => (i === j ? 1 : 0));
const T = (t) => (isScalar(t) ? t : build(t[0].length, t.length, (i, j) => t[j][i]));

function zip(a, b, f, what) {
  if (!same(shape(a), shape(b))) fail("E_SHAPE", `${what}: ${fmt(shape(a))} and ${fmt(shape(b))}`);
  return isScalar(a) ? f(a, b) : a.map((row, i) => row.map((x, j) => f(x, b[i][j])));
}
const add = (a, b) => zip(a, b, (x, y) => x + y, "summands differ in shape");
function matrix(t, what) {
  if (isScalar(t)) fail("E_SHAPE", `${what} must be a matrix, got a scalar`);
  return t;
}
function scalar(t, what) {
  if (!isScalar(t)) fail("E_SHAPE", `${what} must be a scalar, got ${fmt(shape(t))}`);
  return t;
}
function square(t, what) {
  const A = matrix(t, what);
  if (A.length !== A[0].length) fail("E_SHAPE", `${what} must be square, got ${fmt(shape(A))}`);
  return A;
}
function matmul(A, B) {
  if (A[0].length !== B.length) fail("E_SHAPE", `cannot multiply ${fmt(shape(A))} by ${fmt(shape(B))}`);
  return build(A.length, B[0].length, (i, j) => {
    let s = 0;
    for (let k = 0; k < B.length; k++) s += A[i][k] * B[k][j];
    return s;
  });
}
function inner(G, X) {
  if (isScalar(G)) return G * scalar(X, "the point of a scalar inner product");
  let s = 0;
  zip(G, X, (g, x) => (s += g * x), "inner-product factors differ in shape");
  return s;
}

/** Gaussian elimination with partial pivoting (spec: prim.gepp): the upper factor, rhs, sign. */
function gepp(A, rhs, what) {
  const U = A.map((r) => [...r]);
  const R = rhs.map((r) => [...r]);
  const n = U.length;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(U[i][k]) > Math.abs(U[p][k])) p = i;
    if (U[p][k] === 0) fail("E_DOMAIN", `${what}: the matrix is singular`);
    if (p !== k) {
      [U[k], U[p], R[k], R[p], sign] = [U[p], U[k], R[p], R[k], -sign];
    }
    for (let i = k + 1; i < n; i++) {
      const f = U[i][k] / U[k][k];
      for (let j = k; j < n; j++) U[i][j] -= f * U[k][j];
      for (let j = 0; j < R[i].length; j++) R[i][j] -= f * R[k][j];
    }
  }
  return { U, R, sign };
}
/** A matrix with a NaN element has an all-NaN inverse and a NaN logdet, never E_DOMAIN (spec: nan.linalg). */
const hasNaN = (A) => A.some((row) => row.some(Number.isNaN));
function inverse(A) {
  const n = A.length;
  if (hasNaN(A)) return build(n, n, () => NaN);
  const { U, R } = gepp(A, eye(n), "inv");
  const X = build(n, n, () => 0);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = 0; j < n; j++) {
      let s = R[i][j];
      for (let k = i + 1; k < n; k++) s -= U[i][k] * X[k][j];
      X[i][j] = s / U[i][i];
    }
  }
  return X;
}
function logdet(A) {
  if (hasNaN(A)) return NaN;
  const { U, sign } = gepp(A, A.map(() => []), "logdet");
  let s = sign;
  let sum = 0;
  U.forEach((row, k) => {
    if (row[k] < 0) s = -s;
    sum += Math.log(Math.abs(row[k]));
  });
  if (!(s > 0)) fail("E_DOMAIN", "logdet: the determinant is negative");
  return sum;
}

// ── Operators (chapter 2) ────────────────────────────────────────────────────────────────────

const KINDS = ["identity", "zero", "scale", "left", "right", "hadamard", "kron", "dot", "outer", "transpose", "compose", "sum", "adjoint"];

/**
 * A shape a case declares: the harness's loader has checked it, but this backend allocates from it,
 * so a case sent by anyone else gets the loader's E_SCHEMA rather than a RangeError or an
 * out-of-memory hang (spec: load.declared-shape, at most 2²⁴ elements).
 */
function declared(s) {
  if (s !== undefined && s.length === 2 && s[0] * s[1] > 2 ** 24) fail("E_SCHEMA", `a declared shape of ${s[0]}×${s[1]} is more than 2^24 elements`);
  return s;
}

/** An operator from a case: numbers resolved, unknown kinds rejected at any depth. */
function parseOp(raw) {
  if (!KINDS.includes(raw.op)) fail("E_UNKNOWN_OP", `unknown operator kind ${JSON.stringify(raw.op)}`);
  switch (raw.op) {
    case "zero":
      return { op: "zero", ...(raw.domain && { domain: declared(raw.domain) }), ...(raw.codomain && { codomain: declared(raw.codomain) }) };
    case "scale":
      return { op: "scale", by: finite(raw.by, "the factor of scale") };
    case "kron":
      return { op: "kron", a: tensor(raw.a), b: tensor(raw.b) };
    case "compose":
    case "sum":
      return { op: raw.op, of: raw.of.map(parseOp) };
    case "adjoint":
      return { op: "adjoint", of: parseOp(raw.of) };
    default:
      return "matrix" in raw ? { ...raw, matrix: tensor(raw.matrix) } : raw;
  }
}

/** 𝓐(X). */
function apply(A, X) {
  switch (A.op) {
    case "identity":
      return X;
    case "zero":
      if (A.domain && !same(A.domain, shape(X))) fail("E_SHAPE", `zero expects ${fmt(A.domain)}, got ${fmt(shape(X))}`);
      return zeros(A.codomain ?? shape(X));
    case "scale":
      return map(X, (x) => A.by * x);
    case "left":
      return matmul(matrix(A.matrix, "the matrix of left"), matrix(X, "the point of left"));
    case "right":
      return matmul(matrix(X, "the point of right"), matrix(A.matrix, "the matrix of right"));
    case "hadamard":
      return zip(A.matrix, X, (m, x) => m * x, "hadamard: mask and point differ in shape");
    case "kron":
      return matmul(matmul(matrix(A.b, "kron's b"), matrix(X, "the point of kron")), T(matrix(A.a, "kron's a")));
    case "dot":
      return inner(A.matrix, X);
    case "outer": {
      const c = scalar(X, "the point of outer");
      return map(A.matrix, (g) => c * g);
    }
    case "transpose":
      return T(X);
    case "compose":
      return A.of.reduceRight((Y, o) => apply(o, Y), X);
    case "sum":
      return A.of.map((o) => apply(o, X)).reduce(add);
    case "adjoint":
      return apply(adj(A.of), X);
  }
}

/** 𝓐ᵀ• as operator data. */
function adj(A) {
  switch (A.op) {
    case "zero":
      return { op: "zero", ...(A.codomain && { domain: A.codomain }), ...(A.domain && { codomain: A.domain }) };
    case "left":
    case "right":
      return { op: A.op, matrix: T(A.matrix) };
    case "kron":
      return { op: "kron", a: T(A.a), b: T(A.b) };
    case "dot":
      return { op: "outer", matrix: A.matrix };
    case "outer":
      return { op: "dot", matrix: A.matrix };
    case "compose":
      return { op: "compose", of: A.of.map(adj).reverse() };
    case "sum":
      return { op: "sum", of: A.of.map(adj) };
    case "adjoint":
      return A.of;
    default: // identity, scale, hadamard, transpose are self-adjoint
      return A;
  }
}

// ── Primitives (chapter 3): arity, forward, domain check, linearization per argument ─────────

const H = (m) => ({ op: "hadamard", matrix: m });
const I = { op: "identity" };
const scaleOp = (by) => ({ op: "scale", by });
function domain(t, ok, what) {
  const bad = (isScalar(t) ? [t] : t.flat()).find((x) => !Number.isNaN(x) && !ok(x));
  if (bad !== undefined) fail("E_DOMAIN", `${what} is outside the domain at ${bad}`);
}
/** An elementwise primitive h with derivative dh(x, y). */
const ew = (h, dh, ok) => ({
  arity: 1,
  fwd: ([a]) => map(a, h),
  dom: ok && (([a], name) => domain(a, ok, name)),
  lin: ([a], y) => [H(zip(a, y, dh, ""))],
});
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

const PRIMS = {
  add: { arity: 2, fwd: ([a, b]) => add(a, b), lin: () => [I, I] },
  sub: { arity: 2, fwd: ([a, b]) => zip(a, b, (x, y) => x - y, "sub: shapes differ"), lin: () => [I, scaleOp(-1)] },
  neg: { arity: 1, fwd: ([a]) => map(a, (x) => -x), lin: () => [scaleOp(-1)] },
  mul: { arity: 2, fwd: ([a, b]) => zip(a, b, (x, y) => x * y, "mul: shapes differ"), lin: ([a, b]) => [H(b), H(a)] },
  div: {
    arity: 2,
    fwd: ([a, b]) => zip(a, b, (x, y) => x / y, "div: shapes differ"),
    dom: ([, b], name) => domain(b, (x) => x !== 0, `${name} (denominator)`),
    lin: ([a, b]) => [H(map(b, (y) => 1 / y)), H(zip(a, b, (x, y) => -x / (y * y), ""))],
  },
  scale: {
    arity: 2,
    fwd: ([s, x]) => map(x, (v) => scalar(s, "the factor of scale") * v),
    lin: ([s, x]) => [{ op: "outer", matrix: x }, scaleOp(s)],
  },
  matmul: {
    arity: 2,
    fwd: ([a, b]) => matmul(matrix(a, "matmul's left factor"), matrix(b, "matmul's right factor")),
    lin: ([a, b]) => [{ op: "right", matrix: b }, { op: "left", matrix: a }],
  },
  transpose: { arity: 1, fwd: ([a]) => T(a), lin: () => [{ op: "transpose" }] },
  sum: { arity: 1, fwd: ([a]) => inner(filled(shape(a), 1), a), lin: ([a]) => [{ op: "dot", matrix: filled(shape(a), 1) }] },
  dot: {
    arity: 2,
    fwd: ([a, b]) => (zip(a, b, () => 0, "dot: shapes differ"), inner(a, b)),
    lin: ([a, b]) => [{ op: "dot", matrix: b }, { op: "dot", matrix: a }],
  },
  trace: {
    arity: 1,
    // Σ A_ii, not ⟨I, A⟩: an off-diagonal NaN or infinity does not reach the trace (spec: prim.trace.forward).
    fwd: ([a]) => square(a, "trace's argument").reduce((s, row, i) => s + row[i], 0),
    lin: ([a]) => [{ op: "dot", matrix: eye(a.length) }],
  },
  exp: ew(Math.exp, (_, y) => y),
  log: ew(Math.log, (x) => 1 / x, (x) => x > 0),
  sin: ew(Math.sin, Math.cos),
  cos: ew(Math.cos, (x) => -Math.sin(x)),
  tanh: ew(Math.tanh, (_, y) => 1 - y * y),
  sigmoid: ew(sigmoid, (_, y) => y * (1 - y)),
  sqrt: ew(Math.sqrt, (_, y) => (y === 0 ? Infinity : 1 / (2 * y)), (x) => x >= 0), // prim.sqrt.edge
  square: ew((x) => x * x, (x) => 2 * x),
  relu: ew((x) => Math.max(x, 0), (x) => (x > 0 ? 1 : Number.isNaN(x) ? NaN : 0)), // prim.relu.kink
  pow: {
    arity: 1,
    attributes: ["exponent"],
    fwd: ([a], p) => map(a, (x) => Math.pow(x, p)),
    dom: ([a], name, p) => domain(a, Number.isInteger(p) ? (x) => p >= 0 || x !== 0 : (x) => (p > 0 ? x >= 0 : x > 0), name),
    lin: ([a], _y, p) => [H(map(a, (x) => (p === 0 ? 0 : p * Math.pow(x, p - 1))))],
  },
  inv: {
    arity: 1,
    fwd: ([a]) => inverse(square(a, "inv's argument")),
    lin: (_, c) => [{ op: "compose", of: [scaleOp(-1), { op: "left", matrix: c }, { op: "right", matrix: c }] }],
  },
  logdet: {
    arity: 1,
    fwd: ([a]) => logdet(square(a, "logdet's argument")),
    lin: ([a]) => [{ op: "dot", matrix: T(inverse(a)) }],
  },
};

// ── Graph cases (chapters 3 and 4) ───────────────────────────────────────────────────────────

/** Reads and evaluates a graph: ids, argument indices, forward values, edge operators. */
function program(c) {
  const g = c.graph;
  const index = new Map();
  const declare = (id) => {
    if (index.has(id)) fail("E_DUPLICATE_ID", `id ${JSON.stringify(id)} is declared twice`);
    index.set(id, index.size);
  };
  const sources = [...g.inputs, ...(g.constants ?? [])];
  sources.forEach((s) => declare(s.id));
  g.nodes.forEach((n) => declare(n.id));
  const nodes = g.nodes.map((n) => {
    if (!Object.hasOwn(PRIMS, n.op)) fail("E_UNKNOWN_OP", `node ${n.id}: unknown primitive ${JSON.stringify(n.op)}`);
    const rule = PRIMS[n.op];
    if (n.args.length !== rule.arity) fail("E_ARITY", `node ${n.id}: ${n.op} takes ${rule.arity} argument(s)`);
    const self = index.get(n.id);
    const args = n.args.map((a) => {
      const k = index.get(a);
      if (k === undefined) fail("E_UNKNOWN_ID", `node ${n.id}: argument ${JSON.stringify(a)} names nothing`);
      if (k === self) fail("E_CYCLE", `node ${n.id} uses itself`);
      if (k > self) fail("E_ORDER", `node ${n.id}: argument ${JSON.stringify(a)} is defined later`);
      return k;
    });
    const allowed = rule.attributes ?? [];
    const attrs = Object.keys(n).filter((key) => !["id", "op", "args"].includes(key));
    const stray = attrs.find((key) => !allowed.includes(key)) ?? allowed.find((key) => !attrs.includes(key));
    if (stray !== undefined) fail("E_ATTRIBUTE", `node ${n.id}: attribute ${JSON.stringify(stray)} is missing or not defined for ${n.op}`);
    const p = n.exponent === undefined ? undefined : finite(n.exponent, `node ${n.id}: the exponent`);
    return { id: n.id, op: n.op, rule, args, p };
  });
  const find = (id, what) => index.get(id) ?? fail("E_UNKNOWN_ID", `${what} ${JSON.stringify(id)} names nothing`);
  const output = find(g.output, "output");
  const wrt = c.wrt ?? g.inputs.map((s) => s.id);
  wrt.forEach((id, i) => {
    if (!(find(id, "wrt") < g.inputs.length)) fail("E_UNKNOWN_ID", `wrt ${JSON.stringify(id)} is not an input`);
    if (wrt.indexOf(id) !== i) fail("E_DUPLICATE_ID", `wrt names ${JSON.stringify(id)} twice`);
  });
  const cotangent = c.cotangent === undefined ? undefined : tensor(c.cotangent);

  const values = sources.map((s) => tensor(s.value));
  for (const n of nodes) {
    const args = n.args.map((k) => values[k]);
    const y = n.rule.fwd(args, n.p); // shapes first, then the domain
    n.rule.dom?.(args, `node ${n.id} (${n.op})`, n.p);
    values.push(y);
  }
  const first = sources.length;
  const edges = nodes.map((n, i) => n.rule.lin(n.args.map((k) => values[k]), values[first + i], n.p));
  return { ids: [...index.keys()], inputs: g.inputs.length, first, nodes, values, edges, output, wrt, cotangent };
}

/** Value and gradient: back substitution on (I − L)ᵀ• ȳ = g over the live nodes (system.live). */
function gradient(c) {
  const P = program(c);
  const value = P.values[P.output];
  let g = P.cotangent;
  if (g === undefined) {
    if (!isScalar(value)) fail("E_NOT_SCALAR", `the output is ${fmt(shape(value))}: a cotangent is required`);
    g = 1;
  } else if (!same(shape(g), shape(value))) {
    fail("E_SHAPE", `the cotangent is ${fmt(shape(g))}, the output ${fmt(shape(value))}`);
  }
  const ybar = P.values.map((v) => zeros(shape(v)));
  ybar[P.output] = g;
  const live = new Set([P.output]);
  for (let i = P.nodes.length - 1; i >= 0; i--) {
    const k = P.first + i;
    if (!live.has(k)) continue;
    P.nodes[i].args.forEach((j, q) => {
      live.add(j);
      ybar[j] = add(ybar[j], apply(adj(P.edges[i][q]), ybar[k]));
    });
  }
  return { value, gradient: Object.fromEntries(P.wrt.map((id) => [id, ybar[P.ids.indexOf(id)]])) };
}

/** Value and directional derivative: forward substitution on (I − L) ẋ = S ṗ. */
function jvp(c, tangent) {
  const P = program(c);
  const ids = P.ids.slice(0, P.inputs);
  for (const id of Object.keys(tangent)) if (!ids.includes(id)) fail("E_UNKNOWN_ID", `tangent ${JSON.stringify(id)} is not an input`);
  const xdot = P.values.slice(0, P.first).map((v, k) => {
    if (k >= P.inputs || tangent[ids[k]] === undefined) return zeros(shape(v));
    const t = tensor(tangent[ids[k]]);
    if (!same(shape(t), shape(v))) fail("E_SHAPE", `the tangent of ${ids[k]} is ${fmt(shape(t))}, the input ${fmt(shape(v))}`);
    return t;
  });
  P.nodes.forEach((n, i) => {
    xdot.push(n.args.map((j, q) => apply(P.edges[i][q], xdot[j])).reduce(add));
  });
  return { value: P.values[P.output], tangent: xdot[P.output] };
}

// ── System and operator cases ────────────────────────────────────────────────────────────────

function solve(c) {
  const { unknowns, edges, rhs = {} } = c.system;
  const index = new Map();
  for (const u of unknowns) {
    declared(u.shape);
    if (index.has(u.id)) fail("E_DUPLICATE_ID", `unknown ${JSON.stringify(u.id)} is declared twice`);
    index.set(u.id, index.size);
  }
  const find = (id) => index.get(id) ?? fail("E_UNKNOWN_ID", `${JSON.stringify(id)} is not an unknown`);
  const L = edges.map((e) => {
    const [from, to] = [find(e.from), find(e.to)];
    if (from === to) fail("E_CYCLE", `edge from ${JSON.stringify(e.from)} to itself`);
    if (from > to) fail("E_ORDER", `edge from ${JSON.stringify(e.from)} to the earlier ${JSON.stringify(e.to)}`);
    const op = parseOp(e.operator);
    const image = shape(apply(op, zeros(unknowns[from].shape)));
    if (!same(image, unknowns[to].shape)) fail("E_SHAPE", `edge ${e.from}→${e.to} maps to ${fmt(image)}, not ${fmt(unknowns[to].shape)}`);
    return { from, to, op };
  });
  for (const id of Object.keys(rhs)) find(id);
  const y = unknowns.map((u) => {
    if (!Object.hasOwn(rhs, u.id)) return zeros(u.shape);
    const t = tensor(rhs[u.id]);
    if (!same(shape(t), u.shape)) fail("E_SHAPE", `rhs of ${JSON.stringify(u.id)} is ${fmt(shape(t))}, not ${fmt(u.shape)}`);
    return t;
  });
  for (let a = unknowns.length - 1; a >= 0; a--) {
    for (const e of L) if (e.from === a) y[a] = add(y[a], apply(adj(e.op), y[e.to]));
  }
  return { solution: Object.fromEntries(unknowns.map((u, i) => [u.id, y[i]])) };
}

function applyCase(c) {
  const A = parseOp(c.operator);
  const result = { apply: apply(A, tensor(c.x)) };
  if (c.y === undefined) return result;
  const y = tensor(c.y);
  if (!same(shape(y), shape(result.apply))) fail("E_SHAPE", `y is ${fmt(shape(y))}, the codomain ${fmt(shape(result.apply))}`);
  return { ...result, adjoint: apply(adj(A), y) };
}

// ── The protocol: one JSON request per line in, one reply per line out ──────────────────────

/** NaN, ±Infinity and −0 do not survive JSON numbers: they travel as strings (value.number). */
const encode = (_key, v) => (typeof v !== "number" ? v : Number.isFinite(v) ? (Object.is(v, -0) ? "-0" : v) : String(v));
const send = (message) => process.stdout.write(`${JSON.stringify(message, encode)}\n`);

const COMMANDS = {
  gradient: (r) => gradient(r.case),
  solve: (r) => solve(r.case),
  apply: (r) => applyCase(r.case),
  jvp: (r) => jvp(r.case, r.tangent),
};

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return process.stderr.write(`example: ignoring a request that is not JSON: ${line.slice(0, 80)}\n`);
  }
  if (request.cmd === "hello") {
    send({ name: "example", version: "1.0.0", capabilities: ["gradient", "solve", "apply", "forward"], precision: "float64", protocol: 1 });
  } else if (request.cmd === "bye") {
    lines.close();
  } else {
    try {
      send({ id: request.id, ...COMMANDS[request.cmd](request) });
    } catch (e) {
      // A spec error is the case's answer; anything else is this backend's bug.
      const code = e instanceof SpecError ? e.code : "E_INTERNAL";
      send({ id: request.id, error: { code, message: `case ${request.case?.id}: ${code === "E_INTERNAL" ? String(e?.stack ?? e) : e.message}` } });
    }
  }
});
lines.on("close", () => process.exit(0));
