import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    // Stryker's sandbox copies the sources (npm run mutation); never collect its files.
    exclude: ["node_modules/**", ".stryker-tmp/**", "reports/**"],
    // Property tests over a thousand random graphs take seconds on a shared 2-core machine.
    testTimeout: 120_000,
  },
});
