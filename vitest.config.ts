import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**"],
    // Property tests over a thousand random graphs take seconds on a shared 2-core machine.
    testTimeout: 120_000,
  },
});
