// The HTML report as a person sees it, in a real browser (Debian chromium through playwright-core):
// `npm run conform -- --html` against a backend with tanh' = 1 − tanh, then the page is opened and
// read — counts, the failing case, the departing node highlighted, (I − L), the two plots — with
// every request routed so that the page may load nothing but itself (spec: conform.html).
// Without /usr/bin/chromium the test is skipped, or fails under BACKSLASH_CI=1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const ci = process.env["BACKSLASH_CI"] === "1";
const root = join(import.meta.dirname, "../..");
const SCREENSHOT = "/tmp/backslash-report-failure.png";

/**
 * The corpus files of the run: all but the NaN-policy cases (nan.json), where tanh' = 1 − tanh
 * cannot show (at NaN both are NaN, at ±∞ both are 0).
 */
const CASE_FILES = readdirSync(join(root, "conformance/cases")).filter((f) => f.endsWith(".json") && f !== "nan.json");

/** Corpus ids with "tanh" in them: with tanh' wrong, every one of them must fail. */
function tanhIds(): string[] {
  const dir = join(root, "conformance/cases");
  return CASE_FILES
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), "utf8")) as { cases: { id: string }[] }).cases.map((c) => c.id))
    .filter((id) => id.includes("tanh"));
}

function conform(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "conformance/cli.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
}

describe("the HTML report in a browser", () => {
  it.runIf(!present && ci)("needs chromium (BACKSLASH_CI=1)", () => {
    throw new Error(`chromium is missing at ${CHROMIUM}: CI must apt-get install chromium`);
  });

  it.skipIf(!present)(present ? "shows a tanh' = 1 − tanh run: counts, the failing case, where the adjoint departs, (I − L), both plots; loads nothing" : `skipped: chromium is missing at ${CHROMIUM}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "backslash-html-"));
    const file = join(dir, "report.html");
    const run = conform({ BROKEN: "tanhWrong" }, "--impl", "conformance/properties/testing/broken-module.ts", ...CASE_FILES.flatMap((f) => ["--cases", `conformance/cases/${f}`]), "--filter", "*tanh*", "--runs", "0", "--jobs", "1", "--report", join(dir, "run.jsonl"), "--html", file);
    expect(run.status, run.stderr).toBe(1); // the run's verdict is unchanged by --html
    const ids = tanhIds();
    expect(ids).toContain("graph.matrix-output.tanh-matmul");

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const url = pathToFileURL(file).href;
      const requests: string[] = [];
      await context.route("**/*", (route) => {
        requests.push(route.request().url());
        return route.request().url() === url ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      await page.goto(url);
      expect(requests).toEqual([url]);

      // The summary counts, as visible text.
      await expect.poll(() => page.locator("#count-failed").innerText()).toBe(`${ids.length} failed`);
      expect(await page.locator("#count-passed").innerText()).toBe("0 passed");
      expect(await page.locator("#count-errored").isVisible()).toBe(true);
      for (const id of ids) expect(await page.locator(".outcomes-table tr.fail code", { hasText: id }).first().isVisible(), id).toBe(true);

      // The failing case F = tanh(W·X): tanh's edge into Z is wrong, so Z's adjoint departs first.
      const section = page.locator("section.failure", { has: page.locator("h3 code", { hasText: "graph.matrix-output.tanh-matmul" }) });
      await section.scrollIntoViewIfNeeded();
      expect(await section.locator("h3").isVisible()).toBe(true);
      const box = section.locator("svg.graph g.departs");
      expect(await box.count()).toBe(1);
      expect(await box.getAttribute("aria-label")).toBe("Z: matmul — the adjoint departs here");
      expect(await box.isVisible()).toBe(true);
      const rect = box.locator("rect").last();
      expect(await rect.evaluate((e) => getComputedStyle(e).fill)).toBe("rgb(253, 226, 225)");
      expect(await rect.evaluate((e) => getComputedStyle(e).stroke)).toBe("rgb(198, 40, 40)");

      // (I − L): Z's row highlighted, holding matmul's edges −ℛ(X), −ℒ(W); F's row holds −ℋ(tanh′(Z)).
      const row = section.locator("table.matrix tr.departs");
      expect(await row.locator("th").innerText()).toMatch(/^Z\s+matmul$/);
      expect(await row.locator("td").first().evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(253, 226, 225)");
      expect(await row.locator("td").allInnerTexts()).toEqual(["−ℛ(X)", "−ℒ(W)", "𝓘", ""]);
      const gathered = section.locator("table.matrix td.gathered");
      expect(await gathered.allInnerTexts()).toEqual(["−ℋ(tanh′(Z))"]);
      expect(await gathered.isVisible()).toBe(true);

      // The worst element says which side is which.
      expect(await section.locator("table.worst").innerText()).toMatch(/expected \(case[^)]*\)\s+0\.299727393/);

      // Both plots, with their axis labels on screen.
      for (const [plot, labels] of [["fd", ["step h", "|D(h) − ⟨g, v⟩|"]], ["taylor", ["step h", "remainder R(h)"]]] as const) {
        const svg = section.locator(`svg.plot[id$="-${plot}"]`);
        await svg.scrollIntoViewIfNeeded();
        expect(await svg.isVisible(), plot).toBe(true);
        expect(await svg.locator("polyline.series").count(), plot).toBeGreaterThanOrEqual(2);
        for (const label of labels) expect(await svg.locator("text.axis-label", { hasText: label }).isVisible(), `${plot}: ${label}`).toBe(true);
      }
      expect(await section.locator(`svg.plot[id$="-taylor"] .legend-entry`, { hasText: "slope 2 (right gradient)" }).isVisible()).toBe(true);

      await section.screenshot({ path: SCREENSHOT });
      expect(requests).toEqual([url]);
    } finally {
      await browser.close();
    }

    // The same page from the saved JSON-lines report, by the report subcommand.
    const again = join(dir, "again.html");
    const r = conform({}, "report", join(dir, "run.jsonl"), "--html", again);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(again, "utf8");
    expect(html).toContain(`>${ids.length} failed<`);
    expect(html).toContain('aria-label="Z: matmul — the adjoint departs here"');
  }, 180_000);
});
