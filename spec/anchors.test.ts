// The spec's anchors are its stable interface: every anchor cited in code, tests and cases exists,
// anchors are unique, and each primitive and operator kind has its rules (spec: README).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATOR_KINDS, PRIMITIVE_NAMES } from "../reference/index.js";

const root = join(import.meta.dirname, "..");
const chapters = readdirSync(join(root, "spec")).filter((f) => /^\d\d-.*\.md$/.test(f));

/** anchor → chapter file */
function anchors(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of ["README.md", ...chapters]) {
    for (const m of readFileSync(join(root, "spec", file), "utf8").matchAll(/^<a id="([A-Za-z0-9._-]+)"><\/a>$/gm)) {
      found.set(m[1] as string, [...(found.get(m[1] as string) ?? []), file]);
    }
  }
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|json|md)$/.test(name) ? [p] : [];
  });
}

describe("spec anchors", () => {
  const all = anchors();

  it("has numbered chapters", () => {
    expect(chapters.length).toBeGreaterThanOrEqual(6);
  });

  it("defines each anchor once, lowercase", () => {
    for (const [anchor, files] of all) {
      expect(files, anchor).toHaveLength(1);
      expect(anchor).toMatch(/^[a-z0-9][a-z0-9._-]*$|^error\.E_[A-Z_]+$/);
    }
  });

  it("resolves every anchor cited in code, tests, cases and the README", () => {
    const missing: string[] = [];
    const files = ["reference", "conformance", "oracles", "impl", "scripts", "spec", "api", "bench"].flatMap((d) => walk(join(root, d)));
    for (const file of [...files, join(root, "README.md")]) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/spec\/(\d\d-[a-z-]+\.md)#([A-Za-z0-9._-]+)/g)) {
        const where = all.get(m[2] as string);
        if (where === undefined || !where.includes(m[1] as string)) missing.push(`${file}: ${m[1]}#${m[2]}`);
      }
      for (const m of text.matchAll(/\(spec: ([a-z0-9._-]+(?:, [a-z0-9._-]+)*)\)/g)) {
        for (const a of (m[1] as string).split(", ")) {
          if (!a.includes("*") && !all.has(a)) missing.push(`${file}: ${a}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives every operator kind its map and adjoint, and every primitive its forward, domain and linearization", () => {
    const required = [
      ...OPERATOR_KINDS.flatMap((k) => [`op.${k}`, `op.${k}.apply`, `op.${k}.adjoint`]),
      ...PRIMITIVE_NAMES.flatMap((p) => [`prim.${p}`, `prim.${p}.forward`, `prim.${p}.domain`, `prim.${p}.linearize`]),
      "prim.relu.kink",
      "law.adjoint-identity", "law.involution", "law.reversal", "law.linearity", "law.identity-zero", "law.block", "law.forward-reverse",
      "system.reverse", "system.forward", "system.gradient", "system.solver",
    ];
    expect(required.filter((a) => !all.has(a))).toEqual([]);
  });
});
