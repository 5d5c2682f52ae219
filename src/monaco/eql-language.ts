/**
 * EQL for Monaco: tokens (keywords from the core's list), language configuration, completion of
 * fields and functions, hover docs, and the themes. Data (keywords, functions, fields, the
 * selected event) is pushed in by the app through `setEqlLanguageData`.
 */
import type { FieldView, FunctionView } from '../core';
import { fieldValue } from './field-value';
import { codeSpan, plainText } from './markdown';
import { stringContent, stringContext, type StringContext } from './string-context';
import type { Monaco } from './types';

export const EQL_LANGUAGE_ID = 'eql';

export type EqlField = FieldView;
export type EqlFunction = FunctionView;

export interface EqlLanguageData {
  readonly keywords: readonly string[];
  readonly functions: readonly EqlFunction[];
  /** ECS + Elastic Defend (+ mapping) fields. */
  readonly fields: readonly EqlField[];
  /** Fields that have a value in the loaded events. */
  readonly fieldsSeen: readonly EqlField[];
  /** The selected event's source, for field values in hovers. */
  readonly selectedEvent?: { readonly id: string; readonly source: unknown } | undefined;
  /** A field's values in the loaded events with how many events have each, for completion in strings. */
  readonly valuesFor?: (field: string) => Promise<readonly FieldValueCount[]>;
}

export interface FieldValueCount {
  readonly value: string | number | boolean;
  readonly count: number;
}

let data: EqlLanguageData = { keywords: [], functions: [], fields: [], fieldsSeen: [] };
let fieldIndex = new Map<string, EqlField>();
let seenIndex = new Map<string, EqlField>();
let functionIndex = new Map<string, EqlFunction>();
let monacoRef: Monaco | undefined;
let tokenKeywords = '';

export function setEqlLanguageData(next: Partial<EqlLanguageData>): void {
  data = { ...data, ...next };
  if (next.fields) fieldIndex = new Map(next.fields.map((f) => [f.name, f]));
  if (next.fieldsSeen) seenIndex = new Map(next.fieldsSeen.map((f) => [f.name, f]));
  if (next.functions) functionIndex = new Map(next.functions.map((f) => [f.name.toLowerCase(), f]));
  if (next.keywords && monacoRef) setTokens(monacoRef, next.keywords);
}

export function getEqlLanguageData(): EqlLanguageData {
  return data;
}

