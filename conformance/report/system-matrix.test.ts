// (I − L) as the paper draws it, entries written by hand from the paper's operator table
// (paper-notes §3–§5: matmul's edges ℛ(B) / ℒ(A), h.(A)'s ℋ(h′(A)), sum's 𝟙ᵀ•, …), not from the code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CaseFile, GraphCase } from "../../reference/case.js";
import { systemTable } from "./system-matrix.js";

const paper = JSON.parse(readFileSync(join(import.meta.dirname, "../cases/paper.json"), "utf8")) as CaseFile;
const mlp = paper.cases.find((c) => c.id === "paper.mlp.showcase") as GraphCase;

function entry(t: ReturnType<typeof systemTable>, row: string, col: string): string | undefined {
  return t.entries[t.ids.indexOf(row)]?.[t.ids.indexOf(col)];
}

describe("systemTable: the paper's MLP (5-4-3-1, h = exp(−·))", () => {
  const t = systemTable(mlp);

  it("has a row and a column per unknown, inputs first, 𝓘 on the diagonal and nothing above it", () => {
    expect(t.ids.slice(0, 9)).toEqual(["W1", "B1", "W2", "B2", "W3", "B3", "X0", "Y", "half"]);
    expect(t.ops.slice(0, 9)).toEqual(["input", "input", "input", "input", "input", "input", "constant", "constant", "constant"]);
    t.entries.forEach((row, i) => row.forEach((e, j) => expect(e, `${t.ids[i]}, ${t.ids[j]}`).toBe(i === j ? "𝓘" : j > i ? "" : e)));
  });

  it("writes each layer's edges as the paper does: −ℛ(X) to W, −ℒ(W) to X, −ℋ(Δ) through h", () => {
    // M2 = W2·X1: dM2 = dW2·X1 + W2·dX1, so L = ℛ(X1) for W2 and ℒ(W2) for X1.
    expect(entry(t, "M2", "W2")).toBe("−ℛ(X1)");
    expect(entry(t, "M2", "X1")).toBe("−ℒ(W2)");
    expect(entry(t, "M1", "X0")).toBe("−ℒ(W1)");
    // Z2 = M2 + B2: 𝓘 to both. N2 = −Z2: L = −𝓘, so −L = 𝓘.
    expect(entry(t, "Z2", "M2")).toBe("−𝓘");
    expect(entry(t, "Z2", "B2")).toBe("−𝓘");
    expect(entry(t, "N2", "Z2")).toBe("𝓘");
    // X2 = exp.(N2): ℋ(exp′(N2)), the paper's ℋ(Δ₂).
    expect(entry(t, "X2", "N2")).toBe("−ℋ(exp′(N2))");
  });

  it("writes the loss ½‖X3 − Y‖² edge by edge", () => {
    expect(entry(t, "R", "X3")).toBe("−𝓘");
    expect(entry(t, "R", "Y")).toBe("𝓘"); // sub: L = −𝓘
    expect(entry(t, "S", "R")).toBe("−ℋ(square′(R))");
    expect(entry(t, "T", "S")).toBe("−𝟙ᵀ•"); // sum = ⟨𝟙, ·⟩
    expect(entry(t, "loss", "T")).toBe("−half𝓘"); // scale(s, X): s𝓘 for X
    expect(entry(t, "loss", "half")).toBe("−(c ↦ cT)"); // and c ↦ cX for s
  });

  it("leaves 𝓞 blank: no edge from W1 to anything but M1", () => {
    const col = t.ids.indexOf("W1");
    const used = t.entries.map((row, i) => [t.ids[i], row[col]]).filter(([id, e]) => e !== "" && id !== "W1");
    expect(used).toEqual([["M1", "−ℛ(X0)"]]);
  });
});

describe("systemTable: repeated arguments, derived matrices, folded signs", () => {
  const c: GraphCase = {
    id: "small",
    description: "",
    kind: "graph",
    graph: {
      inputs: [{ id: "a", value: [[2, 1], [1, 3]] }, { id: "x", value: 0.5 }],
      nodes: [
        { id: "Y", op: "inv", args: ["a"] },
        { id: "m", op: "mul", args: ["x", "x"] },
        { id: "r", op: "div", args: ["m", "x"] },
        { id: "t", op: "trace", args: ["Y"] },
        { id: "l", op: "logdet", args: ["a"] },
        { id: "s", op: "add", args: ["t", "r"] },
        { id: "o", op: "add", args: ["s", "l"] },
      ],
      output: "o",
    },
  };
  const t = systemTable(c);

  it("sums the operators of a repeated argument (system.repeated-argument)", () => {
    expect(entry(t, "m", "x")).toBe("−(ℋ(x) + ℋ(x))");
  });

  it("names the matrices a rule derives after their unknowns", () => {
    expect(entry(t, "r", "m")).toBe("−ℋ(1/x)");
    expect(entry(t, "r", "x")).toBe("−ℋ(−m/x²)");
    expect(entry(t, "t", "Y")).toBe("−Iᵀ•");
    expect(entry(t, "l", "a")).toBe("−(a⁻ᵀ)ᵀ•"); // logdet: (A⁻ᵀ)ᵀ•
  });

  it("folds inv's −ℒ(A⁻¹)∘ℛ(A⁻¹) with the matrix's minus: +ℒ(Y)∘ℛ(Y), Y = A⁻¹ the node itself", () => {
    expect(entry(t, "Y", "a")).toBe("ℒ(Y)∘ℛ(Y)");
  });
});
