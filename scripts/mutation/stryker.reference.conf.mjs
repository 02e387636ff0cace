// npm run mutation -- reference: every logic file of reference/ (not the index.ts barrel, not tests).
import { strykerConfig } from "./stryker-config.mjs";

export default strykerConfig("reference", ["reference/**/*.ts", "!reference/**/*.test.ts", "!reference/index.ts"]);
