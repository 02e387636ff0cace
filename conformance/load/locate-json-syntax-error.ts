/**
 * Where a text stops being JSON (RFC 8259), for messages that name a line and column.
 *
 * JSON.parse decides whether a text is JSON; this scanner explains a failure the same way on every
 * engine (V8 omits the position for some errors) and can also find a repeated member name, which
 * JSON.parse silently resolves to the last one. Conventions: `s` is the text, `i` the offset
 * (UTF-16 code units) of the next character; lines and columns count from 1.
 *
 * @see spec/05-cases.md#case.file
 */
import { quote } from "../../reference/errors.js";

/** The first syntax error in a text: its offset, line, column and the problem in words. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

/** What counts as an error besides syntax. */
export interface JsonScanOptions {
  /** A member name repeated within one object (RFC 8259 only says SHOULD be unique). Default false. */
  readonly rejectDuplicateNames?: boolean;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
    readonly showFound = true,
  ) {}
}

/**
 * Locate the first syntax error in `text` (or repeated member name, if asked), or return undefined
 * if there is none. Nesting deeper than the call stack allows also returns undefined (the caller
 * then has no position to report).
 */
export function locateJsonSyntaxError(text: string, options: JsonScanOptions = {}): JsonSyntaxError | undefined {
  try {
    const end = skipSpace(text, value(text, skipSpace(text, 0), options.rejectDuplicateNames ?? false));
    if (end < text.length) throw new Stop(end, "expected the end of input after the JSON value");
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) return undefined;
    const before = text.slice(0, e.offset);
    const line = before.split("\n").length;
    const column = e.offset - before.lastIndexOf("\n");
    const found = e.offset < text.length ? show(text.slice(e.offset, e.offset + 1)) : "end of input";
    return { offset: e.offset, line, column, problem: e.showFound ? `${e.problem}, found ${found}` : e.problem };
  }
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && " \t\n\r".includes(s[i] as string)) i++;
  return i;
}

function value(s: string, i: number, unique: boolean): number {
  const c = s[i];
  if (c === "{") {
    const names = new Set<string>();
    return members(s, i, "}", (j) => {
      if (s[j] !== '"') throw new Stop(j, "expected a property name in double quotes");
      const end = string(s, j);
      const name = JSON.parse(s.slice(j, end)) as string;
      if (unique && names.has(name)) throw new Stop(j, `member name ${quote(name)} repeated in one object`, false);
      names.add(name);
      const k = skipSpace(s, end);
      if (s[k] !== ":") throw new Stop(k, "expected ':' after the property name");
      return value(s, skipSpace(s, k + 1), unique);
    });
  }
  if (c === "[") return members(s, i, "]", (j) => value(s, j, unique));
  if (c === '"') return string(s, i);
  if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number(s, i);
  const word = c === "t" ? "true" : c === "f" ? "false" : c === "n" ? "null" : undefined;
  if (word === undefined) throw new Stop(i, "expected a value");
  for (let k = 1; k < word.length; k++) if (s[i + k] !== word[k]) throw new Stop(i + k, `expected ${word}`);
  return i + word.length;
}

/** An object or array: `open`, then members separated by commas, then `close`. */
function members(s: string, i: number, close: string, member: (j: number) => number): number {
  let j = skipSpace(s, i + 1);
  if (s[j] === close) return j + 1;
  for (;;) {
    j = skipSpace(s, member(j));
    if (s[j] === close) return j + 1;
    if (s[j] !== ",") throw new Stop(j, `expected ',' or '${close}'`);
    j = skipSpace(s, j + 1);
  }
}

function string(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const c = s[j];
    if (c === undefined) throw new Stop(j, "expected a closing '\"'");
    if (c === '"') return j + 1;
    if (c < " ") throw new Stop(j, "a control character must be escaped inside a string");
    if (c === "\\") {
      const e = s[j + 1];
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) j += 6;
      else if (e !== undefined && '"\\/bfnrt'.includes(e)) j += 2;
      else throw new Stop(j + 1, "expected an escape (one of \" \\ / b f n r t uXXXX)");
    } else j++;
  }
}

function number(s: string, i: number): number {
  const re = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  re.lastIndex = i;
  const m = re.exec(s);
  if (m === null) throw new Stop(s[i] === "-" ? i + 1 : i, "expected a digit");
  const [text, integer, fraction, exponent] = m;
  const end = i + text.length;
  const next = s[end] ?? "";
  if (exponent === undefined) {
    if (fraction === undefined && next === ".") throw new Stop(end + 1, "expected a digit after '.'");
    if (next === "e" || next === "E") {
      throw new Stop(end + 1 + (/[+-]/.test(s[end + 1] ?? "") ? 1 : 0), "expected a digit in the exponent");
    }
    if (fraction === undefined && integer === "0" && next >= "0" && next <= "9") {
      throw new Stop(end, "a number must not start with 0 followed by a digit");
    }
  }
  return end;
}

/** A character as a JSON string; invisible ones (controls, byte-order mark) as \\uXXXX. */
function show(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x20 && code !== 0xfeff) return JSON.stringify(c);
  return `"\\u${code.toString(16).padStart(4, "0").toUpperCase()}"`;
}
