/**
 * Splitting the text after `cmd:` into a program and its arguments, as a POSIX shell splits words
 * but with nothing else a shell does: no variables, globs, redirections, pipes or `;`. The result
 * is passed to spawn without a shell.
 *
 * Rules: unquoted whitespace separates words; inside '…' every character is literal; inside "…" a
 * backslash escapes `"` and `\` (and is kept before any other character); outside quotes a
 * backslash makes the next character literal. Quotes join with adjacent text (`a"b c"` is one
 * word, `ab c`); `''` is an empty word.
 *
 * @see spec/08-backends.md#backend.command
 */

/** The words of `text`; throws on an unterminated quote or a trailing backslash. */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in ${JSON.stringify(text)}`);
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated " in ${JSON.stringify(text)}`);
        const c = text[i] as string;
        if (c === '"') break;
        if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) {
          word += text[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      inWord = true;
      i++;
    } else if (ch === "\\") {
      if (i + 1 >= text.length) throw new Error(`trailing \\ in ${JSON.stringify(text)}`);
      word += text[i + 1];
      inWord = true;
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
