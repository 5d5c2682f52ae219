/**
 * Exclusions proposed from an event's values: the value added to a list already in the rule,
 * a new `field == value` part, a wildcard generalisation with `:` (directory, extension) and a
 * combination of two fields. Every candidate is verified by evaluating the edited rule over all
 * events: one that would not suppress its event is never offered, and each comes with the events
 * it would newly suppress. For a sequence or sample the exclusion goes into the filter of the
 * stage the event fills in a returned one (`and not (...)` there, or a list or `not` block the
 * stage already has), and "suppressed" means: part of no returned sequence or sample any more.
 */
import type { Settings } from '../api-types';
import type { ExceptionInput } from '../exceptions/types';
import { printFieldName, printString } from '../ast/printer';
import { hasErrors } from '../diagnostics/diagnostic';
import type { QueryNode } from '../ast/nodes';
import { evaluate, matchMask } from '../evaluate';
import { parseQuery } from '../parser/parse';
import type { EventDoc } from '../runtime/event';
import { compileFieldAccessor, fieldPath } from '../runtime/field-access';
import { eventOutcomes } from './outcomes';
import { applyEdit, exclusionSites, type ExclusionSites } from './rule-edits';
import { shortClause } from './text';
import type { ExclusionImpact, ExclusionProposal, Expectations, ProposalKind, ProposalResult, TextEdit } from './types';

export interface ProposeRequest {
  readonly rule: string;
  readonly events: readonly EventDoc[];
  readonly settings?: Partial<Settings>;
  readonly mapping?: string;
  /** The event to exclude (its input position). */
  readonly position: number;
  /** The field whose value to exclude; two fields for a combination of both. */
  readonly fields: readonly string[];
  /** The value to exclude (e.g. one element of an array); default: the event's value(s). */
  readonly value?: string | number | boolean | null;
  /** Kibana rule exceptions, applied before the query as in evaluate. */
  readonly exceptions?: ExceptionInput;
  /** Expectations by event id, to flag a proposal that would silence an expected alert. */
  readonly expectations?: Expectations;
}

type Scalar = string | number | boolean | null;

interface Candidate {
  readonly kind: ProposalKind;
  readonly title: string;
  readonly exclusion: string;
  readonly edit: TextEdit;
  /** Candidates of one group are alternatives: the first that suppresses the event is kept. */
  readonly group: string;
}

const WILD = /[*?]/;

