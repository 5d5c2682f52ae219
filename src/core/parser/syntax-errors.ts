/**
 * Turns a Peggy syntax error into a Diagnostic: a readable "Expected ... but found ..."
 * message located on the offending token, or a targeted message for common mistakes
 * (`=` for `==`, `&&`, uppercase keywords, stray characters, ...).
 */
import type { Range } from '../ast/nodes';
import { isKeyword } from '../ast/keywords';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { Syntax, SyntaxHints } from '../diagnostics/syntax';
import { diagnosticAt } from '../diagnostics/table';
import { tokenAt, tokenBefore, type Token } from './tokens';

/** The parts of Peggy's SyntaxError this module reads. */
export interface PeggyError {
  readonly expected: readonly PeggyExpectation[] | null;
  readonly found: string | null | undefined;
  readonly location: { readonly start: { readonly offset: number } };
}

export type PeggyExpectation =
  | { readonly type: 'literal'; readonly text: string; readonly ignoreCase?: boolean }
  | { readonly type: 'class'; readonly parts: readonly unknown[]; readonly inverted: boolean }
  | { readonly type: 'any' }
  | { readonly type: 'end' }
  | { readonly type: 'other'; readonly description: string };

const OPERAND_STARTS = new Set([
  'function name',
  "'('",
  "'-'",
  "'+'",
  "'?'",
  "'not'",
  "'true'",
  "'false'",
  "'null'",
  'string',
  'number',
  'identifier',
  'backquoted name',
  'constant',
]);

const OPERATORS_AFTER_OPERAND = new Set([
  "'=='",
  "'!='",
  "'<'",
  "'<='",
  "'>'",
  "'>='",
  "'+'",
  "'-'",
  "'*'",
  "'/'",
  "'%'",
  "':'",
  "'in'",
  "'in~'",
  "'not'",
  "'like'",
  "'like~'",
  "'regex'",
  "'regex~'",
]);

/** Expectations that only add noise when a real continuation is also expected. */
const NOISE = new Set(["'('", "'.'", "'~'", "'of'", 'array index', 'letter']);

