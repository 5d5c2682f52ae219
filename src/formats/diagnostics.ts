/**
 * Diagnostics of the input formats: event files (EVT5xxx; the core adds EVT5005 for field
 * types) and rule files (RULE7xxx). Sources: `events` and `rule`.
 */
import { defineDiagnostics, entry } from '../core/diagnostics/table';

export const Events = defineDiagnostics({
  EventsSyntax: entry({
    code: 'EVT5001',
    severity: 'error',
    when: 'an element or line that is not valid JSON, or text around the events (the others still load)',
    messages: {
      /** `what` names the element: `Array element 2`, `Line 3`, `Value 1`. */
      notJson: (what: string, detail: string | undefined) => `${what} is not valid JSON: ${detail ?? 'syntax error'}`,
      /** A problem the array splitter found, in its own words. */
      array: (detail: string) => detail,
      trailingText: () => 'Unexpected text after the events',
      between: (char: string) => `Unexpected '${char}' between events`,
      /** A file that ends inside the array of events or the response (`what`: "The array of events"). */
      notClosed: (what: string) => `${what} is not closed`,
      /** An edit of an event that is not there. */
      noSuchEvent: (n: number) => `There is no event ${n}`,
    },
    examples: { notJson: ['Array element 2', "Unexpected '}': a value is missing (trailing comma?)"] },
  }),
  EventNotObject: entry({
    code: 'EVT5002',
    severity: 'error',
    when: 'an element that is not an object (or a search hit without `_source`)',
    messages: {
      notObject: (what: string, kind: string) => `${what} is ${kind}, not a JSON object; each event must be an object`,
      notHit: (what: string, kind: string) => `${what} is ${kind}, not a search hit object`,
      noSource: (what: string) => `${what} has no "_source" object`,
      noSequenceEvents: (sequence: number) => `Sequence ${sequence} has no "events" array`,
    },
    examples: { notObject: ['Array element 1', 'a number'] },
  }),
  EventTooDeep: entry({
    code: 'EVT5010',
    severity: 'error',
    when: 'an event nested deeper than the playground reads (it is not loaded; the others are)',
    messages: {
      tooDeep: (what: string, max: number) => ({
        message: `${what} is nested more than ${max} levels deep; events this deep are not loaded`,
        notes: ['Elasticsearch maps objects at most 20 levels deep by default (index.mapping.depth.limit).'],
      }),
    },
    examples: { tooDeep: ['Line 3', 1000] },
  }),
  DuplicateKey: entry({
    code: 'EVT5011',
    severity: 'warning',
    when: 'an object in an event has the same key twice',
    messages: {
      duplicate: (what: string, path: string, key: string) => ({
        message: `${what} has the key [${path}] more than once; Elasticsearch keeps neither value: it rejects the document (Duplicate field '${key}')`,
        notes: ['The playground uses the last value, as JSON.parse does.'],
      }),
    },
    examples: { duplicate: ['Line 2', 'process.name', 'name'] },
  }),
  NumberOutOfRange: entry({
    code: 'EVT5012',
    severity: 'warning',
    when: 'a number beyond the range of a double (`1e400`)',
    messages: {
      overflow: (what: string, text: string, value: number) => ({
        message: `${what} has the number ${text}, beyond the range of a double: it is read as ${value}`,
        notes: ['Elasticsearch numeric fields accept only finite values, so such a document is rejected.'],
      }),
    },
    examples: { overflow: ['Line 1', '1e400', Infinity] },
  }),
});

/** A cluster's `_eql/search` response given to compare against (source `events`, file `response`). */
export const Responses = defineDiagnostics({
  ResponseShape: entry({
    code: 'EVT5007',
    severity: 'error',
    when: 'an `_eql/search` response to compare with that is not valid JSON, is an error answer, or holds no events or sequences',
    messages: {
      notJson: (detail: string | undefined) => `The response is not valid JSON: ${detail ?? 'syntax error'}`,
      notObject: () => 'The response is not a JSON object',
      error: (type: string, reason: string) => `Elasticsearch answered with an error: ${type}: ${reason}`,
      noHits: () => 'Not an _eql/search response: expected "hits" with "events" or "sequences"',
      badHit: (what: string) => `${what} is not a search hit with a "_source"`,
      badSequence: (n: number) => `Sequence ${n} has no "events" array`,
    },
    examples: { error: ['verification_exception', 'Found 1 problem: line 1:15: Unknown column [proces.name]'] },
  }),
});

