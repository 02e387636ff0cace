// The JUnit report: counts, one testcase per outcome, escaping (spec: conform.outcome).
import { describe, expect, it } from "vitest";
import { junitXml } from "./junit-report.js";

describe("junitXml", () => {
  const xml = junitXml([
    { id: "prim.sin.scalar", file: "cases/a.json", status: "pass" },
    { id: "prim.cos.scalar", file: "cases/a.json", status: "fail", reason: 'gradient.x: expected 1 (case), got <2> & "3"\nmore' },
    { id: "sys.x", file: "cases/b.json", status: "error", reason: "backend threw: \u0007boom" },
    { id: "property.law.reversal", file: "(seed 1)", status: "skip", reason: "backend lacks the capability" },
  ]);
  it("counts per run and per suite", () => {
    expect(xml).toContain('<testsuites name="backslash-ad conform" tests="4" failures="1" errors="1" skipped="1">');
    expect(xml).toContain('<testsuite name="cases/a.json" tests="2" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<testsuite name="properties" tests="1" failures="0" errors="0" skipped="1">');
  });
  it("names test cases by their permanent ids and escapes reasons", () => {
    expect(xml).toContain('<testcase classname="cases/a.json" name="prim.sin.scalar"/>');
    expect(xml).toContain('<failure message="gradient.x: expected 1 (case), got &lt;2&gt; &amp; &quot;3&quot;">');
    expect(xml).toContain('<error message="backend threw: boom">');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });
});