// biome-ignore lint/suspicious/noControlCharactersInRegex: stray control and invisible characters are what this recognises
const INVISIBLE_WHITESPACE = /[\u000b\u000c\u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function describe(e: PeggyExpectation): string {
  switch (e.type) {
    case 'literal':
      return `'${e.text}'`;
    case 'other':
      return e.description;
    case 'end':
      return 'end of input';
    case 'any':
      return 'any character';
    case 'class':
      return 'letter';
  }
}

function rank(d: string): number {
  if (d === 'expression') return 0;
  if (d === 'operator') return 1;
  if (d === 'end of input') return 4;
  if (d.startsWith("'")) return /^'[a-z]/.test(d) ? 2 : 3;
  return 0;
}

/** The expectation list in reading order, with operand starts and operators summarised. */
export function expectedList(expected: readonly PeggyExpectation[]): string[] {
  // Peggy merges single-character alternatives such as ("*" / "/" / "%") into a class.
  const flat = expected.flatMap((e): string[] =>
    e.type === 'class' && !e.inverted && e.parts.every((p) => typeof p === 'string')
      ? (e.parts as string[]).map((c) => `'${c}'`)
      : [describe(e)],
  );
  let set = new Set(flat);
  if (set.has('number') && set.has('string')) {
    set = new Set([...set].filter((d) => !OPERAND_STARTS.has(d) && d !== 'letter'));
    set.add('expression');
  }
  const ops = [...set].filter((d) => OPERATORS_AFTER_OPERAND.has(d));
  if (ops.length >= 3) {
    set = new Set([...set].filter((d) => !OPERATORS_AFTER_OPERAND.has(d)));
    set.add('operator');
  }
  if (set.has('operator') || set.has("'and'") || set.has("'or'")) {
    set = new Set([...set].filter((d) => !NOISE.has(d)));
  } else if ([...set].some((d) => !NOISE.has(d))) {
    set.delete('letter');
    set.delete('array index');
  }
  return [...set].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function show(token: Token | undefined): string {
  if (!token) return 'end of input';
  const t = token.text.length > 40 ? `${token.text.slice(0, 40)}...` : token.text;
  return `'${t}'`;
}

/** A visible range for an error at `pos`: the token there, or the last visible character at the end. */
function rangeAt(text: string, token: Token | undefined, pos: number): Range {
  if (token) return { start: token.start, end: token.end };
  let end = Math.min(pos, text.length);
  while (end > 0 && /[ \t\r\n]/.test(text[end - 1]!)) end--;
  if (end === 0) return { start: 0, end: Math.min(1, text.length) };
  return { start: end - 1, end };
}

function uppercaseKeyword(t: Token | undefined): boolean {
  if (!t) return false;
  const lower = t.text.toLowerCase();
  return t.text !== lower && isKeyword(lower);
}

/** The run of operator characters around `pos` (e.g. `===` when the parser stopped inside it). */
function symbolCluster(text: string, pos: number): Token | undefined {
  const isSym = (c: string | undefined) => c !== undefined && '=!<>&|'.includes(c);
  if (!isSym(text[pos])) return undefined;
  let start = pos;
  let end = pos;
  while (start > 0 && isSym(text[start - 1])) start--;
  while (end < text.length && isSym(text[end])) end++;
  return { text: text.slice(start, end), start, end };
}

export function syntaxErrorDiagnostic(text: string, error: PeggyError): Diagnostic {
  const { start: at } = error.location;
  const pos = at.offset;
  const token = tokenAt(text, pos);
  const before = tokenBefore(text, pos);
  const expected = expectedList(error.expected ?? []);
  const found = show(token);
  const range = rangeAt(text, token, pos);
  const generic = (hint?: string) => diagnosticAt(Syntax.SyntaxError.expected(expected, found, hint), range);

  if (uppercaseKeyword(token) || uppercaseKeyword(before)) {
    const kw = uppercaseKeyword(token) ? token! : before!;
    return diagnosticAt(Syntax.UppercaseKeyword.keyword(kw.text), { start: kw.start, end: kw.end });
  }
  const cluster = symbolCluster(text, pos);
  if (cluster) {
    const replacements: Record<string, string> = {
      '&&': 'and',
      '||': 'or',
      '<>': '!=',
      '===': '==',
      '!==': '!=',
      '=<': '<=',
      '=>': '>=',
    };
    const use = replacements[cluster.text];
    if (use) {
      return diagnosticAt(Syntax.SyntaxError.replaceWith(use, cluster.text), {
        start: cluster.start,
        end: cluster.end,
      });
    }
  }
  if (token) {
    const t = token.text;
    if (t === '=') {
      return diagnosticAt(Syntax.AssignmentNotEquality.assign(), range);
    }
    if (t === '!') {
      return diagnosticAt(Syntax.SyntaxError.bang(), range);
    }
    if (t === '~') {
      return generic(SyntaxHints.tildeSpace);
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stray control and invisible characters are what this recognises
    if (INVISIBLE_WHITESPACE.test(t) || /^[\u0000-\u0008\u000e-\u001f\u007f]$/.test(t)) {
      return diagnosticAt(Syntax.SyntaxError.invisibleCharacter(t.codePointAt(0)!), range);
    }
    if (before?.text === 'not' && /^(like~?|regex~?|:)$/.test(t)) {
      return generic(SyntaxHints.notBeforePredicate(t));
    }
    if (t === ')' && before?.text === '(') {
      const beforeParen = tokenBefore(text, before.start);
      if (beforeParen && /^in~?$/.test(beforeParen.text)) {
        return generic(SyntaxHints.emptyIn);
      }
    }
    if (/^[A-Za-z_@]/.test(t) && isKeyword(t) && expected.includes('expression')) {
      return generic(SyntaxHints.keywordAsField(t));
    }
  }
  return generic();
}
