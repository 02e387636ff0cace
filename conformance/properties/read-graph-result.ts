/**
 * A graph case's answer read as tensors: the value (of the output's shape) and the gradient of
 * every `wrt` input (of the input's shape).
 *
 * @see spec/05-cases.md#case.expect.graph
 */
import type { GraphCase } from "../../reference/case.js";
import { parseTensor, shapeOf, type Shape, type Tensor } from "../../reference/index.js";
import { evaluateGraph, float64Field } from "../../oracles/index.js";
import { tensorAt } from "./read-result.js";

export interface GraphAnswer {
  readonly value: Tensor;
  readonly gradient: Readonly<Record<string, Tensor>>;
}

export const wrtOf = (c: GraphCase): readonly string[] => c.wrt ?? c.graph.inputs.map((x) => x.id);

/** The output's shape, from the oracles' float64 evaluation. */
export function outputShape(c: GraphCase): Shape {
  return shapeOf(evaluateGraph(c, float64Field).get(c.graph.output) as Tensor);
}

export function readGraphAnswer(result: unknown, c: GraphCase): GraphAnswer | { problem: string } {
  const value = tensorAt(result, "value", outputShape(c));
  if ("problem" in value) return value;
  const gradient: Record<string, Tensor> = {};
  for (const id of wrtOf(c)) {
    const input = c.graph.inputs.find((x) => x.id === id);
    const g = tensorAt(result, `gradient.${id}`, shapeOf(parseTensor(input?.value ?? 0)));
    if ("problem" in g) return g;
    gradient[id] = g.tensor;
  }
  return { value: value.tensor, gradient };
}
