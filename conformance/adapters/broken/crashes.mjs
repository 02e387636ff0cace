#!/usr/bin/env node
// A broken backend that crashes: an uncaught exception in its logdet rule kills the process (exit
// code 1, a stack trace on stderr) on every graph with a logdet node. Otherwise the example.
// Expected: those cases error with the fault "crashed"; the harness restarts it for the next.
import { primitivesOf, relay } from "./relay.mjs";

relay({
  request: (r) => {
    if (primitivesOf(r).includes("logdet")) throw new Error("logdet: pivot index out of range");
    return true;
  },
});