export const Rules = defineDiagnostics({
  RuleFormat: entry({
    code: 'RULE7001',
    severity: 'warning',
    when: 'the rule file is not quite what it claims: a rule in another language, a line that is not a JSON object',
    messages: {
      notEql: (language: string) => `The rule's language is "${language}", not EQL`,
      notJsonObject: (detail: string | undefined) => `Not a JSON object: ${detail ?? 'syntax error'}`,
    },
    examples: { notEql: ['kuery'] },
  }),
  RuleTomlSyntax: entry({
    code: 'RULE7002',
    severity: 'error',
    when: 'TOML syntax (the TOML parser’s message)',
    messages: { toml: (detail: string) => detail },
    examples: { toml: ['Invalid TOML document: illegal character in key'] },
  }),
  RuleNoQuery: entry({
    code: 'RULE7003',
    severity: 'error',
    when: 'no query in the file',
    messages: {
      toml: () => 'The TOML rule has no [rule] query',
      docsPage: () => 'No query found: expected a code block under "## Rule query"',
      kibana: () => 'No EQL rule found: expected an object with "type": "eql" and a "query"',
    },
    examples: { toml: [] },
  }),
});

/** Exception files: Kibana's exception list and rule exports, item API bodies (source `exceptions`). */
export const ExceptionFiles = defineDiagnostics({
  ExceptionsSyntax: entry({
    code: 'EXC9001',
    severity: 'error',
    when: 'a line or element of an exceptions file that is not valid JSON (the others still load)',
    messages: {
      notJson: (what: string, detail: string | undefined) => `${what} is not valid JSON: ${detail ?? 'syntax error'}`,
      array: (detail: string) => detail,
    },
    examples: { notJson: ['Line 2', "Unexpected ']'"] },
  }),
  InvalidItem: entry({
    code: 'EXC9002',
    severity: 'error',
    when: 'an item or list that does not fit Kibana’s schema: errors leave the item out; warnings name what Kibana’s API would refuse; info notes a defaulted `item_id`',
    messages: {
      notObject: (what: string) => `${what} is not an exception item object`,
      notExceptions: () => 'Expected exception items: a JSON object, an array or NDJSON lines',
      entries: () => 'An exception item needs "entries": a non-empty array',
      entry: (detail: string) => `Invalid entry: ${detail}; the item is left out`,
      osTypes: () => '"os_types" must be an array of "linux", "macos", "windows"',
      listId: () => 'An exception item needs a "list_id"',
      expireTime: () => '"expire_time" must be an ISO date',
      list: () => 'An exception list needs "list_id", "name" and "type"',
      noItemId: (id: string) => ({
        message: `No "item_id": the item is called ${id} here (Kibana creates one; its import requires one)`,
        severity: 'info',
      }),
      noName: () => ({ message: 'Kibana requires a non-empty "name"', severity: 'warning' }),
      noDescription: () => ({ message: 'Kibana requires a "description" (it may be empty)', severity: 'warning' }),
      itemType: (type: string) => ({
        message: `Exception items have "type": "simple", not ${type}`,
        severity: 'warning',
      }),
      summaryCount: (counted: number, loaded: number) => ({
        message: `The export summary counts ${counted} exception item${counted === 1 ? '' : 's'}, but ${loaded} loaded`,
        severity: 'warning',
      }),
    },
    examples: { entry: ['entry user.name: "operator" must be "included" or "excluded"'] },
  }),
  IgnoredObject: entry({
    code: 'EXC9003',
    severity: 'info',
    when: 'an object the reader does not use: an action connector (info), an unknown shape (warning)',
    messages: {
      connector: () => 'An action connector: not used here',
      unknown: () => ({ message: 'Not an exception item, exception list or rule: left out', severity: 'warning' }),
    },
    examples: { connector: [] },
  }),
});

/** Workspace files (docs/workspace-format.md). Source: `workspace`. */
export const Workspace = defineDiagnostics({
  WorkspaceSyntax: entry({
    code: 'WSP9001',
    severity: 'error',
    when: 'the workspace file is not valid JSON',
    messages: { json: (detail: string) => `Invalid workspace JSON: ${detail}` },
    examples: { json: ['Unexpected end of input: a value is missing'] },
  }),
  WorkspaceShape: entry({
    code: 'WSP9002',
    severity: 'error',
    when: 'not a workspace file, or a key holds the wrong kind of value',
    messages: {
      notWorkspace: (kind: string) => `Not a workspace file (expected "kind": "${kind}")`,
      badVersion: () => '"version" must be a positive whole number',
      /** `what` says what the key must hold: `"rule" must be a string`. */
      key: (what: string) => what,
    },
    examples: { notWorkspace: ['eql-playground-workspace'], key: ['a workspace needs a "rule" string'] },
  }),
  WorkspaceVersion: entry({
    code: 'WSP9003',
    severity: 'error',
    when: 'the file was written by a newer version of the playground',
    messages: {
      newer: (version: number, current: number) =>
        `This workspace was written by a newer version of the playground (format ${version}; this one reads up to ${current})`,
    },
    examples: { newer: [2, 1] },
  }),
  WorkspaceExpectation: entry({
    code: 'WSP9004',
    severity: 'warning',
    when: 'an expectation entry is wrong: it is left out and the others are kept (an error when `expectations` is not an object)',
    messages: { entry: (detail: string, severity: 'warning' | 'error') => ({ message: detail, severity }) },
    examples: {
      entry: ['expectation for "apt-01": "alerts" is not one of alert, suppressed, no-match, excepted', 'warning'],
    },
  }),
});
