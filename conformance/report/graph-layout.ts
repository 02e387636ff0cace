/**
 * A layered drawing of a graph case: each unknown in a column by its depth — sources (inputs, then
 * constants) in column 0, a node one column right of its deepest argument — and the output alone
 * in the last column, so the inputs are at the left and the output at the right. Within a column
 * the unknowns are ordered by the mean height of their arguments (the barycentre heuristic, which
 * keeps edges short and crossings few), ties in file order; sources keep file order.
 *
 * Conventions: `layer` is the column, `slot` the position from the top within it; x, y, w, h are
 * the box's pixels.
 *
 * @see spec/04-system.md#system.unknowns
 */
import type { GraphCase } from "../../reference/case.js";

export interface LayoutBox {
  readonly id: string;
  /** The primitive, or "input" / "constant" for a source. */
  readonly op: string;
  readonly kind: "input" | "constant" | "node";
  readonly output: boolean;
  readonly layer: number;
  readonly slot: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface GraphLayout {
  readonly boxes: readonly LayoutBox[];
  /** One per argument position, from the argument to the node (a repeated argument twice). */
  readonly edges: readonly { readonly from: string; readonly to: string }[];
  readonly width: number;
  readonly height: number;
}

const MARGIN = 16;
const BOX_H = 40;
const GAP_X = 56;
const GAP_Y = 18;
/** Pixels per character of the longer label line, and the box's width limits. */
const CHAR_W = 7.5;
const MIN_W = 72;
const MAX_W = 200;

export function layoutGraph(c: GraphCase): GraphLayout {
  const g = c.graph;
  const sources = [...g.inputs.map((s) => ({ id: s.id, op: "input", kind: "input" as const, args: [] as readonly string[] })), ...(g.constants ?? []).map((s) => ({ id: s.id, op: "constant", kind: "constant" as const, args: [] as readonly string[] }))];
  const unknowns = [...sources, ...g.nodes.map((n) => ({ id: n.id, op: n.op, kind: "node" as const, args: n.args }))];
  const depth = new Map<string, number>();
  for (const u of unknowns) depth.set(u.id, u.args.length === 0 ? 0 : 1 + Math.max(...u.args.map((a) => depth.get(a) ?? 0)));
  const last = Math.max(0, ...depth.values());
  // The output alone in the last column: a dead node deeper than it would otherwise share it.
  const outputIsNode = g.nodes.some((n) => n.id === g.output);
  const layerOf = (id: string): number => (outputIsNode && id === g.output ? last + (unknowns.some((u) => u.id !== id && depth.get(u.id) === last) ? 1 : 0) : depth.get(id) ?? 0);

  const layers: (typeof unknowns)[] = [];
  for (const u of unknowns) (layers[layerOf(u.id)] ??= []).push(u);
  const height = new Map<string, number>(); // centred position within its column, for the barycentre
  const slots = new Map<string, number>();
  layers.forEach((layer, l) => {
    const order = l === 0 ? layer : [...layer].map((u, i) => ({ u, i, b: mean(u.args.map((a) => height.get(a) ?? 0)) })).sort((p, q) => p.b - q.b || p.i - q.i).map((p) => p.u);
    order.forEach((u, s) => {
      slots.set(u.id, s);
      height.set(u.id, s - (order.length - 1) / 2);
    });
  });

  const rows = Math.max(1, ...layers.map((layer) => layer?.length ?? 0));
  const w = Math.min(MAX_W, Math.max(MIN_W, ...unknowns.map((u) => CHAR_W * Math.max(u.id.length, u.op.length) + 20)));
  const boxes = unknowns.map((u): LayoutBox => {
    const layer = layerOf(u.id);
    const slot = slots.get(u.id) ?? 0;
    const size = layers[layer]?.length ?? 1;
    return {
      id: u.id,
      op: u.op,
      kind: u.kind,
      output: u.id === g.output,
      layer,
      slot,
      x: MARGIN + layer * (w + GAP_X),
      y: MARGIN + (slot + (rows - size) / 2) * (BOX_H + GAP_Y),
      w,
      h: BOX_H,
    };
  });
  const columns = layers.length;
  return {
    boxes,
    edges: g.nodes.flatMap((n) => n.args.map((a) => ({ from: a, to: n.id }))),
    width: 2 * MARGIN + columns * w + (columns - 1) * GAP_X,
    height: 2 * MARGIN + rows * BOX_H + (rows - 1) * GAP_Y,
  };
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
