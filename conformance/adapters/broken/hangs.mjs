#!/usr/bin/env node
// A broken backend that hangs: its solve handler waits for a worker that never started, so a
// system case is never answered (the process stays alive and idle). Otherwise the example.
// Expected: solve requests time out; after a few in a row the harness stops sending cases
// (spec: backend.unresponsive).
import { relay } from "./relay.mjs";

relay({ request: (r) => r.cmd !== "solve" });
