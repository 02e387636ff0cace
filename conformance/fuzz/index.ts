/**
 * Fuzzing: mutants of valid case files and of protocol replies, checked for uncaught exceptions
 * and hangs (issue 7). `npm run fuzz`; the quick profile runs in `npm test`.
 *
 * @see spec/05-cases.md#case.file
 * @see spec/08-backends.md#backend.faults
 */
export { caseFileRecipe, caseFileText, type CaseFileRecipe } from "./case-file-mutant.js";
export { checkCaseFile, JUDGED_NODES, loadText, type CaseFileVerdict } from "./check-case-file.js";
export { predictWire, readDirectly, sendOverWire, type ReplyEnd } from "./check-reply.js";
export { checkReplyMutant } from "./check-reply-mutant.js";
export { corpusCases } from "./corpus-cases.js";
export { fakeChild, type FakeAnswer } from "./fake-child.js";
export { FUZZ_PROFILES, FUZZ_TARGETS, type FuzzProfile, type FuzzTarget } from "./fuzz-profiles.js";
export { describeThrown, FuzzViolation } from "./fuzz-violation.js";
export { applyJsonMutations, jsonMutation, VOCABULARY, type JsonMutation } from "./json-mutation.js";
export type { JsonValue } from "./json-value.js";
export { KNOWN_FAILURES, knownFailure, type KnownFailure } from "./known-failures.js";
export { nastyValue, PROTOTYPE_NAMES } from "./nasty-value.js";
export { chunked, replyBytes } from "./reply-bytes.js";
export { replyRecipe, type ReplyCommand, type ReplyRecipe } from "./reply-mutant.js";
export { failureSignature, MAX_HITS, runFuzz, type FuzzFailure, type FuzzRunOptions, type FuzzRunResult } from "./run-fuzz.js";
export { runFuzzWatched, type WatchedOptions } from "./run-fuzz-watched.js";
export { applyTextMutations, textMutation, type TextMutation } from "./text-mutation.js";
