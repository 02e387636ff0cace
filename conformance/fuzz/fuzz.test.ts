/**
 * The fuzzers in `npm test`: the quick profile (a few hundred mutants of each kind, seconds), and
 * checks that the machinery can see what it looks for — a backend that throws a TypeError, a
 * reply that breaks the protocol — so that "no failures" means something.
 *
 * @see spec/08-backends.md#backend.faults
 */
import { describe, expect, it } from "vitest";
import { wrapInProcess } from "../backends/index.js";
import { reference } from "../../reference/index.js";
import { checkCaseFile, loadText } from "./check-case-file.js";
import { predictWire, sendOverWire } from "./check-reply.js";
import { corpusCases } from "./corpus-cases.js";
import { FUZZ_PROFILES } from "./fuzz-profiles.js";
import { knownFailure } from "./known-failures.js";
import { applyJsonMutations } from "./json-mutation.js";
import type { JsonValue } from "./json-value.js";
import { chunked } from "./reply-bytes.js";
import type { ReplyRecipe } from "./reply-mutant.js";
import { runFuzz } from "./run-fuzz.js";
import { runFuzzWatched } from "./run-fuzz-watched.js";
import { applyTextMutations } from "./text-mutation.js";

// Fixed so that reports stay comparable between runs; FUZZ_SEED explores others.
const SEED = Number(process.env["FUZZ_SEED"] ?? 20261127);

describe("fuzzing, quick profile", () => {
  for (const target of ["case-files", "replies"] as const) {
    it(`${target}: every mutant ends as a fault with a code, an outcome or a decoded reply (seed ${SEED})`, async () => {
      const result = await runFuzz(target, { seed: SEED, runs: FUZZ_PROFILES.quick[target] });
      const report = result.failures.filter((f) => knownFailure(f.error) === undefined).map((f) => `${f.error}\n  replay: npm run fuzz -- --target ${target} --seed ${f.seed} --path ${f.path}\n  ${f.counterexample.slice(0, 1500)}`);
      expect(report).toEqual([]);
      // A known failure ends its seed's run early; the run goes on with the next seed.
      expect(result.mutants).toBeGreaterThanOrEqual(FUZZ_PROFILES.quick[target] - result.failures.length);
    });
  }
});

describe("the case-file property can fail", () => {
  const text = JSON.stringify({ cases: [corpusCases().cases.find((c) => (c as { kind?: string }).kind === "graph")] });

  it("flags a backend that throws a TypeError", async () => {
    const broken = wrapInProcess({ ...reference, gradient: () => (null as unknown as { x: number }).x });
    await expect(checkCaseFile(text, { broken }, { judge: false })).rejects.toThrow(/gradient of case .* with broken threw: TypeError/);
  });

  it("flags a backend that reports E_INTERNAL", async () => {
    const internal = wrapInProcess({ ...reference, gradient: () => { throw { code: "E_INTERNAL", message: "broken invariant" }; } });
    await expect(checkCaseFile(text, { internal }, { judge: false })).rejects.toThrow(/E_INTERNAL/);
  });

  it("passes the unmutated corpus case and records error parity between backends", async () => {
    const disagreeing = wrapInProcess({ ...reference, gradient: () => { throw { code: "E_DOMAIN", message: "no" }; } });
    const v = await checkCaseFile(text, { reference: wrapInProcess(reference), disagreeing }, { judge: true });
    expect(v.faults).toEqual([]);
    expect(v.outcomes).toContain("pass");
    expect(v.disagreements).toHaveLength(1);
  });
});

