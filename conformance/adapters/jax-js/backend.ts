/**
 * jax-js (@jax-js/jax) as an in-process backend (spec/08-backends.md#backend.in-process), judged
 * by our harness: float64, the `cpu` device.
 *
 * What is jax-js's and what is ours:
 * - values, gradients and tangents: jax-js's. The case's graph is translated into jax-js ops
 *   (jax-ops.ts) and differentiated by `jax.valueAndGrad` (scalar output, no cotangent), by
 *   `jax.vjp` with the case's cotangent, and by `jax.jvp` for the forward capability;
 * - reading the case and its faults: the reference's `readGraph` (ids, order, arity, attributes,
 *   numbers as spec/01-values.md#value.number says) and `cotangentOf` (E_NOT_SCALAR), plus the
 *   shape and domain checks of check-node.ts on the values jax-js computed, in a checked forward
 *   pass before the differentiated one (inside jax's transformations values are tracers).
 *
 * The peer-neutral modules (check-node.ts, run-program.ts) are in conformance/adapters/common/.
 *
 * - operator cases (`apply`): the operator as a linear jax-js function, its adjoint by jax-js's
 *   `vjp` (what jax is for: reverse mode is the transpose of a linear map).
 *
 * Capabilities: `gradient`, `forward` and `apply`. System cases are not sent (skipped): solving
 * (I − L)ᵀ• ȳ = g is what this project does, not something jax-js offers.
 */
import { cotangentOf, fail, formatShape, locate, parseOperator, parseTensor, readGraph, sameShape, shapeOf, type GraphCase, type OperatorCase, type Program, type RawTensor, type Tensor } from "../../../reference/index.js";
import { packageVersion } from "../../../bench/peers/package-info.js";
import { runProgram } from "../common/run-program.js";
import { jaxOps, readArray, toJax, type JaxArray } from "./jax-ops.js";
import { loadJax, type Jax } from "./load-jax.js";
import { operatorFunction } from "./operator-function.js";
import { shapeIn, shapeOut } from "./operator-shapes.js";

/** The JSON pointer of a tangent's entry (RFC 6901 escaping). */
const child = (at: string, id: string): string => `${at}/${id.replace(/~/g, "~0").replace(/\//g, "~1")}`;
const zerosOf = (t: Tensor): Tensor => (typeof t === "number" ? 0 : t.map((row) => row.map(() => 0)));

/** Reads and checks the case with a forward pass in jax-js; hands the program and sources to `use`. */
async function withProgram<R>(c: GraphCase, use: (jax: Jax, program: Program, sources: JaxArray[], value: Tensor) => R): Promise<R> {
  const jax = await loadJax();
  const ops = jaxOps(jax);
  return locate({ caseId: c.id }, () => {
    const program = readGraph(c);
    const sources = program.sources.map((s) => toJax(jax, s.value));
    try {
      const checked = runProgram(program, ops, sources.map((s) => s.ref), true);
      const value = readArray(checked[program.output]!.ref);
      checked.forEach((v) => v.dispose());
      return use(jax, program, sources, value);
    } finally {
      sources.forEach((s) => s.dispose());
    }
  });
}

/** The program as a function of the listed inputs (the others fixed), for jax's transformations. */
function asFunction(jax: Jax, program: Program, sources: readonly JaxArray[], args: readonly number[]) {
  const ops = jaxOps(jax);
  return (xs: JaxArray[]): JaxArray => {
    const srcs = sources.map((s, k) => (args.includes(k) ? xs[args.indexOf(k)]! : s.ref));
    const values = runProgram(program, ops, srcs, false);
    const out = values[program.output]!.ref;
    values.forEach((v) => v.dispose());
    return out;
  };
}

