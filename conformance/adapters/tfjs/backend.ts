/**
 * TensorFlow.js 4.x as an in-process backend (spec/08-backends.md#backend.in-process), judged by
 * our harness: float32 (spec/07-tolerance.md#tol.precision), the `cpu` backend.
 *
 * What is tfjs's and what is ours:
 * - values and gradients: tfjs's. The case's graph is translated into tfjs ops (tfjs-ops.ts) and
 *   differentiated by `tf.valueAndGrads`, with the case's cotangent as `dy`;
 * - reading the case and its faults: the reference's `readGraph` (ids, order, arity, attributes,
 *   numbers as `value.number` says) and `cotangentOf` (E_NOT_SCALAR), plus the shape and domain
 *   checks of check-node.ts on the values tfjs computed — validation, not arithmetic;
 * - an input with no path to the output gets an exact zero gradient: tfjs refuses to
 *   differentiate with respect to an input its tape does not connect to the output ("Cannot
 *   compute gradient of y=f(x) …"), and the spec's answer there is 0 (spec/04-system.md#system.live).
 *
 * Capabilities: `gradient` only. tfjs has no forward mode (no jvp), and operator and system cases
 * are not something tfjs does: those cases are skipped, honestly.
 */
import { cotangentOf, live, locate, readGraph, type GraphCase, type Tensor } from "../../../reference/index.js";
import { packageVersion } from "../../../bench/peers/package-info.js";
import { loadTfjs } from "./load-tfjs.js";
import { readTensor, tfjsOps, toTfjs } from "./tfjs-ops.js";
import { runProgram } from "../common/run-program.js";

const zerosOf = (t: Tensor): Tensor => (typeof t === "number" ? 0 : t.map((row) => row.map(() => 0)));

async function gradient(c: GraphCase): Promise<{ value: Tensor; gradient: Record<string, Tensor> }> {
  const tf = await loadTfjs();
  const ops = tfjsOps(tf);
  // A scope, so that every tensor made for this case is freed even when a spec error is thrown.
  tf.engine().startScope();
  try {
    return locate({ caseId: c.id }, () => {
      const program = readGraph(c);
      const sources = program.sources.map((s) => toTfjs(tf, s.value));
      // A checked forward pass first: spec faults (shapes, domains) with their node, E_NOT_SCALAR.
      const checked = runProgram(program, ops, sources, true);
      const cotangent = cotangentOf(program, zerosOf(readTensor(checked[program.output]!)));
      const reached = live(program);
      const wrt = program.wrt.filter((k) => reached.has(k));
      // The differentiated function: the wrt inputs are its arguments, everything else is fixed.
      // An output that is itself an input goes through a reshape, so that tfjs's tape has an op.
      const f = (...xs: import("@tensorflow/tfjs").Tensor[]) => {
        const srcs = sources.map((s, k) => (wrt.includes(k) ? xs[wrt.indexOf(k)]! : s));
        const out = runProgram(program, ops, srcs, false)[program.output]!;
        return program.output < sources.length ? tf.reshape(out, out.shape) : out;
      };
      const dy = program.cotangent === undefined ? undefined : toTfjs(tf, cotangent);
      const value = wrt.length === 0 ? checked[program.output]! : undefined;
      const result = wrt.length === 0 ? undefined : tf.valueAndGrads(f)(wrt.map((k) => sources[k]!), dy);
      const grads = new Map(wrt.map((k, i) => [k, readTensor(result!.grads[i]!)]));
      return {
        value: readTensor(result?.value ?? value!),
        gradient: Object.fromEntries(
          program.wrt.map((k) => [program.ids[k]!, grads.get(k) ?? zerosOf(program.sources[k]!.value)]),
        ),
      };
    });
  } finally {
    tf.engine().endScope();
  }
}

export const backend = {
  hello: () => ({
    name: "@tensorflow/tfjs (cpu backend)",
    version: packageVersion("@tensorflow/tfjs"),
    capabilities: ["gradient"],
    precision: "float32",
  }),
  gradient,
};

export default backend;