describe("mutations", () => {
  it("leave the original value as it was and may add an own __proto__ member", () => {
    const root: JsonValue = { cases: [{ id: "a", args: ["x", "y"] }] };
    // Positions in pre-order: 0 root, 1 cases, 2 the case, 3 its id "a".
    const mutated = applyJsonMutations(root, [{ kind: "rename-key", at: 3, key: "__proto__" }]);
    expect(root).toEqual({ cases: [{ id: "a", args: ["x", "y"] }] });
    const c = (mutated as { cases: object[] }).cases[0] as object;
    expect(Object.keys(c)).toEqual(["args", "__proto__"]);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
  });

  it("swap args, pop rows and borrow strings", () => {
    const root: JsonValue = { args: ["x", "y"], m: [[1, 2], [3, 4]] };
    // Positions in pre-order: 0 root, 1 args, 2 "x", 3 "y", 4 m, 5 [1,2], 6 1, 7 2, 8 [3,4], …
    expect(applyJsonMutations(root, [{ kind: "swap", at: 2, other: 3 }])).toEqual({ args: ["y", "x"], m: [[1, 2], [3, 4]] });
    expect(applyJsonMutations(root, [{ kind: "pop", at: 8 }])).toEqual({ args: ["x", "y"], m: [[1, 2], [3]] });
    expect(applyJsonMutations(root, [{ kind: "borrow-string", at: 3, from: 0 }])).toEqual({ args: ["x", "x"], m: [[1, 2], [3, 4]] });
    // Regression (the thorough run): an array and a number inside it do not trade places (that made a cycle).
    expect(applyJsonMutations(root, [{ kind: "swap", at: 4, other: 6 }])).toEqual(root);
    // Regression (the thorough run): a case picked twice is two cases; swapping across them makes no cycle.
    const shared = { id: "c", of: { x: 1 } };
    // Positions: 0 root, 1 cases, 2 first case, 3 "c", 4 its of, 5 1, 6 second case, 7 its "c", 8 its of, 9 1.
    const twice = applyJsonMutations({ cases: [shared, shared] }, [{ kind: "swap", at: 4, other: 7 }]);
    expect(JSON.stringify(twice)).toBe('{"cases":[{"id":"c","of":"c"},{"id":{"x":1},"of":{"x":1}}]}');
  });

  it("at the text level: a flipped bit leaves a replacement character, a duplicate key is inserted after a brace", () => {
    expect(applyTextMutations('{"a":"é"}', [{ kind: "flip", at: 6, bit: 6 }])).toContain("\ufffd");
    expect(applyTextMutations('{"a":1}', [{ kind: "duplicate-key", nth: 0, member: '"a":2' }])).toBe('{"a":2,"a":1}');
    expect(loadText('{"cases":[],"cases":[]}').faults.map((f) => f.code)).toEqual(["E_JSON"]);
  });

  it("cut bytes into chunks that put the bytes back together", () => {
    const bytes = Buffer.from("0123456789");
    expect(Buffer.concat(chunked(bytes, [7, 3, 3, 0])).toString()).toBe("0123456789");
    expect(chunked(bytes, [7, 3]).map((b) => b.toString())).toEqual(["012", "3456", "789"]);
  });
});

describe("replies over a fake pipe end as backend.faults says", () => {
  const recipe = (line: string, ending: ReplyRecipe["ending"], cuts: number[] = []): ReplyRecipe => ({
    command: "gradient", base: null, mutations: [], textMutations: [], newline: false, cuts, ending,
    // The bytes are given directly through `line` (see wire() below).
  });
  async function wire(line: string, ending: ReplyRecipe["ending"], cuts: number[] = []): Promise<readonly string[]> {
    // replyBytes writes JSON.stringify(base): a base that is a string would be quoted, so the raw
    // line goes through a text mutation that replaces everything.
    const r = { ...recipe(line, ending, cuts), base: "", textMutations: [{ kind: "truncate" as const, at: 0 }, { kind: "insert" as const, at: 0, text: line }] };
    const { ends, predicted } = await sendOverWire(r);
    expect(ends[0]).toBe(predicted);
    return ends;
  }

  it("a valid reply, then a second line nobody asked for: the next request gets the protocol fault, the one after recovers", async () => {
    expect(await wire('{"id":1,"value":1,"gradient":{"x":"-0"}}\n{"id":9}\n', "stay")).toEqual(["decoded", "protocol", "decoded"]);
  });

  it("a partial line and an exit is a crash; a wrong id is a protocol fault; a non-UTF-8 byte in a string still decodes", async () => {
    expect(await wire('{"id":1,"val', "exit", [3])).toEqual(["crashed", "decoded", "decoded"]);
    expect(await wire('{"id":2,"value":1,"gradient":{}}\n', "stay")).toEqual(["protocol", "decoded", "decoded"]);
    expect((await wire('{"id":1,"value":1,"gradient":{"\xff":1}}\r\n', "stay", [20]))[0]).toBe("decoded");
  });

  it("NaN as a literal is not JSON; an error reply is a spec error", async () => {
    expect((await wire('{"id":1,"value":NaN,"gradient":{}}\n', "stay"))[0]).toBe("protocol");
    expect((await wire('{"id":1,"error":{"code":"E_DOMAIN","message":"m"}}\n', "stay"))[0]).toBe("spec-error");
    expect(predictWire("gradient", Buffer.from('{"id":1,"value":1}'), "stay")).toBe("timeout");
  });
});

describe("the watched runner", () => {
  it("runs a fuzzer in a child process and returns its counts", async () => {
    const result = await runFuzzWatched("replies", { seed: SEED, runs: 30 });
    expect(result.failures).toEqual([]);
    expect(result.mutants).toBe(30);
    expect(Object.values(result.stats).reduce((a, b) => a + b, 0)).toBe(60); // a direct and a wire end per mutant
  });
});
