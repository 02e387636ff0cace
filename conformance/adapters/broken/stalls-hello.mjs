#!/usr/bin/env node
// A broken backend that stalls in hello: it waits for a licence server that never answers before
// it says hello, so the first request never gets a reply (the process stays alive and idle).
// Otherwise the example. Expected: with --hello-timeout, the run's single outcome is the error
// "(hello)" with the fault "timeout" (spec: backend.timeout, backend.faults).
import { relay } from "./relay.mjs";

relay({ request: (r) => r.cmd !== "hello" });
