// Test fixture for the property pool: the reference, except that its first gradient request
// throws from a timer — an uncaught exception that ends the thread it runs in (in a pool worker,
// that worker; run in the harness's own thread it would end the harness). Its other requests
// are the reference's, so properties without gradients still pass.
import { reference } from "../../reference/index.js";

export default {
  ...reference,
  gradient: (): Promise<never> =>
    new Promise(() =>
      setTimeout(() => {
        throw new Error("pool-crash-fixture: the backend blew up its thread");
      }, 0),
    ),
};
