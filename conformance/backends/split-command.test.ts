// `cmd:` text → argument vector, with quotes but nothing else a shell does (spec: backend.command).
import { describe, expect, it } from "vitest";
import { splitCommand } from "./split-command.js";

describe("splitCommand", () => {
  it("splits on unquoted whitespace", () => {
    expect(splitCommand("node  backend.mjs\t--fast ")).toEqual(["node", "backend.mjs", "--fast"]);
    expect(splitCommand("   ")).toEqual([]);
  });

  it("keeps quoted text together, literally", () => {
    expect(splitCommand(`python3 'my dir/b.py' "a \\"b\\" c" 'x\\y'`)).toEqual(["python3", "my dir/b.py", 'a "b" c', "x\\y"]);
    expect(splitCommand(`a"b c"d '' ""`)).toEqual(["ab cd", "", ""]);
    expect(splitCommand("a\\ b c\\'d")).toEqual(["a b", "c'd"]);
  });

  it("gives shell syntax no meaning", () => {
    expect(splitCommand("prog ; rm -rf / && echo $HOME `id` $(id) > out | cat *")).toEqual([
      "prog", ";", "rm", "-rf", "/", "&&", "echo", "$HOME", "`id`", "$(id)", ">", "out", "|", "cat", "*",
    ]);
  });

  it("rejects unterminated quotes and a trailing backslash", () => {
    expect(() => splitCommand("node 'a")).toThrow(/unterminated '/);
    expect(() => splitCommand('node "a')).toThrow(/unterminated "/);
    expect(() => splitCommand("node a\\")).toThrow(/trailing \\/);
  });
});