/** The event's values of a field: its scalars (an array's distinct elements), or null when missing. */
function valuesOf(doc: Record<string, unknown>, field: string): Scalar[] | 'object' {
  const v = compileFieldAccessor(fieldPath(field))(doc);
  if (v === undefined || v === null) return [null];
  const flat = Array.isArray(v) ? v.flat(8) : [v];
  const out: Scalar[] = [];
  for (const x of flat) {
    if ((typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') && !out.includes(x)) out.push(x);
  }
  if (out.length === 0) return Array.isArray(v) && v.length === 0 ? [null] : 'object';
  return out.slice(0, 3);
}

function literal(v: Scalar): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return printString(v);
  if (typeof v === 'number') return String(v);
  return v ? 'true' : 'false';
}

/** Wildcard generalisations of a string value: its directory (`/opt/tool/*`) and extension (`*.tmp`). */
export function generalisations(v: string): string[] {
  const out: string[] = [];
  const sep = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
  if (sep > 0) {
    const dir = v.slice(0, sep + 1);
    if (!WILD.test(dir) && /[^/\\]/.test(dir)) out.push(`${dir}*`);
  }
  const base = v.slice(sep + 1);
  const dot = base.lastIndexOf('.');
  if (dot > 0 && dot < base.length - 1) {
    const ext = base.slice(dot + 1);
    if (ext.length <= 12 && !WILD.test(ext) && !/\s/.test(ext)) out.push(`*.${ext}`);
  }
  return out;
}

function singleFieldCandidates(sites: ExclusionSites, rule: string, field: string, v: Scalar): Candidate[] {
  const name = printFieldName(field);
  const lit = literal(v);
  const out: Candidate[] = [];
  const group = `value:${field}:${lit}`;
  if (v !== null) {
    for (const site of sites.lists) {
      if (site.field !== field) continue;
      if (site.kind === 'match' && (typeof v !== 'string' || WILD.test(v))) continue;
      const list = shortClause(rule.slice(site.node.range.start, site.node.range.end));
      const edit = sites.addToList(site, lit);
      out.push({ kind: 'add-to-list', title: `add ${lit} to ${list}`, exclusion: lit, edit, group: `list:${group}` });
    }
  }
  const part = `${name} == ${lit}`;
  out.push({ kind: 'new-part', title: `new part: ${part}`, exclusion: part, edit: sites.addPart(part), group });
  if (typeof v === 'string' && !WILD.test(v)) {
    // `==` is case-sensitive and exact; where it does not suppress (a mapping that stores the value
    // differently), `:` may.
    const ci = `${name} : ${lit}`;
    out.push({ kind: 'new-part', title: `new part: ${ci}`, exclusion: ci, edit: sites.addPart(ci), group });
  }
  if (typeof v === 'string') {
    for (const pattern of generalisations(v)) {
      const plit = printString(pattern);
      const list = sites.lists.find((s) => s.field === field && s.kind === 'match');
      if (list) {
        const text = shortClause(rule.slice(list.node.range.start, list.node.range.end));
        const edit = sites.addToList(list, plit);
        out.push({ kind: 'wildcard', title: `add ${plit} to ${text}`, exclusion: plit, edit, group: `w:${pattern}` });
      }
      const wpart = `${name} : ${plit}`;
      const edit = sites.addPart(wpart);
      out.push({ kind: 'wildcard', title: `new part: ${wpart}`, exclusion: wpart, edit, group: `wp:${pattern}` });
    }
  }
  return out;
}

function condition(field: string, v: Scalar): string[] {
  const name = printFieldName(field);
  const exact = `${name} == ${literal(v)}`;
  if (typeof v !== 'string') return [exact];
  return [exact, ...generalisations(v).map((p) => `${name} : ${printString(p)}`)];
}

function combinationCandidates(sites: ExclusionSites, a: string, va: Scalar, b: string, vb: Scalar): Candidate[] {
  const first = `${printFieldName(a)} == ${literal(va)}`;
  return condition(b, vb).map((second) => {
    const part = `(${first} and ${second})`;
    return { kind: 'combination', title: `new part: ${part}`, exclusion: part, edit: sites.addPart(part), group: part };
  });
}

function impactOf(
  req: ProposeRequest,
  before: Uint8Array,
  after: Uint8Array,
): ExclusionImpact & { readonly suppressesTarget: boolean } {
  const newlySuppressed: { id: string; position: number }[] = [];
  const breaksExpectations: { id: string; position: number }[] = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== 1 || after[i] === 1) continue;
    const e = req.events[i]!;
    newlySuppressed.push({ id: e.id, position: i });
    if (req.expectations?.[e.id]?.verdict === 'alert') breaksExpectations.push({ id: e.id, position: i });
  }
  return {
    newlySuppressed,
    breaksExpectations,
    suppressesTarget: before[req.position] === 1 && after[req.position] !== 1,
  };
}

function candidatesFor(req: ProposeRequest, sites: ExclusionSites, notes: string[]): Candidate[] {
  const doc = req.events[req.position]!.doc;
  const values = req.fields.map((f) =>
    req.value !== undefined && f === req.fields[0] ? [req.value] : valuesOf(doc, f),
  );
  const objectField = req.fields.find((_, i) => values[i] === 'object');
  if (objectField) {
    notes.push(`${objectField} holds an object in this event; pick one of its fields`);
    return [];
  }
  const [va, vb] = values as Scalar[][];
  if (req.fields.length === 1) return va!.flatMap((v) => singleFieldCandidates(sites, req.rule, req.fields[0]!, v));
  return va!.flatMap((x) => vb!.flatMap((y) => combinationCandidates(sites, req.fields[0]!, x, req.fields[1]!, y)));
}

type EvalBase = Omit<Parameters<typeof evaluate>[0], 'rule'>;

/**
 * Per event, 1 when the rule alerts on it: for an event query the fast path (no `size`); for a
 * sequence or sample, when the event is part of a returned one (every one: no `size` either).
 */
function alertMask(base: EvalBase, rule: string, join: boolean): Uint8Array | undefined {
  if (!join) {
    const m = matchMask({ ...base, rule });
    return m.ok ? m.matched : undefined;
  }
  const size = Math.max(base.events.length, 1);
  const r = evaluate({ ...base, rule, settings: { ...base.settings, size } });
  const outcomes = eventOutcomes(r, base.events.length);
  if (!outcomes) return undefined;
  const mask = new Uint8Array(base.events.length);
  for (const o of outcomes) if (o.verdict === 'alert') mask[o.position] = 1;
  return mask;
}

