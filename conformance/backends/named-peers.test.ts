// Named peers of --impl (spec/08-backends.md#backend.select): the table's resolution against the
// repository root whatever the adapters' state (they are written elsewhere), a missing adapter as
// a bad flag, and the default expectations file as the CLI applies and prints it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultExpectations, isPeerName, NAMED_PEERS, REPO_ROOT, resolvePeer } from "./named-peers.js";

// Where this test file lives says where the root is, independently of named-peers.ts's own URL.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const everything = (): boolean => true;

describe("the named peers table", () => {
  it("names exactly the five peers; the root is the repository's (it has package.json and conformance/cli.ts)", () => {
    expect(Object.keys(NAMED_PEERS).sort()).toEqual(["adnn", "adnn-patched", "jax-js", "pytorch", "tfjs"]);
    expect(REPO_ROOT).toBe(ROOT);
    expect(isPeerName("adnn")).toBe(true);
    expect(isPeerName("toString")).toBe(false); // own members only, not Object.prototype's
    expect(isPeerName("./adnn")).toBe(false);
  });

  it("resolves modules, the pytorch program and the expectations files against the given root", () => {
    const root = "/some/checkout";
    const at = (p: string) => `${root}/${p}`;
    expect(resolvePeer("tfjs", root, everything)).toEqual({ name: "tfjs", module: at("conformance/adapters/tfjs/backend.ts"), expectations: at("conformance/adapters/tfjs/expectations.json") });
    expect(resolvePeer("jax-js", root, everything)).toEqual({ name: "jax-js", module: at("conformance/adapters/jax-js/backend.ts"), expectations: at("conformance/adapters/jax-js/expectations.json") });
    expect(resolvePeer("adnn", root, everything)).toEqual({ name: "adnn", module: at("conformance/adapters/adnn/backend.ts") });
    expect(resolvePeer("adnn-patched", root, everything)).toEqual({ name: "adnn-patched", module: at("conformance/adapters/adnn/patched.ts"), expectations: at("conformance/adapters/adnn/expectations.json") });
    expect(resolvePeer("pytorch", root, everything)).toEqual({ name: "pytorch", argv: ["/usr/bin/python3", at("conformance/adapters/pytorch/backend.py")], expectations: at("conformance/adapters/pytorch/expectations.json") });
  });

  it("a missing adapter file is an error naming the file", () => {
    const empty = mkdtempSync(join(tmpdir(), "peers-"));
    expect(() => resolvePeer("tfjs", empty)).toThrow(`--impl tfjs: its adapter needs ${join(empty, "conformance/adapters/tfjs/backend.ts")}, which does not exist`);
    expect(() => resolvePeer("pytorch", empty, (f) => f === "/usr/bin/python3")).toThrow(/--impl pytorch: its adapter needs .*conformance\/adapters\/pytorch\/backend\.py, which does not exist/);
    expect(() => resolvePeer("pytorch", empty, () => false)).toThrow("--impl pytorch: its adapter needs /usr/bin/python3, which does not exist");
  });

  it("a default expectations file counts only when the peer has one and it exists", () => {
    const root = mkdtempSync(join(tmpdir(), "peers-"));
    mkdirSync(join(root, "conformance/adapters/tfjs"), { recursive: true });
    mkdirSync(join(root, "conformance/adapters/adnn"), { recursive: true });
    expect(defaultExpectations("tfjs", root)).toBeUndefined();
    writeFileSync(join(root, "conformance/adapters/tfjs/expectations.json"), '{"expectations": []}');
    writeFileSync(join(root, "conformance/adapters/adnn/expectations.json"), '{"expectations": []}');
    expect(defaultExpectations("tfjs", root)).toBe(join(root, "conformance/adapters/tfjs/expectations.json"));
    expect(defaultExpectations("adnn-patched", root)).toBe(join(root, "conformance/adapters/adnn/expectations.json"));
    expect(defaultExpectations("adnn", root)).toBeUndefined(); // the published adnn: none, on purpose
    expect(defaultExpectations("conformance/adapters/adnn/patched.ts", root)).toBeUndefined(); // a path is not a name
  });
});

describe("--impl <peer> from another working directory (the CLI)", () => {
  const cases = join(ROOT, "conformance/cases");
  // `--import tsx` would resolve tsx from the working directory, which here is elsewhere.
  const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  // A fresh directory, so the repository is never inside it (a clone may live in the tmpdir itself).
  const elsewhere = mkdtempSync(join(tmpdir(), "peers-cwd-"));
  const conform = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", TSX, join(ROOT, "conformance/cli.ts"), "--cases", cases, "--runs", "0", ...args], { encoding: "utf8", cwd: elsewhere });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.trimEnd().split("\n") };
  };

  it("adnn-patched applies its own expectations file and says so first; --expectations none turns them back into failures", () => {
    const r = conform("--impl", "adnn-patched", "--filter", "prim.*zero*");
    expect(r.status).toBe(0);
    // The file is outside the working directory: its absolute path.
    expect(r.lines[0]).toBe(`expectations: ${join(ROOT, "conformance/adapters/adnn/expectations.json")} (15 known failures)`);
    expect(r.stdout).toMatch(/^conform: \d+ passed, 0 failed, 3 skipped$/m); // sqrt at −0 and pow(0, 0), scalar and matrix
    expect(r.stdout).toMatch(/prim\.sqrt\.negative-zero-edge \(known failure/);
    const none = conform("--impl", "adnn-patched", "--filter", "prim.*zero*", "--expectations", "none");
    expect(none.status).toBe(1);
    expect(none.stdout).not.toMatch(/^expectations:/m);
    expect(none.stdout).toMatch(/^FAIL  prim\.sqrt\.negative-zero-edge /m);
    expect(none.stdout).toMatch(/^FAIL  prim\.pow\.zero-exponent-zero-base /m);
  });

  it("adnn (published) has no expectations file; an unknown name lists the peers (exit 2)", () => {
    const r = conform("--impl", "adnn", "--filter", "prim.matmul.*");
    expect(r.status).toBe(1);
    expect(r.lines[0]).toBe("ERROR prim.matmul.rectangular (" + join(cases, "primitives-matrix.json") + ")");
    const bad = conform("--impl", "torch");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown --impl "torch"; known: impl, reference, tfjs, jax-js, adnn, adnn-patched, pytorch, a path');
  });
});
