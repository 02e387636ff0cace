#!/usr/bin/env node
// A broken backend that lies about its capabilities: its hello (copied from a template) declares
// "forward", but it has no forward mode and answers every jvp request with an error code the spec
// does not define. Otherwise the example. Expected: the forward-reverse property errors — a
// declared capability that does not work is the backend's fault, never a skip.
import { relay, writeLine } from "./relay.mjs";

relay({
  request: (r) => {
    if (r.cmd !== "jvp") return true;
    writeLine({ id: r.id, error: { code: "E_NOT_IMPLEMENTED", message: "jvp: forward mode is not implemented" } });
    return false;
  },
});
