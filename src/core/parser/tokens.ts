/**
 * A tiny tokenizer used only to describe errors: which token sits at an offset, which token
 * precedes it, and how deeply brackets nest (checked before parsing so absurd input is
 * rejected the same way on every JavaScript engine).
 */

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SYMBOLS = ['===', '!==', '==', '!=', '<=', '>=', '<>', '&&', '||', '![', '//', '/*', '*/'];

function isWordStart(c: string): boolean {
  return /[A-Za-z_@]/.test(c);
}

function isWordPart(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c);
}

/** The token starting at `pos`, or undefined at the end of the text. */
export function tokenAt(text: string, pos: number): Token | undefined {
  if (pos >= text.length) return undefined;
  const c = text[pos]!;
  let end = pos + 1;
  if (isWordStart(c)) {
    while (end < text.length && isWordPart(text[end]!)) end++;
    if (text[end] === '~') end++;
  } else if (/[0-9]/.test(c)) {
    while (end < text.length && /[0-9.eE]/.test(text[end]!)) end++;
  } else if (c === '"' || c === "'" || c === '`') {
    while (end < text.length && text[end] !== c && text[end] !== '\n' && text[end] !== '\r') {
      end += text[end] === '\\' && c !== '`' ? 2 : 1;
    }
    end = Math.min(text.length, end + 1);
  } else {
    const sym = SYMBOLS.find((s) => text.startsWith(s, pos));
    if (sym) end = pos + sym.length;
    else {
      const cp = text.codePointAt(pos)!;
      end = pos + (cp > 0xffff ? 2 : 1);
    }
  }
  return { text: text.slice(pos, end), start: pos, end };
}

/** The word or symbol that ends right before `pos` (whitespace skipped), if any. */
export function tokenBefore(text: string, pos: number): Token | undefined {
  let end = pos;
  while (end > 0 && /[ \t\r\n]/.test(text[end - 1]!)) end--;
  if (end === 0) return undefined;
  let start = end - 1;
  if (text[start] === '~' && start > 0 && isWordPart(text[start - 1]!)) start--;
  if (isWordPart(text[start]!)) {
    while (start > 0 && isWordPart(text[start - 1]!)) start--;
    if (start > 0 && text[start - 1] === '@') start--;
    return { text: text.slice(start, end), start, end };
  }
  const sym = SYMBOLS.find((s) => text.slice(0, end).endsWith(s));
  if (sym) return { text: sym, start: end - sym.length, end };
  return { text: text.slice(start, end), start, end };
}

/**
 * The deepest bracket nesting in the text (parentheses and square brackets), ignoring strings,
 * backquoted names and comments. Returns the depth and the offset of the first bracket that
 * reached `limit + 1`, if any.
 */
export function bracketDepth(text: string, limit: number): { depth: number; overflowAt: number | undefined } {
  const QUOTE = 34,
    APOS = 39,
    BACKTICK = 96,
    SLASH = 47,
    STAR = 42,
    BACKSLASH = 92,
    LF = 10;
  let depth = 0;
  let max = 0;
  let overflowAt: number | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && text.charCodeAt(i + 1) === QUOTE && text.charCodeAt(i + 2) === QUOTE) {
      const close = text.indexOf('"""', i + 3);
      i = close < 0 ? n : close + 3;
    } else if (c === QUOTE || c === APOS) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === c || d === LF) break;
        i += d === BACKSLASH ? 2 : 1;
      }
      i++;
    } else if (c === BACKTICK) {
      const close = text.indexOf('`', i + 1);
      i = close < 0 ? n : close + 1;
    } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      let nest = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === SLASH && text.charCodeAt(i + 1) === STAR) {
          nest++;
          i += 2;
        } else if (d === STAR && text.charCodeAt(i + 1) === SLASH) {
          nest--;
          i += 2;
          if (nest === 0) break;
        } else i++;
      }
    } else {
      if (c === 40 || c === 91) {
        depth++;
        if (depth > max) max = depth;
        if (depth > limit && overflowAt === undefined) overflowAt = i;
      } else if ((c === 41 || c === 93) && depth > 0) depth--;
      i++;
    }
  }
  return { depth: max, overflowAt };
}
