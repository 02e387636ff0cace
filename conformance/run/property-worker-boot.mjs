// Entry of a property-pool worker thread. On Node 20 a worker does not inherit the parent's tsx
// loader for a .ts entry (even with the parent's execArgv it fails: "Unknown file extension .ts"),
// so register tsx here, then load the TypeScript body. Works under `tsx`, `node --import tsx`,
// the bin scripts/conform.mjs and vitest alike.
import { register } from "tsx/esm/api";

register();
await import("./property-worker.ts");
