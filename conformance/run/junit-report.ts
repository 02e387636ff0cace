/**
 * The JUnit XML report (`--junit <file>`) that CI systems read: one testsuite per case file (and
 * one for the properties), one testcase per outcome, with `failure`, `error` or `skipped` and the
 * reason. Names are the permanent case ids, so reports diff across runs.
 *
 * @see spec/06-conformance.md#conform.outcome
 */
import { writeFileSync } from "node:fs";
import type { Outcome } from "./outcome.js";

const escape = (s: string): string =>
  // XML 1.0 forbids most control characters even escaped; drop them.
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function junitXml(outcomes: readonly Outcome[], name = "backslash-ad conform"): string {
  const suites = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const suite = o.id.startsWith("property.") ? "properties" : o.file || "(run)";
    suites.set(suite, [...(suites.get(suite) ?? []), o]);
  }
  const count = (os: readonly Outcome[], s: Outcome["status"]): number => os.filter((o) => o.status === s).length;
  const body = [...suites].map(([suite, os]) => {
    const cases = os.map((o) => {
      const open = `    <testcase classname="${escape(suite)}" name="${escape(o.id)}"`;
      const message = escape((o.reason ?? o.status).split("\n")[0] as string);
      const detail = escape(o.reason ?? "");
      switch (o.status) {
        case "pass":
          return `${open}/>`;
        case "fail":
          return `${open}>\n      <failure message="${message}">${detail}</failure>\n    </testcase>`;
        case "error":
          return `${open}>\n      <error message="${message}">${detail}</error>\n    </testcase>`;
        case "skip":
          return `${open}>\n      <skipped message="${message}"/>\n    </testcase>`;
      }
    });
    return `  <testsuite name="${escape(suite)}" tests="${os.length}" failures="${count(os, "fail")}" errors="${count(os, "error")}" skipped="${count(os, "skip")}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escape(name)}" tests="${outcomes.length}" failures="${count(outcomes, "fail")}" errors="${count(outcomes, "error")}" skipped="${count(outcomes, "skip")}">\n${body.join("\n")}\n</testsuites>\n`;
}

export function writeJunit(path: string, outcomes: readonly Outcome[]): void {
  writeFileSync(path, junitXml(outcomes));
}
