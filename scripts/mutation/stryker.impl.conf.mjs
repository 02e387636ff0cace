// npm run mutation -- impl: every logic file of impl/ (not the index.ts barrel, tests, the
// testing/ helpers or the measure.ts benchmark script, which conform never runs).
import { strykerConfig } from "./stryker-config.mjs";

export default strykerConfig("impl", ["impl/**/*.ts", "!impl/**/*.test.ts", "!impl/index.ts", "!impl/testing/**", "!impl/measure.ts"]);
