/**
 * adnn 2.0.10 with the minimal patch for its one crash: `--impl adnn-patched`. The patch is the
 * ONLY difference from `backend.ts` (same adapter, same translations; the name differs only so
 * that reports tell them apart): adnn's matmul gradient (`ad.tensor.dot` in
 * `node_modules/adnn/ad/functions.js`) reads a free variable `ad` that the module never binds, so
 * it is bound here as a global to adnn's own `ad` module. Being global, the patch also reaches a
 * published adnn loaded later in the same thread; the CLI loads one backend per process or worker.
 */
import { createRequire } from "node:module";
import { adnnBackend } from "./adapter.js";

(globalThis as { ad?: unknown }).ad = createRequire(import.meta.url)("adnn/ad");

export default adnnBackend("adnn-patched");
