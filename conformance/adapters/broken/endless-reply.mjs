#!/usr/bin/env node
// A broken backend whose reply never ends: for every graph with an exp node it starts a reply line
// and keeps writing numbers into it, never a line break (an unbounded loop in a serializer).
// Otherwise the example. Expected: those cases error with the fault "protocol", "a reply line
// longer than 64 MiB", the harness's memory stays bounded, and the next request gets a fresh
// process (spec: backend.line-limit, backend.restart).
import { primitivesOf, relay } from "./relay.mjs";

const block = "1,".repeat(32768);

/** Writes as fast as the pipe drains (never faster, so this process's memory stays small too). */
function more() {
  while (process.stdout.write(block));
  process.stdout.once("drain", more);
}

relay({
  request: (r) => {
    if (!primitivesOf(r).includes("exp")) return true;
    process.stdout.write(`{"id":${r.id},"value":[`);
    more();
    return false;
  },
});
