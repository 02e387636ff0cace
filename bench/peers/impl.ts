/**
 * impl as a sweep contender: one compiled plan per n (compiling is not timed, as a peer's jit is
 * not); a timed call sets both inputs, runs the forward sweep and the back substitution. The
 * gradients are views into the plan's arena, already JS numbers.
 */
import { compile, impl as backend } from "../../impl/index.js";
import { tanhLossCase, type TanhLossInputs } from "../cases/mlp.js";
import type { Peer, Prepared } from "./peer.js";

export const implPeer: Peer = {
  name: "impl",
  version: `impl ${backend.hello().version}`,
  precision: "float64",
  tolerance: 0,
  notes: "compiled plan, JS float64 kernels, one thread",
  prepare: async (x: TanhLossInputs): Promise<Prepared> => {
    const plan = compile(tanhLossCase(x));
    return {
      enter: () => {},
      run: () => {
        plan.setInput(0, x.A);
        plan.setInput(1, x.B);
        plan.forward();
        const [gA, gB] = plan.gradient();
        return [gA!, gB!];
      },
      dispose: () => {},
    };
  },
};
