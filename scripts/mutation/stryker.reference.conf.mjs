// npm run mutation -- reference: every logic file of reference/ (not the index.ts barrel, not
// tests, not operator-format.ts: it draws operators for the HTML report's (I − L) only,
// and a backend never runs it).
import { strykerConfig } from "./stryker-config.mjs";

export default strykerConfig("reference", ["reference/**/*.ts", "!reference/**/*.test.ts", "!reference/index.ts", "!reference/operator-format.ts"]);
