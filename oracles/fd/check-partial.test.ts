// One partial derivative by float64 finite differences: kinks, domain edges and noise give
// INCONCLUSIVE, never FAIL (spec: prim.relu.kink, prim.domain, system.gradient).
import { describe, expect, it } from "vitest";
import { checkPartial } from "./check-partial.js";
import { seededRandom } from "./seeded-random.js";

const at = (...x: number[]) => Float64Array.from(x);
const relu = (x: Float64Array) => Math.max(x[0]!, 0);
const log = (x: Float64Array) => {
  if (!(x[0]! > 0)) throw new Error("E_DOMAIN: log of a non-positive number");
  return Math.log(x[0]!);
};

describe("checkPartial on smooth functions", () => {
  it("passes the exact derivative of sin(x0)·exp(x1) in both coordinates", () => {
    const f = (x: Float64Array) => Math.sin(x[0]!) * Math.exp(x[1]!);
    const x = at(0.7, -0.4);
    const d0 = checkPartial(f, x, 0, Math.cos(0.7) * Math.exp(-0.4), 1);
    const d1 = checkPartial(f, x, 1, Math.sin(0.7) * Math.exp(-0.4), 1);
    for (const c of [d0, d1]) {
      expect(c.verdict).toBe("PASS");
      expect(c.reason).toBe("agrees");
      // float64 FD with one Richardson level is good to ~1e-10 here; the error bar says so too.
      expect(c.error).toBeLessThan(1e-9);
      expect(c.discrepancy).toBeLessThanOrEqual(c.error * 10);
    }
  });

  it("FAILs a derivative off by 1e-4 of a unit scale, with the evidence", () => {
    const c = checkPartial((x) => Math.exp(x[0]!), at(0.3), 0, Math.exp(0.3) + 1e-4, 1);
    expect(c.verdict).toBe("FAIL");
    expect(c.reason).toBe("disagrees");
    expect(c.discrepancy).toBeGreaterThan(c.allowance);
    expect(Math.abs(c.estimate - Math.exp(0.3))).toBeLessThan(1e-9);
    // The sweep: 27 steps from 1e-2 down by halves, each with its difference, extrapolation,
    // truncation and rounding estimates; the chosen step is one of them.
    expect(c.sweep.rows).toHaveLength(27);
    expect(c.sweep.rows[0]!.step).toBe(1e-2);
    expect(c.sweep.rows.map((r) => r.step)).toContain(c.step);
    const row = c.sweep.rows[5]!;
    expect(Math.abs(row.central - Math.exp(0.3))).toBeLessThan(1e-6);
    expect(Number.isFinite(row.extrapolated) && row.truncation >= 0 && row.rounding > 0).toBe(true);
  });

  it("scales the steps with |x_i| beyond 1", () => {
    const c = checkPartial((x) => x[0]! ** 3, at(-250), 0, 3 * 250 ** 2, 3 * 250 ** 2);
    expect(c.verdict).toBe("PASS");
    expect(c.sweep.rows[0]!.step).toBe(250 * 1e-2);
  });

  it("FAILs a NaN claim at a smooth point", () => {
    expect(checkPartial((x) => x[0]! ** 2, at(1.5), 0, NaN, 1).verdict).toBe("FAIL");
  });
});

describe("checkPartial at kinks (spec: prim.relu.kink)", () => {
  it("is INCONCLUSIVE for relu at exactly 0 whatever the claim in [0, 1]", () => {
    for (let k = 0; k <= 10; k++) {
      const c = checkPartial(relu, at(0), 0, k / 10, 1);
      expect(c.verdict, `claim ${k / 10}`).toBe("INCONCLUSIVE");
      expect(c.reason).toBe("kink");
    }
  });

  it("is INCONCLUSIVE for relu at -0 and inside a larger smooth function", () => {
    expect(checkPartial(relu, at(-0), 0, 0, 1).verdict).toBe("INCONCLUSIVE");
    const f = (x: Float64Array) => Math.max(x[0]!, 0) + Math.sin(x[0]!) + 1000 * x[1]! ** 2;
    for (const claim of [1, 1.5, 2]) expect(checkPartial(f, at(0, 3), 0, claim, 1).verdict).toBe("INCONCLUSIVE");
  });

  it("is INCONCLUSIVE for |x| at 0", () => {
    for (const claim of [-1, 0, 1]) {
      const c = checkPartial((x) => Math.abs(x[0]!), at(0), 0, claim, 1);
      expect(c.verdict).toBe("INCONCLUSIVE");
      expect(c.reason).toBe("kink");
    }
  });

  it("decides again once the kink is farther than the smallest steps", () => {
    expect(checkPartial(relu, at(1e-5), 0, 1, 1).verdict).toBe("PASS");
    expect(checkPartial(relu, at(-1e-5), 0, 0, 1).verdict).toBe("PASS");
    expect(checkPartial(relu, at(1e-5), 0, 0, 1).verdict).toBe("FAIL");
  });
});

describe("checkPartial at domain edges (spec: prim.domain)", () => {
  it("is INCONCLUSIVE, not FAIL, for log at 1e-12 with the exact derivative", () => {
    for (const scale of [1, 1e12]) {
      const c = checkPartial(log, at(1e-12), 0, 1e12, scale);
      expect(c.verdict).toBe("INCONCLUSIVE");
      expect(c.reason).toBe("domain");
      expect(c.outOfDomain).toBe(c.sweep.rows.length);
      expect(c.sweep.thrown).toMatch(/^E_DOMAIN/);
    }
  });

  it("treats NaN results like throws", () => {
    const c = checkPartial((x) => Math.sqrt(x[0]!), at(1e-13), 0, 0.5 / Math.sqrt(1e-13), 1);
    expect(c.verdict).toBe("INCONCLUSIVE");
    expect(c.reason).toBe("domain");
  });

  it("uses the steps that stay inside: log at 1e-3 passes", () => {
    const c = checkPartial(log, at(1e-3), 0, 1e3, 1e3);
    expect(c.verdict).toBe("PASS");
    expect(c.outOfDomain).toBeGreaterThan(0);
  });

  it("is INCONCLUSIVE when f is undefined at x itself", () => {
    const c = checkPartial(log, at(-1), 0, -1, 1);
    expect(c.verdict).toBe("INCONCLUSIVE");
    expect(c.reason).toBe("undefined-at-x");
  });
});

describe("checkPartial on noisy functions", () => {
  it("never FAILs the true derivative of sin(x0)·exp(x1) + 1e-9·noise (200 seeds)", () => {
    const x = at(0.7, -0.4);
    const truth = [Math.cos(0.7) * Math.exp(-0.4), Math.sin(0.7) * Math.exp(-0.4)];
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const noise = seededRandom(seed);
      const f = (y: Float64Array) => Math.sin(y[0]!) * Math.exp(y[1]!) + 1e-9 * noise();
      for (const i of [0, 1]) {
        for (const scale of [1, 0]) {
          const v = checkPartial(f, x, i, truth[i]!, scale).verdict;
          expect(v, `seed ${seed}, element ${i}, scale ${scale}`).not.toBe("FAIL");
          seen.add(v);
        }
      }
    }
    // The noise is small next to the derivative: most of the time the check still decides.
    expect(seen.has("PASS")).toBe(true);
  });

  it("is INCONCLUSIVE when the noise swamps every step", () => {
    const noise = seededRandom(7);
    const c = checkPartial((y) => y[0]! ** 2 + 1e-2 * noise(), at(0.5), 0, 1, 1);
    expect(c.verdict).toBe("INCONCLUSIVE");
  });
});
