/**
 * Where an installed package lives and its version, without `require("pkg/package.json")`
 * (packages with an `exports` map, like @jax-js/jax, do not export their package.json).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The folder holding `name`'s package.json. */
export function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const file = path.join(dir, "package.json");
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === name) return dir;
    } catch {
      // no package.json here: keep walking up
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json of ${name} not found`);
    dir = up;
  }
}

export const packageVersion = (name: string): string =>
  (JSON.parse(readFileSync(path.join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;
