/**
 * The schema of a shared state (a link's payload, and a stored draft's): decoded JSON is checked
 * against it, and whatever does not fit (an unknown key, a value of the wrong type) is dropped
 * with a notice, so nothing the page renders ever sees a value of a type it does not expect.
 * Pure: it only reads the value it is given.
 */

/** The state a link carries. Every field is plain text or plain JSON. */
export interface SharePayload {
  readonly rule: string;
  readonly events: string;
  /** Evaluation settings, by name. Unknown names are kept so newer links still open. */
  readonly settings?: Readonly<Record<string, string | number | boolean | null>>;
  /** Optional index mapping text. */
  readonly mapping?: string;
  /** The selected event's id. */
  readonly selected?: string;
  /** Optional extra data (rule metadata); carried as is. */
  readonly meta?: unknown;
  /** Version 2: expected verdicts by event id. */
  readonly expectations?: Readonly<Record<string, ShareExpectation>>;
  /** Version 2: the baseline rule and settings, when they differ from the rule's. */
  readonly baseline?: ShareBaseline;
  /** Version 3: the rule exceptions (the Exceptions pane's text and value lists). */
  readonly exceptions?: ShareExceptions;
  /** The field the events are shown by, when it is not `event.id` ('' for none); any version. */
  readonly idField?: string;
}

export interface ShareExceptions {
  readonly text: string;
  readonly valueLists?: readonly {
    readonly name: string;
    readonly text: string;
    readonly id?: string;
    readonly type?: string;
  }[];
}

export interface ShareExpectation {
  readonly verdict: 'alert' | 'suppressed' | 'no-match' | 'excepted';
  /** The clause that must suppress, or the exception item (name or item_id) that must except. */
  readonly clause?: string;
}

export interface ShareBaseline {
  readonly rule: string;
  readonly settings?: Readonly<Record<string, string | number | boolean | null>>;
}

/** A value's expected shape. `open` objects keep unknown keys whose values are scalars. */
type Shape =
  | 'string'
  | 'number'
  | 'scalar'
  | { readonly list: Shape }
  | { readonly fields: { readonly [key: string]: Shape }; readonly open?: boolean };

const REF: Shape = { fields: { id: 'string', name: 'string', reference: 'string' } };

const THREAT: Shape = {
  fields: {
    framework: 'string',
    tactic: REF,
    techniques: {
      list: { fields: { id: 'string', name: 'string', reference: 'string', subtechniques: { list: REF } } },
    },
  },
};

const STRINGS: Shape = { list: 'string' };

/** Rule metadata as imported (src/formats RuleMetadata): every key optional. */
const META: Shape = {
  fields: {
    ruleId: 'string',
    name: 'string',
    description: 'string',
    type: 'string',
    language: 'string',
    severity: 'string',
    riskScore: 'number',
    indices: STRINGS,
    interval: 'string',
    from: 'string',
    maxSignals: 'number',
    references: STRINGS,
    tags: STRINGS,
    version: 'number',
    authors: STRINGS,
    license: 'string',
    falsePositives: STRINGS,
    note: 'string',
    setup: 'string',
    threat: { list: THREAT },
    eventCategoryOverride: 'string',
    timestampOverride: 'string',
    tiebreakerField: 'string',
    creationDate: 'string',
    updatedDate: 'string',
    maturity: 'string',
    integrations: STRINGS,
    minStackVersion: 'string',
  },
};

/**
 * Settings: names with scalar values (text, numbers, true/false, null), known or not, so links
 * from newer versions keep theirs; the app reads the names it knows and checks their values.
 */
const SETTINGS: Shape = { fields: {}, open: true };

/** Version 3 rule exceptions: the pane's text and its value lists (each a named text). */
const EXCEPTIONS: Shape = {
  fields: {
    text: 'string',
    valueLists: { list: { fields: { name: 'string', text: 'string', id: 'string', type: 'string' } } },
  },
};

const PAYLOAD_FIELDS: { readonly [key: string]: Shape } = {
  rule: 'string',
  events: 'string',
  settings: SETTINGS,
  mapping: 'string',
  selected: 'string',
  exceptions: EXCEPTIONS,
  idField: 'string',
};

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a non-finite number';
  return `a ${typeof v}`;
}

function expected(shape: Shape): string {
  if (shape === 'scalar') return 'text, a number, true/false or null';
  if (typeof shape === 'string') return shape === 'string' ? 'text' : 'a number';
  return 'list' in shape ? 'a list' : 'an object';
}

