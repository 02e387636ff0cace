/**
 * The matrix (I − L) of a graph case written as the paper writes it: one row and one column per
 * unknown (inputs, constants, nodes: system.unknowns), 𝓘 on the diagonal, −L_ij below it, blank
 * where an entry is 𝓞. Each edge operator is the one the reference's rule table gives
 * (reference/linearize.ts), printed by reference/operator-format.ts with its tensors named, never
 * shown by value:
 *
 * - a tensor that is the value of an unknown is named by that unknown's id: matmul's edges are
 *   ℛ(X) and ℒ(W), mul's ℋ(b), inv's −ℒ(Y)∘ℛ(Y) with Y the node itself;
 * - a tensor a rule derives (a derivative matrix) is named after the unknowns it comes from, the
 *   way the paper writes Δ = h′(Z): `tanh′(Z)` for any elementwise h, `pow′(x)`, `1/b` and
 *   `−a/b²` for div, `𝟙` (ones) for sum, `I` for trace, `(A⁻ᵀ)` for logdet (printed (A⁻ᵀ)ᵀ•).
 *
 * Tensors are told apart by object identity: the rules receive the unknowns' values and pass them
 * into operators unchanged. Scalars are numbers, which have no identity, so the table linearizes
 * with every scalar boxed as a 1×1 matrix (the rules handle both alike) — only names are printed,
 * so no value changes. The sign is folded into the entry: −(−1·𝓘) prints as 𝓘, −(𝓘) as −𝓘.
 *
 * @see spec/04-system.md#system.matrix
 * @see spec/04-system.md#system.repeated-argument
 */
import type { GraphCase } from "../../reference/case.js";
import { evaluate, formatOperator, readGraph, RULES, type Operator, type Tensor } from "../../reference/index.js";

export interface SystemTable {
  /** Unknown ids in order, with their kind and primitive ("input" / "constant" for sources). */
  readonly ids: readonly string[];
  readonly ops: readonly string[];
  /** entries[i][j]: "𝓘" on the diagonal, the printed −L_ij below it, "" for 𝓞. */
  readonly entries: readonly (readonly string[])[];
}

const ELEMENTWISE = new Set(["exp", "log", "sin", "cos", "tanh", "sigmoid", "sqrt", "square", "relu", "pow"]);

/** The name of a tensor a rule derives for argument position q of a node `op(args…)`. */
export function derivedName(op: string, args: readonly string[], q: number): string {
  const [a = "?", b = "?"] = args;
  if (ELEMENTWISE.has(op)) return `${op}′(${a})`;
  switch (op) {
    case "div":
      return q === 0 ? `1/${b}` : `−${a}/${b}²`;
    case "sum":
      return "𝟙";
    case "trace":
      return "I";
    case "logdet":
      return `(${a}⁻ᵀ)`;
    default:
      return `∂${op}/∂${args[q] ?? "?"}`;
  }
}

export function systemTable(c: GraphCase): SystemTable {
  const program = readGraph(c);
  const values = evaluate(program);
  const boxed: Tensor[] = values.map((v) => (typeof v === "number" ? [[v]] : v));
  const names = new Map<unknown, string>(boxed.map((t, k) => [t, program.ids[k] as string]));
  const n = program.ids.length;
  const first = program.sources.length;
  const gathered: { operators: Operator[]; name: (t: Tensor) => string | undefined }[][] = Array.from({ length: n }, () => []);
  program.nodes.forEach((node, i) => {
    const to = first + i;
    const argIds = node.args.map((k) => program.ids[k] as string);
    const weights = RULES[node.op].linearize(node.args.map((k) => boxed[k] as Tensor), boxed[to] as Tensor, node.attributes);
    node.args.forEach((from, q) => {
      const row = gathered[to] as { operators: Operator[]; name: (t: Tensor) => string | undefined }[];
      const name = (t: Tensor): string => names.get(t) ?? derivedName(node.op, argIds, q);
      // Several positions naming one unknown add up in argument order (system.repeated-argument).
      const cell = (row[from] ??= { operators: [], name });
      cell.operators.push(weights[q] as Operator);
    });
  });
  const entries = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return "𝓘";
      const cell = gathered[i]?.[j];
      if (cell === undefined) return "";
      const [one, ...more] = cell.operators;
      return negated(more.length === 0 ? (one as Operator) : { op: "sum", of: cell.operators }, cell.name);
    }),
  );
  return { ids: program.ids, ops: [...program.sources.map((s) => s.kind), ...program.nodes.map((m) => m.op)], entries };
}

/**
 * −L printed with its scalar factors folded into one leading coefficient: numeric ones multiplied
 * (with the −1), named ones (a scale node's factor s) written before the operator.
 */
function negated(L: Operator, name: (t: Tensor) => string | undefined): string {
  const parts = L.op === "compose" ? [...L.of] : [L];
  let factor = -1;
  const named: string[] = [];
  const rest: Operator[] = [];
  for (const p of parts) {
    if (p.op === "scale" && typeof p.by === "number") factor *= p.by;
    else if (p.op === "scale") named.push(name(p.by as unknown as Tensor) ?? String(p.by));
    else if (p.op !== "identity") rest.push(p);
  }
  const body = rest.length === 0 ? "𝓘" : rest.map((o) => formatOperator(o, name)).join("∘");
  const magnitude = Math.abs(factor) === 1 ? "" : String(Math.abs(factor));
  const coefficient = [magnitude, ...named].filter((s) => s !== "").join("·");
  const sign = factor < 0 ? "−" : "";
  if (coefficient === "") return `${sign}${body}`;
  return body === "𝓘" ? `${sign}${coefficient}𝓘` : `${sign}${coefficient}·${body}`;
}