function setTokens(monaco: Monaco, keywords: readonly string[]): void {
  // The core's keyword list, as the worker sends it (words only: `in~` and the like are operators).
  const list = keywords.filter((k) => /^[a-z]+$/.test(k));
  const key = list.join(' ');
  if (key === tokenKeywords) return;
  tokenKeywords = key;
  monaco.languages.setMonarchTokensProvider(EQL_LANGUAGE_ID, {
    defaultToken: '',
    keywords: [...list],
    operators: ['==', '!=', '<', '<=', '>', '>=', ':', '+', '-', '*', '/', '%', '|', '~'],
    tokenizer: {
      root: [
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/\?"""/, 'string', '@tripleString'],
        [/"""/, 'string', '@tripleString'],
        [/\?"/, 'string', '@rawString'],
        [/"/, 'string', '@string'],
        [/'[^']*'/, 'string.invalid'],
        [/`[^`]*`/, 'field'],
        [/\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?:ms|s|m|h|d)?\b/, 'number'],
        [/(?:any|[A-Za-z_][\w-]*)(?=\s+where\b)/, 'type'],
        [/[A-Za-z_@][\w@]*(?=~?\s*\()/, { cases: { '@keywords': 'keyword', '@default': 'function' } }],
        [/[A-Za-z_@][\w@]*(?:\.[A-Za-z_@`][\w@`-]*)*/, { cases: { '@keywords': 'keyword', '@default': 'field' } }],
        [/\?(?=[A-Za-z_@`])/, 'operator'],
        [/[()[\]]/, '@brackets'],
        [/,/, 'delimiter'],
        [/==|!=|<=|>=|<|>|:|~|\+|-|\*|\/|%|\|/, 'operator'],
        [/\s+/, 'white'],
      ],
      comment: [
        [/\*\//, 'comment', '@pop'],
        [/[^*]+/, 'comment'],
        [/\*/, 'comment'],
      ],
      string: [
        [/\\./, 'string.escape'],
        [/"/, 'string', '@pop'],
        [/[^\\"]+/, 'string'],
      ],
      rawString: [
        [/"/, 'string', '@pop'],
        [/[^"]+/, 'string'],
      ],
      tripleString: [
        [/"""/, 'string', '@pop'],
        [/[^"]+/, 'string'],
        [/"/, 'string'],
      ],
    },
  });
}

/** Brackets, comments, auto-closing, and what a word is (field names with dots and `@`). */
const LANGUAGE_CONFIGURATION: import('monaco-editor/editor').languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
  // Field names contain dots (and `@` in `@timestamp`): one word for completion and hover.
  wordPattern: /@?[A-Za-z_][\w@]*(\.[A-Za-z_@][\w@-]*)*\.?/,
};

export function registerEqlLanguage(monaco: Monaco): void {
  if (monacoRef) return;
  monacoRef = monaco;
  monaco.languages.register({ id: EQL_LANGUAGE_ID, aliases: ['EQL', 'eql'] });
  monaco.languages.setLanguageConfiguration(EQL_LANGUAGE_ID, LANGUAGE_CONFIGURATION);
  setTokens(monaco, data.keywords);
  defineThemes(monaco);
  monaco.languages.registerCompletionItemProvider(EQL_LANGUAGE_ID, {
    triggerCharacters: ['.'],
    provideCompletionItems: (model, position) => completionsAt(monaco, model, position),
  });
  monaco.languages.registerHoverProvider(EQL_LANGUAGE_ID, { provideHover: hoverAt });
}

function defineThemes(monaco: Monaco): void {
  monaco.editor.defineTheme('eql-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'field', foreground: '1f4e9c' },
      { token: 'function', foreground: '7a4d00' },
      { token: 'keyword', foreground: '0000c8', fontStyle: 'bold' },
      { token: 'string.invalid', foreground: 'c00000', fontStyle: 'underline' },
    ],
    colors: {},
  });
  monaco.editor.defineTheme('eql-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'field', foreground: '9cdcfe' },
      { token: 'function', foreground: 'dcdcaa' },
      { token: 'keyword', foreground: '569cd6', fontStyle: 'bold' },
      { token: 'string.invalid', foreground: 'f48771', fontStyle: 'underline' },
    ],
    colors: {},
  });
}

type Position = import('monaco-editor/editor').Position;
type CompletionItem = import('monaco-editor/editor').languages.CompletionItem;
type CompletionItemKind = Monaco['languages']['CompletionItemKind'];
type WordRange = import('monaco-editor/editor').IRange;

/** The range of the word at the position, on its line. */
function wordRange(word: { startColumn: number; endColumn: number }, position: Position): WordRange {
  return {
    startLineNumber: position.lineNumber,
    endLineNumber: position.lineNumber,
    startColumn: word.startColumn,
    endColumn: word.endColumn,
  };
}

/**
 * Completion: inside a string, the field's values in the loaded events; elsewhere (not after
 * an unclosed quote) the fields seen in the events first, then the other known fields, the
 * functions and the keywords.
 */
function completionsAt(monaco: Monaco, model: Model, position: Position): CompletionList | Promise<CompletionList> {
  const range = wordRange(model.getWordUntilPosition(position), position);
  const textBefore = model.getValueInRange({
    startLineNumber: 1,
    startColumn: 1,
    endLineNumber: position.lineNumber,
    endColumn: position.column,
  });
  const inString = stringContext(textBefore);
  if (inString) return valueSuggestions(monaco, model, inString);
  const lineBefore = model.getValueInRange({ ...range, startColumn: 1 });
  if ((lineBefore.match(/"/g)?.length ?? 0) % 2 === 1) return { suggestions: [] };
  const K = monaco.languages.CompletionItemKind;
  const snippet = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
  return {
    suggestions: [
      ...fieldSuggestions(K, range),
      ...functionSuggestions(K, snippet, range),
      ...data.keywords.map((k) => ({ label: k, kind: K.Keyword, insertText: k, range, sortText: `3${k}` })),
    ],
  };
}

/** The fields seen in the loaded events (sorted first), then the other known fields. */
function fieldSuggestions(K: CompletionItemKind, range: WordRange): CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const f of data.fieldsSeen) {
    seen.add(f.name);
    const known = fieldIndex.get(f.name);
    out.push({
      label: { label: f.name, description: known?.type ?? f.type },
      kind: K.Field,
      detail: `${known?.type ?? f.type} · in the loaded events`,
      documentation: known?.description ?? '',
      insertText: f.name,
      range,
      sortText: `0${f.name}`,
    });
  }
  for (const f of data.fields) {
    if (seen.has(f.name)) continue;
    out.push({
      label: { label: f.name, description: f.type },
      kind: K.Field,
      detail: f.type,
      documentation: f.description ?? '',
      insertText: f.name,
      range,
      sortText: `2${f.name}`,
    });
  }
  return out;
}

/** Each function as a call snippet, and its case-insensitive `name~` form where it has one. */
function functionSuggestions(
  K: CompletionItemKind,
  snippet: import('monaco-editor/editor').languages.CompletionItemInsertTextRule,
  range: WordRange,
): CompletionItem[] {
  return data.functions.flatMap((fn) =>
    (fn.caseAware ? [fn.name, `${fn.name}~`] : [fn.name]).map((label) => ({
      label: { label, description: label.endsWith('~') ? 'case-insensitive' : 'function' },
      kind: K.Function,
      detail: label.endsWith('~') ? fn.signature.replace(fn.name, label) : fn.signature,
      documentation: { value: functionDoc(fn) },
      insertText: `${label}($0)`,
      insertTextRules: snippet,
      range,
      sortText: `1${label}`,
    })),
  );
}

/** A function's docs when the word is called (`name(` or `name~(`), else a known field's. */
function hoverAt(model: Model, position: Position): import('monaco-editor/editor').languages.Hover | null {
  const word = model.getWordAtPosition(position);
  if (!word) return null;
  const name = word.word.replace(/\.$/, '');
  const range = wordRange(word, position);
  const after = model.getLineContent(position.lineNumber).slice(word.endColumn - 1);
  const fn = functionIndex.get(name.toLowerCase());
  if (fn && /^~?\s*\(/.test(after)) {
    return { range, contents: [{ value: functionDoc(fn) }] };
  }
  const field = fieldIndex.get(name) ?? seenIndex.get(name);
  if (!field) return null;
  return { range, contents: fieldHover(name, field, data.selectedEvent).map((value) => ({ value })) };
}

type Model = import('monaco-editor/editor').editor.ITextModel;
type CompletionList = import('monaco-editor/editor').languages.CompletionList;

/** The values the field has in the loaded events, most frequent first, replacing what was typed. */
async function valueSuggestions(monaco: Monaco, model: Model, at: StringContext): Promise<CompletionList> {
  const values = data.valuesFor ? await data.valuesFor(at.field) : [];
  const start = model.getPositionAt(at.contentStart);
  const end = model.getPositionAt(at.contentStart + at.prefix.length);
  const range = {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column,
  };
  const suggestions: CompletionItem[] = [];
  values.forEach((v, i) => {
    const text = stringContent(String(v.value), at.kind);
    if (text === undefined) return;
    suggestions.push({
      label: { label: String(v.value), description: `${v.count} event${v.count === 1 ? '' : 's'}` },
      kind: monaco.languages.CompletionItemKind.Value,
      detail: `${at.field} · ${v.count} of the loaded events`,
      insertText: text,
      filterText: text,
      range,
      sortText: String(i).padStart(5, '0'),
    });
  });
  return { suggestions, incomplete: false };
}

function functionDoc(fn: EqlFunction): string {
  const parts = [`\`${fn.signature}\``];
  if (fn.doc) parts.push(fn.doc);
  if (fn.nulls) parts.push(`*Nulls:* ${fn.nulls}`);
  if (fn.caseAware) parts.push(`Add \`~\` (\`${fn.name}~(…)\`) to compare case-insensitively.`);
  return parts.join('\n\n');
}

/**
 * The hover of a field: its name and type, its description, and its value in the selected
 * event. Names, types and values come from user data (events, mappings), so every one is
 * escaped: nothing in them becomes a link, an image or formatting.
 */
export function fieldHover(
  name: string,
  field: EqlField,
  event: { readonly id: string; readonly source: unknown } | undefined,
): string[] {
  const lines = [`**${plainText(name)}** · ${codeSpan(field.type)}`];
  if (field.description) lines.push(plainText(field.description));
  if (event) {
    const value = fieldValue(event.source, name);
    lines.push(
      value === undefined
        ? `In event ${codeSpan(event.id)}: *missing*`
        : `In event ${codeSpan(event.id)}: ${codeSpan(truncate(JSON.stringify(value) ?? String(value), 200))}`,
    );
  }
  return lines;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
