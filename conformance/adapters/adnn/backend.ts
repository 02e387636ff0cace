/**
 * adnn 2.0.10 exactly as published, as an in-process backend: `--impl adnn`. Its matrix product's
 * gradient (`ad.tensor.dot`, `node_modules/adnn/ad/functions.js`) refers to a global `ad` that the
 * module never defines, so every case that differentiates through `matmul` throws
 * `ReferenceError: ad is not defined`: outcome "error" (spec/08-backends.md#backend.in-process).
 * That is adnn's bug, reported as such; `patched.ts` shows what adnn does without it.
 */
import { adnnBackend } from "./adapter.js";

export default adnnBackend("adnn");
