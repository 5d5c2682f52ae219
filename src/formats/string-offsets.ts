/**
 * Where each character of a decoded string literal sits in its file: for a query held in a
 * TOML basic string (`"..."`, `"""..."""`) or a JSON string, whose escapes make the decoded
 * query differ from the file text. Diagnostics on the query can then point into the file.
 */

const SIMPLE: Readonly<Record<string, string>> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001b',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

/**
 * Decode the string whose content starts at `start` and ends before `close` (the closing
 * delimiter), recording the file offset of every decoded UTF-16 unit plus one entry for the
 * end. `multiline` enables TOML's line-ending backslash. Returns undefined when an escape is
 * not understood.
 */
export function decodeWithOffsets(
  text: string,
  start: number,
  close: string,
  multiline: boolean,
): { value: string; offsets: number[] } | undefined {
  let value = '';
  const offsets: number[] = [];
  let i = start;
  while (i < text.length && !text.startsWith(close, i)) {
    const c = text[i]!;
    if (c !== '\\') {
      value += c;
      offsets.push(i);
      i++;
      continue;
    }
    const next = text[i + 1] ?? '';
    if (next in SIMPLE) {
      value += SIMPLE[next];
      offsets.push(i);
      i += 2;
    } else if (next === 'u' || next === 'U') {
      const width = next === 'u' ? 4 : 8;
      const hex = text.slice(i + 2, i + 2 + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
      const ch = String.fromCodePoint(Number.parseInt(hex, 16));
      for (let k = 0; k < ch.length; k++) offsets.push(i);
      value += ch;
      i += 2 + width;
    } else if (multiline && /[ \t\r\n]/.test(next)) {
      // A line-ending backslash drops the newline and the whitespace that follows.
      let j = i + 1;
      while (j < text.length && /[ \t]/.test(text[j]!)) j++;
      if (text[j] !== '\n' && text[j] !== '\r') return undefined;
      while (j < text.length && /[ \t\r\n]/.test(text[j]!)) j++;
      i = j;
    } else return undefined;
  }
  offsets.push(i);
  return { value, offsets };
}

/** Offsets of a TOML `query = ...` string value in the file, when the query is not verbatim there. */
export function tomlQueryOffsets(text: string, query: string): number[] | undefined {
  const key = /^[ \t]*query[ \t]*=[ \t]*/m.exec(text);
  if (!key) return undefined;
  let at = key.index + key[0].length;
  let close: string;
  if (text.startsWith('"""', at)) {
    close = '"""';
    at += 3;
    if (text[at] === '\r') at++;
    if (text[at] === '\n') at++;
  } else if (text[at] === '"') {
    close = '"';
    at += 1;
  } else return undefined;
  const r = decodeWithOffsets(text, at, close, close === '"""');
  return r && r.value === query ? r.offsets : undefined;
}

/** Offsets of a JSON string value `"query": "..."` found from `from`, when it decodes to `query`. */
export function jsonQueryOffsets(text: string, from: number, query: string): number[] | undefined {
  const re = /"query"\s*:\s*"/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const r = decodeWithOffsets(text, m.index + m[0].length, '"', false);
    if (r && r.value === query) return r.offsets;
  }
  return undefined;
}
