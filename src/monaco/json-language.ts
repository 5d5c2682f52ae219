/**
 * The events editor's language: JSON (an array, NDJSON, a search response) with highlighting
 * and bracket handling only. Monaco's JSON language service is not used: the app reports event
 * problems itself (from the worker), and the service would bring a worker of its own and, with
 * it, every Monaco contribution. Tokens carry the names Monaco's JSON tokenizer gives them
 * (`string.key.json`, `string.value.json`, ...), so the built-in themes colour them as before.
 * Folding follows the indentation.
 */
import type { Monaco } from './types';

export const JSON_LANGUAGE_ID = 'json';

export function registerJsonLanguage(monaco: Monaco): void {
  monaco.languages.register({ id: JSON_LANGUAGE_ID, aliases: ['JSON', 'json'], extensions: ['.json', '.ndjson'] });
  monaco.languages.setLanguageConfiguration(JSON_LANGUAGE_ID, {
    wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
    comments: { lineComment: '//', blockComment: ['/*', '*/'] },
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  });
  monaco.languages.setMonarchTokensProvider(JSON_LANGUAGE_ID, {
    tokenPostfix: '.json',
    defaultToken: '',
    tokenizer: {
      root: [
        [/\s+/, ''],
        [/\/\/.*$/, 'comment.line'],
        [/\/\*/, 'comment.block', '@comment'],
        // A string followed by a colon is a property name.
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'string.key'],
        [/"(?:[^"\\]|\\.)*"?/, 'string.value'],
        [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}]/, 'delimiter.bracket'],
        [/[[\]]/, 'delimiter.array'],
        [/:/, 'delimiter.colon'],
        [/,/, 'delimiter.comma'],
      ],
      comment: [
        [/\*\//, 'comment.block', '@pop'],
        [/[^*]+/, 'comment.block'],
        [/\*/, 'comment.block'],
      ],
    },
  });
}