async function gradient(c: GraphCase): Promise<{ value: Tensor; gradient: Record<string, Tensor> }> {
  return withProgram(c, (jax, program, sources, checkedValue) => {
    const cotangent = cotangentOf(program, zerosOf(checkedValue));
    const wrt = program.wrt;
    if (wrt.length === 0) return { value: checkedValue, gradient: {} };
    const f = asFunction(jax, program, sources, wrt);
    const primals = wrt.map((k) => sources[k]!.ref);
    let value: JaxArray;
    let grads: JaxArray[];
    if (program.cotangent === undefined) {
      [value, grads] = jax.valueAndGrad(f)(primals) as unknown as [JaxArray, JaxArray[]];
    } else {
      const [out, vjpFn] = jax.vjp(f, [primals]);
      value = out;
      [grads] = vjpFn(toJax(jax, cotangent)) as unknown as [JaxArray[]];
      vjpFn.dispose();
    }
    return {
      value: readArray(value),
      gradient: Object.fromEntries(wrt.map((k, i) => [program.ids[k]!, readArray(grads[i]!)])),
    };
  });
}

async function jvp(c: GraphCase, tangent: Readonly<Record<string, RawTensor>>): Promise<{ value: Tensor; tangent: Tensor }> {
  return withProgram(c, (jax, program, sources) => {
    const inputs = program.sources.flatMap((s, k) => (s.kind === "input" ? [k] : []));
    const names = inputs.map((k) => program.ids[k]!);
    for (const id of Object.keys(tangent)) {
      if (!names.includes(id)) fail("E_UNKNOWN_ID", `tangent ${JSON.stringify(id)} is not an input`, { pointer: child("/tangent", id) });
    }
    const tangents = inputs.map((k) => {
      const id = program.ids[k]!;
      const value = program.sources[k]!.value;
      const raw = tangent[id];
      if (raw === undefined) return toJax(jax, zerosOf(value));
      const t = parseTensor(raw, child("/tangent", id));
      if (!sameShape(shapeOf(t), shapeOf(value))) {
        fail("E_SHAPE", `the tangent of ${id} is ${formatShape(shapeOf(t))} but the input is ${formatShape(shapeOf(value))}`, { pointer: child("/tangent", id) });
      }
      return toJax(jax, t);
    });
    const f = asFunction(jax, program, sources, inputs);
    const [value, dot] = jax.jvp(f, [inputs.map((k) => sources[k]!.ref)], [tangents]);
    return { value: readArray(value), tangent: readArray(dot) };
  });
}

/**
 * An operator case: the operator as a jax-js function (operator-function.ts) applied to `x`, and
 * its adjoint — jax-js's vjp of that function — applied to `y`. Parsing (unknown kinds, E_VALUE)
 * is the reference's `parseOperator`; shapes are checked first (operator-shapes.ts).
 */
async function apply(c: OperatorCase): Promise<{ apply: Tensor; adjoint?: Tensor }> {
  const jax = await loadJax();
  return locate({ caseId: c.id }, () => {
    const op = parseOperator(c.operator, "/operator");
    const x = parseTensor(c.x, "/x");
    const out = locate({ pointer: "/operator" }, () => shapeOut(op, shapeOf(x)));
    const Ax = readArray(operatorFunction(jax, op)(toJax(jax, x)));
    if (c.y === undefined) return { apply: Ax };
    const y = parseTensor(c.y, "/y");
    if (!sameShape(shapeOf(y), out)) fail("E_SHAPE", `y is ${formatShape(shapeOf(y))} but the operator's codomain is ${formatShape(out)}`, { pointer: "/y" });
    locate({ pointer: "/operator" }, () => shapeIn(op, shapeOf(y)));
    return { apply: Ax, adjoint: readArray(operatorFunction(jax, { op: "adjoint", of: op })(toJax(jax, y))) };
  });
}

export const backend = {
  hello: () => ({
    name: "@jax-js/jax (cpu device)",
    version: packageVersion("@jax-js/jax"),
    capabilities: ["gradient", "forward", "apply"],
    precision: "float64",
  }),
  gradient,
  jvp,
  apply,
};

export default backend;
