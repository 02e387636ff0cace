// spec/schema/protocol.schema.json is documentation as much as a validator: $id, title and a
// description on every property and definition, strict compilation, and it accepts exactly what
// the harness sends and what a correct backend replies (spec: backend.schema).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCaseFiles } from "../load/index.js";
import { caseForBackend, encodeMessage, PROTOCOL_SCHEMA_ID, protocolProblem } from "./index.js";

type Json = Record<string, unknown>;
const schema = JSON.parse(readFileSync("spec/schema/protocol.schema.json", "utf8")) as Json;

/** Every subschema that names a property or a definition, with its path; conditions under `if` test values, they define none. */
function* named(s: unknown, path: string): Generator<[string, Json]> {
  if (s === null || typeof s !== "object") return;
  for (const [key, value] of Object.entries(s as Json)) {
    if (key === "properties" || key === "$defs") {
      for (const [name, sub] of Object.entries(value as Json)) {
        yield [`${path}/${key}/${name}`, sub as Json];
        yield* named(sub, `${path}/${key}/${name}`);
      }
    } else if (typeof value === "object" && !["enum", "const", "if"].includes(key)) {
      yield* named(value, `${path}/${key}`);
    }
  }
}

const corpus = loadCaseFiles(["conformance/cases"]).cases;
const CMD = { graph: "gradient", system: "solve", operator: "apply" } as const;
const requests = corpus.map((l, i) => ({ cmd: CMD[l.case.kind], id: i + 1, case: caseForBackend(l.case) }));

describe("the protocol schema", () => {
  it("has $schema 2020-12, its $id, a title, and a description on every property and definition", () => {
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe(PROTOCOL_SCHEMA_ID);
    expect(schema["title"]).toEqual(expect.any(String));
    const undocumented = [...named(schema, "")].filter(([, s]) => !(typeof s["description"] === "string" && s["description"] !== "")).map(([p]) => p);
    expect(undocumented).toEqual([]);
  });

  it("accepts every request the harness sends for the corpus, hello and bye (compiled in strict mode)", () => {
    expect(requests.length).toBeGreaterThan(200);
    for (const r of [{ cmd: "hello", protocol: 1 }, { cmd: "bye" }, ...requests]) {
      expect(protocolProblem("request", JSON.parse(encodeMessage(r))), (r as { case?: { id: string } }).case?.id ?? r.cmd).toBeUndefined();
    }
    const leaky = { ...requests[0], case: corpus[0]?.case };
    expect(protocolProblem("request", leaky)).toMatch(/^at \/case: must NOT be valid/);
  });

  it("names a fault of the whole message by words, not as the pointer \"/\" (spec: error.message)", () => {
    // RFC 6901: "" is the whole document, "/" the member named "" — which a reply never has.
    expect(protocolProblem("helloReply", 5)).toMatch(/^at the document root: /);
  });

  it("accepts every reply of the example backend on the corpus", () => {
    const input = [{ cmd: "hello", protocol: 1 }, ...requests, { cmd: "bye" }].map((r) => `${encodeMessage(r)}\n`).join("");
    const run = spawnSync(process.execPath, ["conformance/adapters/example/backend.mjs"], { input, encoding: "utf8" });
    expect(run.status).toBe(0);
    const replies = run.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Json);
    expect(replies).toHaveLength(requests.length + 1);
    expect(protocolProblem("helloReply", replies[0])).toBeUndefined();
    for (const [i, reply] of replies.slice(1).entries()) {
      expect(reply["id"]).toBe(i + 1);
      expect(protocolProblem("reply", reply), JSON.stringify(reply).slice(0, 200)).toBeUndefined();
      expect(protocolProblem("error" in reply ? "errorReply" : `${requests[i]?.cmd}Reply`, reply)).toBeUndefined();
    }
  });
});
