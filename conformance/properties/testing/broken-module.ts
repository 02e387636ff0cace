// A broken backend as a module, for `npm run conform -- --impl <this file>` (selected by the
// environment variable BROKEN, a key of BROKEN in broken-backends.ts). Used by the CLI test.
import { BROKEN } from "./broken-backends.js";

const name = (process.env["BROKEN"] ?? "tanhWrong") as keyof typeof BROKEN;
export default BROKEN[name];
