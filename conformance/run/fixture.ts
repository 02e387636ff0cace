// Test fixture: case files with a passing case, a failing one and faults, in a fresh folder.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A folder with one good file (a passing and a ragged case) and one file that is not JSON. */
export function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "conform-"));
  const sinCase = {
    id: "fx.sin.scalar",
    description: "d/dx sin(x) at 1",
    kind: "graph",
    graph: { inputs: [{ id: "x", value: 1 }], nodes: [{ id: "y", op: "sin", args: ["x"] }], output: "y" },
    expect: { value: "0.841470984807896506652502321630", gradient: { x: "0.540302305868139717400936607443" } },
  };
  const ragged = { ...sinCase, id: "fx.sin.ragged", graph: { ...sinCase.graph, inputs: [{ id: "x", value: [[1, 2], [3]] }] } };
  const wrong = { ...sinCase, id: "fx.sin.wrong", expect: { value: 0.5 } };
  writeFileSync(join(dir, "a.json"), JSON.stringify({ cases: [sinCase, ragged, wrong] }));
  writeFileSync(join(dir, "b.json"), '{"cases": [ {"id": "fx.broken", } ]}');
  return dir;
}
