#!/usr/bin/env node
// A broken backend that prints garbage: a leftover debug print writes a line on stdout before its
// reply to every graph case with a matmul node. Otherwise the example.
// Expected: those cases error with the fault "protocol" (the line is not JSON); the harness kills
// the process and restarts it for the next request.
import { primitivesOf, relay } from "./relay.mjs";

relay({
  reply: (m, r) => {
    if (r !== undefined && primitivesOf(r).includes("matmul")) process.stdout.write(`debug: matmul in case ${r.case.id}\n`);
    return m;
  },
});
