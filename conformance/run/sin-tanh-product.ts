// Test fixture: y = sin(x)·tanh(z) at (0.3, 0.8). For the broken backend tanhWrong only tanh's
// edge into z is wrong, so a report must name z and the tanh node; ∂y/∂z = sin(0.3)·(1 − tanh²(0.8)).
import type { GraphCase } from "../../reference/index.js";

export function sinTanhProduct(id: string, description = ""): GraphCase {
  return {
    id,
    description,
    kind: "graph",
    graph: {
      inputs: [{ id: "x", value: 0.3 }, { id: "z", value: 0.8 }],
      nodes: [
        { id: "s", op: "sin", args: ["x"] },
        { id: "t", op: "tanh", args: ["z"] },
        { id: "y", op: "mul", args: ["s", "t"] },
      ],
      output: "y",
    },
  };
}
