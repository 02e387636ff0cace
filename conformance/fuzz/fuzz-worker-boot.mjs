// Entry of a fuzzer's worker thread. On Node 20 a worker does not inherit the parent's tsx loader
// for a .ts entry, so register tsx here, then load the TypeScript body (as run/property-worker-boot.mjs).
import { register } from "tsx/esm/api";

register();
await import("./fuzz-worker.ts");
