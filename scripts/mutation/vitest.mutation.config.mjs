// The vitest project StrykerJS runs (npm run mutation): only the conformance suite as tests
// (scripts/mutation/conformance-suite.mutation.ts), never the unit tests.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["scripts/mutation/conformance-suite.mutation.ts"],
    exclude: ["node_modules/**", "reports/**"],
    testTimeout: 60_000,
  },
});
