// Every spec anchor cited in api/ (code, tests) and in the README's "Use it in your own tests"
// section exists in the chapter it names; spec/anchors.test.ts does not walk api/.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function anchorsOf(chapter: string): Set<string> {
  const text = readFileSync(join(root, "spec", chapter), "utf8");
  return new Set([...text.matchAll(/^<a id="([A-Za-z0-9._-]+)"><\/a>$/gm)].map((m) => m[1]!));
}

describe("api/ spec citations", () => {
  it("resolve to anchors of the chapters they name", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const start = readme.indexOf("## Use it in your own tests");
    const sources = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => [f, readFileSync(join(import.meta.dirname, f), "utf8")] as const)
      .concat([["README.md (section)", readme.slice(start, readme.indexOf("\n## ", start + 5))]]);
    const missing: string[] = [];
    let cited = 0;
    for (const [file, text] of sources) {
      for (const m of text.matchAll(/spec\/(\d\d-[a-z-]+\.md)#([A-Za-z0-9._-]+)/g)) {
        cited++;
        if (!anchorsOf(m[1]!).has(m[2]!)) missing.push(`${file}: ${m[1]}#${m[2]}`);
      }
      for (const m of text.matchAll(/\(spec: ([a-z0-9._-]+(?:, [a-z0-9._-]+)*)\)/g)) {
        const all = readdirSync(join(root, "spec")).filter((c) => /^\d\d-.*\.md$/.test(c)).flatMap((c) => [...anchorsOf(c)]);
        for (const a of m[1]!.split(", ")) {
          cited++;
          if (!all.includes(a)) missing.push(`${file}: ${a}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(cited).toBeGreaterThan(10);
  });
});
