// TensorFlow.js gradients checked the way a user would: one line per test with the vitest helper,
// imported by the package's name. tfjs computes in float32, so these run in the float32 class
// (spec: tol.precision) and must never raise a false alarm on tfjs's own (correct) gradients.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { CheckFailedError, expectGradient } from "backslash-ad/vitest";
import { checkGradientTfjs, type GradientCheckResult } from "backslash-ad";
import { seededRandom } from "../oracles/fd/index.js";

const x = tf.tensor2d([[0.1, -0.4, 0.9], [0.7, 0.2, -0.5]]);
const w = tf.tensor2d([[0.5, -1.2], [-0.3, 0.8], [1.1, 0.4]]);
const mm = (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);

describe("tfjs gradients, one line each", () => {
  it("matMul", async () => {
    await expectGradient.tfjs((x, w) => tf.sum(tf.mul(mm(x, w), mm(x, w))), [x, w], { tf });
  });

  it("tanh", async () => {
    await expectGradient.tfjs((x) => tf.sum(tf.tanh(x)), [x], { tf });
  });

  it("a tiny MLP (plain values as inputs, tfjs imported lazily by the helper)", async () => {
    const r = await expectGradient.tfjs(
      (X, W1, b1, W2) => tf.sum(tf.square(mm(tf.tanh(tf.add(mm(X, W1), b1)), W2))),
      [[[0.1, -0.4, 0.9], [0.7, 0.2, -0.5]], [[0.5, -1.2], [-0.3, 0.8], [1.1, 0.4]], [[0.05, -0.1]], [[0.7], [-0.6]]],
      { names: ["X", "W1", "b1", "W2"] },
    );
    expect(r.precision).toBe("float32");
    expect(r.inputs.map((i) => i.name)).toEqual(["X", "W1", "b1", "W2"]);
  });
});

describe("tfjs: honest verdicts", () => {
  it("a wrong gradient (tanh' = 1 − tanh) FAILs, naming the element, both values and the oracle", async () => {
    const badTanh = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [t, save] = args as [tf.Tensor, tf.GradSaveFunc];
      const y = tf.tanh(t);
      save([y]);
      return { value: y, gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.sub(1, s!)) };
    }) as (t: tf.Tensor) => tf.Tensor;
    const f = (x: tf.Tensor, w: tf.Tensor) => tf.sum(badTanh(mm(x, w)));
    const failure = await expectGradient.tfjs(f, [x, w], { tf, names: ["x", "w"] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(CheckFailedError);
    const r = (failure as CheckFailedError<GradientCheckResult>).result;
    expect(r.verdict).toBe("FAIL");
    expect((failure as CheckFailedError).message).toMatch(/^ {2}[xw]\[\d\]\[\d\]: FAIL — gradient under test -?[\d.e-]+, finite differences \(oracle\) -?[\d.e-]+/m);
    // The oracle's estimate of the worst element against the true closed form Σ_j (1 − tanh²(xw)_ij)·w_kj (for x) or x_ik (for w).
    const xs = x.arraySync();
    const ws = w.arraySync();
    const worst = r.inputs.find((i) => i.verdict === "FAIL")!.worst!;
    const [a, b] = worst.index as [number, number];
    const sech2 = (i: number, j: number) => 1 - Math.tanh(xs[i]!.reduce((s, e, k) => s + e * ws[k]![j]!, 0)) ** 2;
    const truth = worst.input === "x" ? ws[b]!.reduce((s, e, j) => s + sech2(a, j) * e, 0) : xs.reduce((s, row, i) => s + sech2(i, b) * row[a]!, 0);
    expect(Math.abs(worst.expected - truth)).toBeLessThan(1e-3 * Math.max(1, Math.abs(truth)));
  });

  it("relu at its kink is INCONCLUSIVE, not FAIL; the smooth element still PASSes", async () => {
    const r = await checkGradientTfjs((v) => tf.sum(tf.relu(v)), [[[0, 0.75]]], { tf, names: ["v"] });
    expect(r.verdict).toBe("INCONCLUSIVE");
    expect(r.elements.map((e) => [e.element, e.verdict, e.reason])).toEqual([
      ["v[0][0]", "INCONCLUSIVE", "kink"],
      ["v[0][1]", "PASS", "agrees"],
    ]);
    await expect(expectGradient.tfjs((v) => tf.sum(tf.relu(v)), [[[0, 0.75]]], { tf, inconclusive: "fail" })).rejects.toThrow(/INCONCLUSIVE \(kink/);
  });

  it("no false alarm on a correct float32 MLP gradient over 50 random inputs", async () => {
    const rnd = seededRandom(2024);
    const matrix = (m: number, n: number) => Array.from({ length: m }, () => Array.from({ length: n }, () => 2 * rnd() - 1));
    const tally = { PASS: 0, FAIL: 0, INCONCLUSIVE: 0 };
    for (let k = 0; k < 50; k++) {
      const r = await checkGradientTfjs(
        (X, W1, W2) => tf.sum(tf.square(mm(tf.tanh(mm(X, W1)), W2))),
        [matrix(4, 3), matrix(3, 4), matrix(4, 1)],
        { tf, seed: k },
      );
      tally[r.verdict]++;
    }
    expect(tally.FAIL).toBe(0);
    expect(tally.PASS).toBeGreaterThanOrEqual(40); // measured: 49 PASS, 1 INCONCLUSIVE, 0 FAIL with these seeds (0 FAIL in 200)
  });

  it("the helper does not import a framework at module load", () => {
    const dir = import.meta.dirname;
    const runtime = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/^import (?!type\b).*from "(@tensorflow\/[^"]+|@jax-js\/[^"]+)"/gm)].map((m) => `${f}: ${m[1]}`));
    expect(runtime).toEqual([]);
  });
});
