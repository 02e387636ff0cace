// npm run mutation -- impl: every logic file of impl/ that a conformance backend runs — not the
// index.ts barrel, tests, the testing/ helpers, the measure.ts benchmark script, or graph-builder.ts
// (the programmatic GraphBuilder API that only measure.ts and the benchmarks use: conform never
// reaches it, so its mutants could only ever be "no coverage"; its own unit tests judge it).
import { strykerConfig } from "./stryker-config.mjs";

export default strykerConfig("impl", ["impl/**/*.ts", "!impl/**/*.test.ts", "!impl/index.ts", "!impl/testing/**", "!impl/measure.ts", "!impl/graph-builder.ts"]);
