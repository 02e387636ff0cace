// Broken backends with wrong adjoint rules or a wrong solver are caught by the operator laws and
// the system properties; each counterexample replays on its own (spec: law.*, system.solution).
import { describe, expect, it } from "vitest";
import { reference, type Case } from "../../reference/index.js";
import type { BackendLike } from "./backend-like.js";
import { PROPERTIES } from "./index.js";
import { BROKEN } from "./testing/broken-backends.js";
import { replay } from "./testing/replay.js";

const CATCHES: Readonly<Partial<Record<keyof typeof BROKEN, readonly string[]>>> = {
  rightNoTranspose: ["law.adjoint-identity", "operator-apply", "law.block", "system-solution"],
  composeNotReversed: ["law.reversal", "law.adjoint-identity", "operator-apply", "system-solution"],
  dotOuterMixed: ["law.adjoint-identity", "law.involution", "operator-apply"],
  scaleAdjointIdentity: ["law.adjoint-identity", "law.linearity", "operator-apply"],
  hadamardTransposed: ["law.adjoint-identity", "operator-apply"],
  zeroNotExchanged: ["law.identity-zero", "operator-apply"],
  fanOutOverwritten: ["system-solution", "law.block"],
  reverseSweepOffByOne: ["system-solution", "law.block"],
};

const run = (name: string, backend: BackendLike) => (PROPERTIES.find((p) => p.name === name) as (typeof PROPERTIES)[number]).run(backend, { seed: 42, runs: 200 });

describe("operator and system properties catch broken backends", () => {
  for (const [backend, properties] of Object.entries(CATCHES) as [keyof typeof BROKEN, readonly string[]][]) {
    for (const property of properties) {
      it(`${property} catches ${backend}`, async () => {
        const r = await run(property, BROKEN[backend]);
        expect(r.status, r.reason).toBe("fail");
        const c = r.counterexample as Case;
        expect(await replay(reference, c)).toBeUndefined();
        expect(await replay(BROKEN[backend], c)).toBeDefined();
      });
    }
  }

  it("the laws pass a backend whose bugs are all in reverse mode of graphs", async () => {
    for (const name of ["law.adjoint-identity", "law.involution", "law.reversal", "law.linearity", "law.identity-zero", "law.block"]) {
      expect((await run(name, BROKEN.tanhWrong)).status).toBe("pass");
    }
  });
});
