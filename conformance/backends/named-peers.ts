/**
 * The named peers of `--impl`: other AD libraries behind adapters in `conformance/adapters/`, each
 * named by one word. A name stands for a module loaded in process or a program started without a
 * shell, its paths resolved against the repository root (not the working directory), and it may
 * carry a default expectations file, applied when that file exists and `--expectations` is not
 * given.
 *
 * @see spec/08-backends.md#backend.select
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: two folders above this file. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Paths are relative to the repository root. */
export type NamedPeer =
  | { readonly module: string; readonly expectations?: string }
  | { readonly program: string; readonly script: string; readonly expectations?: string };

export const NAMED_PEERS = {
  tfjs: { module: "conformance/adapters/tfjs/backend.ts", expectations: "conformance/adapters/tfjs/expectations.json" },
  "jax-js": { module: "conformance/adapters/jax-js/backend.ts", expectations: "conformance/adapters/jax-js/expectations.json" },
  // adnn as published has no expectations file: its failures are the point of running it.
  adnn: { module: "conformance/adapters/adnn/backend.ts" },
  "adnn-patched": { module: "conformance/adapters/adnn/patched.ts", expectations: "conformance/adapters/adnn/expectations.json" },
  // Debian's python3-torch is installed for /usr/bin/python3 only, not for any python3 on PATH.
  pytorch: { program: "/usr/bin/python3", script: "conformance/adapters/pytorch/backend.py", expectations: "conformance/adapters/pytorch/expectations.json" },
} as const satisfies Record<string, NamedPeer>;

export type PeerName = keyof typeof NAMED_PEERS;

/** A named peer with absolute paths: what to load or start, and its default expectations file. */
export type ResolvedPeer =
  | { readonly name: PeerName; readonly module: string; readonly expectations?: string }
  | { readonly name: PeerName; readonly argv: readonly string[]; readonly expectations?: string };

export const isPeerName = (impl: string): impl is PeerName => Object.hasOwn(NAMED_PEERS, impl);

/**
 * The peer `name` resolved against `root`; throws an Error naming the missing file when its
 * adapter (module, or program and script) does not exist. `exists` is for tests.
 */
export function resolvePeer(name: PeerName, root: string = REPO_ROOT, exists: (path: string) => boolean = existsSync): ResolvedPeer {
  const peer: NamedPeer = NAMED_PEERS[name];
  const expectations = peer.expectations === undefined ? {} : { expectations: resolve(root, peer.expectations) };
  const files = "module" in peer ? [resolve(root, peer.module)] : [peer.program, resolve(root, peer.script)];
  const missing = files.find((f) => !exists(f));
  if (missing !== undefined) throw new Error(`--impl ${name}: its adapter needs ${missing}, which does not exist`);
  return "module" in peer
    ? { name, module: files[0] as string, ...expectations }
    : { name, argv: files, ...expectations };
}

/** The default expectations file of `impl` (absolute), if it names a peer that has one and it exists. */
export function defaultExpectations(impl: string, root: string = REPO_ROOT): string | undefined {
  if (!isPeerName(impl)) return undefined;
  const file: string | undefined = (NAMED_PEERS[impl] as NamedPeer).expectations;
  const path = file === undefined ? undefined : resolve(root, file);
  return path !== undefined && existsSync(path) ? path : undefined;
}