/** The stages (term indices) an event fills in the returned sequences or samples, in order. */
function stagesOf(base: EvalBase, rule: string, position: number): number[] {
  const size = Math.max(base.events.length, 1);
  const join = evaluate({ ...base, rule, settings: { ...base.settings, size } }).join;
  const stages = new Set<number>();
  for (const s of join?.sequences ?? []) for (const c of s.stages) if (c.position === position) stages.add(c.stage);
  for (const g of join?.groups ?? [])
    for (const f of g.fillers.flat()) if (f.position === position) stages.add(f.filter);
  return [...stages].sort((a, b) => a - b);
}

/** Where the candidates go: the event query's condition, or each stage the event fills. */
function candidateSites(
  req: ProposeRequest,
  q: QueryNode,
  base: EvalBase,
  notes: string[],
): { readonly sites: ExclusionSites; readonly prefix: string; readonly stage?: number }[] {
  if (q.kind === 'event') return [{ sites: exclusionSites(req.rule, q.condition), prefix: '' }];
  const stages = stagesOf(base, req.rule, req.position);
  const many = stages.length > 1;
  if (many) notes.push(`this event fills stages ${stages.map((k) => k + 1).join(' and ')}: each is tried on its own`);
  return stages.flatMap((k) => {
    const term = q.terms[k];
    if (!term) return [];
    return [{ sites: exclusionSites(req.rule, term.query.condition), prefix: `stage ${k + 1}: `, stage: k }];
  });
}

/** Propose exclusions for one field (or a combination of two) of an alerting event. */
export function proposeExclusions(req: ProposeRequest): ProposalResult {
  const notes: string[] = [];
  const target = req.events[req.position];
  if (!target || req.fields.length < 1 || req.fields.length > 2) {
    return { proposals: [], notes: ['choose an event and one or two of its fields'] };
  }
  const parsed = parseQuery(req.rule);
  if (!parsed.ast || hasErrors(parsed.diagnostics)) return { proposals: [], notes: ['the rule has errors'] };
  const q = parsed.ast.query;
  const join = q.kind !== 'event';
  const base: EvalBase = {
    events: req.events,
    ...(req.settings !== undefined ? { settings: req.settings } : {}),
    ...(req.mapping !== undefined ? { mapping: req.mapping } : {}),
    ...(req.exceptions !== undefined ? { exceptions: req.exceptions } : {}),
  };
  const before = alertMask(base, req.rule, join);
  if (!before) return { proposals: [], notes: ['the rule has errors'] };
  if (before[req.position] !== 1) {
    const why = join
      ? 'this event is part of no returned sequence or sample, so there is nothing to exclude'
      : 'this event does not alert, so there is nothing to exclude';
    return { proposals: [], notes: [why] };
  }
  const proposals: ExclusionProposal[] = [];
  const taken = new Set<string>();
  const rules = new Set<string>();
  let dropped = 0;
  for (const { sites, prefix, stage } of candidateSites(req, q, base, notes)) {
    for (const c of candidatesFor(req, sites, notes)) {
      if (taken.has(prefix + c.group)) continue;
      const rule = applyEdit(req.rule, c.edit);
      if (rules.has(rule)) continue;
      const after = alertMask(base, rule, join);
      const impact = after ? impactOf(req, before, after) : undefined;
      if (!impact?.suppressesTarget) {
        dropped++;
        continue;
      }
      taken.add(prefix + c.group);
      rules.add(rule);
      const { suppressesTarget: _, ...kept } = impact;
      const { kind, exclusion, edit } = c;
      proposals.push({
        kind,
        title: prefix + c.title,
        exclusion,
        edit,
        rule,
        ...(stage !== undefined ? { stage } : {}),
        impact: kept,
      });
    }
  }
  if (dropped > 0 && proposals.length === 0) notes.push(noneSuppresses(join));
  return { proposals, notes };
}

function noneSuppresses(join: boolean): string {
  return join
    ? 'no exclusion built from this value takes this event out of every returned sequence or sample'
    : 'no exclusion built from this value would suppress this event';
}