const isScalar = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The part of `v` that fits `shape`, or undefined (with a notice) when nothing does. */
function fit(v: unknown, shape: Shape, path: string, notices: string[]): unknown {
  const drop = () => {
    notices.push(`${path} was dropped: expected ${expected(shape)}, found ${kind(v)}`);
    return undefined;
  };
  if (shape === 'string') return typeof v === 'string' ? v : drop();
  if (shape === 'number') return typeof v === 'number' && Number.isFinite(v) ? v : drop();
  if (shape === 'scalar') return isScalar(v) ? v : drop();
  if ('list' in shape) {
    if (!Array.isArray(v)) return drop();
    const out: unknown[] = [];
    v.forEach((x, i) => {
      const f = fit(x, shape.list, `${path}[${i}]`, notices);
      if (f !== undefined) out.push(f);
    });
    return out;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return drop();
  return fitObject(v as Record<string, unknown>, shape.fields, shape.open === true, path, notices);
}

function fitObject(
  v: Record<string, unknown>,
  fields: { readonly [key: string]: Shape },
  open: boolean,
  path: string,
  notices: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const sub = path ? `${path}.${key}` : key;
    const shape = Object.hasOwn(fields, key) ? fields[key] : open ? 'scalar' : undefined;
    if (shape === undefined) {
      notices.push(`${sub} was dropped: not a known field`);
      continue;
    }
    const f = fit(v[key], shape, sub, notices);
    if (f !== undefined)
      Object.defineProperty(out, key, { value: f, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export type PayloadCheck =
  | { readonly ok: true; readonly payload: SharePayload; readonly notices: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Checks a decoded share payload (or a stored draft's payload) against the schema. `rule` and
 * `events` must be text; every other field that does not fit is dropped, with one notice per
 * dropped field (`meta.threat[0].techniques was dropped: expected a list, found a string`).
 * `meta` may be null (no metadata). Never throws.
 */
export function checkSharePayload(value: unknown): PayloadCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'the state is not an object' };
  }
  const v = value as Record<string, unknown>;
  if (typeof v.rule !== 'string') return { ok: false, message: 'the rule is missing' };
  if (typeof v.events !== 'string') return { ok: false, message: 'the events are missing' };
  const notices: string[] = [];
  const { meta, expectations, baseline, ...rest } = v;
  const out = fitObject(rest, PAYLOAD_FIELDS, false, '', notices);
  if (meta === null) out.meta = null;
  else if (meta !== undefined) {
    const m = fit(meta, META, 'meta', notices);
    if (m !== undefined) out.meta = m;
  }
  if (expectations !== undefined) {
    const e = fitExpectations(expectations, notices);
    if (e) out.expectations = e;
  }
  if (baseline !== undefined) {
    const b = fitBaseline(baseline, notices);
    if (b) out.baseline = b;
  }
  return { ok: true, payload: out as unknown as SharePayload, notices };
}

const VERDICTS = new Set(['alert', 'suppressed', 'no-match', 'excepted']);

/**
 * Version 2 expectations: event id -> verdict, or `{verdict, clause}` (a clause only for
 * `suppressed` and `excepted`). Entries of another shape are dropped, one notice each.
 */
function fitExpectations(v: unknown, notices: string[]): Record<string, ShareExpectation> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    notices.push(`expectations was dropped: expected an object, found ${kind(v)}`);
    return undefined;
  }
  const out: Record<string, ShareExpectation> = {};
  for (const [id, e] of Object.entries(v as Record<string, unknown>)) {
    const x = typeof e === 'string' ? { verdict: e } : (e as { verdict?: unknown; clause?: unknown } | null);
    const verdict = x && typeof x === 'object' && typeof x.verdict === 'string' ? x.verdict : undefined;
    if (verdict === undefined || !VERDICTS.has(verdict)) {
      notices.push(`expectations.${id} was dropped: expected alert, suppressed, no-match or excepted`);
      continue;
    }
    if (
      x!.clause !== undefined &&
      (typeof x!.clause !== 'string' || (verdict !== 'suppressed' && verdict !== 'excepted'))
    ) {
      notices.push(`expectations.${id} was dropped: only a suppressed or excepted expectation names a clause, as text`);
      continue;
    }
    const entry: ShareExpectation =
      typeof x!.clause === 'string'
        ? { verdict: verdict as ShareExpectation['verdict'], clause: x!.clause }
        : { verdict: verdict as ShareExpectation['verdict'] };
    Object.defineProperty(out, id, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Version 2 baseline: its rule text and settings (the settings' shape as the payload's). */
function fitBaseline(v: unknown, notices: string[]): ShareBaseline | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || typeof (v as { rule?: unknown }).rule !== 'string') {
    notices.push(`baseline was dropped: expected an object with the rule's text`);
    return undefined;
  }
  const b = fitObject(v as Record<string, unknown>, { rule: 'string', settings: SETTINGS }, false, 'baseline', notices);
  return b as unknown as ShareBaseline;
}
