/**
 * Resolving `--impl`: `impl` (imported only when named), `reference`, a named peer
 * (`named-peers.ts`: tfjs, jax-js, adnn, adnn-patched, pytorch), a path to a module whose default
 * export (or export named `backend`) is a backend object, or `cmd:<program and args>` for a
 * subprocess. Any failure to resolve throws an Error whose message says what was tried; the CLI
 * reports it as a bad flag.
 *
 * @see spec/08-backends.md#backend.select
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { reference } from "../../reference/index.js";
import type { Backend } from "./backend.js";
import { wrapInProcess, type InProcessModule } from "./in-process-backend.js";
import { isPeerName, NAMED_PEERS, resolvePeer } from "./named-peers.js";
import { splitCommand } from "./split-command.js";
import { createSubprocessBackend, type SubprocessOptions } from "./subprocess-backend.js";

export type LoadOptions = Omit<SubprocessOptions, "label">;

const KNOWN = `known: impl, reference, ${Object.keys(NAMED_PEERS).join(", ")}, a path to a module (e.g. ./my-backend.ts), cmd:<program and args>`;

const looksLikePath = (impl: string): boolean => /[/\\]/.test(impl) || impl.startsWith(".") || /\.[cm]?[jt]s$/.test(impl);

/** The backend `impl` names (the value of `--impl`); nothing is started until its first request. */
export async function loadBackend(impl: string, options: LoadOptions = {}): Promise<Backend> {
  const timeout = {
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.helloTimeoutMs !== undefined ? { helloTimeoutMs: options.helloTimeoutMs } : {}),
  };
  if (impl === "reference") return wrapInProcess(reference, { label: "reference", ...timeout });
  if (impl === "impl") return wrapInProcess((await import("../../impl/index.js")).impl, { label: "impl", ...timeout });
  if (isPeerName(impl)) {
    const peer = resolvePeer(impl);
    if ("argv" in peer) return createSubprocessBackend(peer.argv, { ...options, label: impl });
    return wrapInProcess(await importBackend(peer.module, impl), { label: impl, ...timeout });
  }
  if (impl.startsWith("cmd:")) {
    const argv = splitCommand(impl.slice("cmd:".length));
    if (argv.length === 0) throw new Error(`--impl ${JSON.stringify(impl)} names no program`);
    return createSubprocessBackend(argv, { ...options, label: impl });
  }
  if (!looksLikePath(impl)) throw new Error(`unknown --impl ${JSON.stringify(impl)}; ${KNOWN}`);
  const file = resolve(options.cwd ?? process.cwd(), impl);
  if (!existsSync(file)) throw new Error(`unknown --impl ${JSON.stringify(impl)}: there is no file ${file}`);
  return wrapInProcess(await importBackend(file, impl), { label: impl, ...timeout });
}

/** The backend object a module file exports (default, or else the export named `backend`). */
async function importBackend(file: string, impl: string): Promise<InProcessModule> {
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown; backend?: unknown };
  const candidate = (module.default ?? module.backend) as Partial<InProcessModule> | undefined;
  if (typeof candidate?.hello !== "function") {
    throw new Error(`--impl ${JSON.stringify(impl)}: the module's default export (or export named backend) is not a backend with hello()`);
  }
  return candidate as InProcessModule;
}
