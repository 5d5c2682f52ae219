/**
 * The Elastic rule reference page (markdown), as published for each prebuilt rule: a title,
 * a description paragraph, `**Label**: value` lines and bullet lists, a "## Rule query" code
 * block, and the MITRE ATT&CK framework section.
 */
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { diagnosticAt } from '../core/diagnostics/table';
import { Rules } from './diagnostics';
import type { MitreRef, MitreTechnique, RuleMetadata, ThreatMapping } from '../core/rule-metadata';
import type { ParsedRule } from './parsed-rule';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Line {
  readonly text: string;
  readonly start: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i <= text.length; ) {
    let e = text.indexOf('\n', i);
    if (e < 0) e = text.length;
    const raw = text.slice(i, e);
    lines.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start: i });
    if (e >= text.length) break;
    i = e + 1;
  }
  return lines;
}

const LABEL = /^\*\*([^*]+)\*\*:\s*(.*)$/;
const BULLET = /^\s*\*\s+(.*)$/;

/** `[text](url)` -> text; plain text stays. */
function linkText(s: string): string {
  const m = /^\[([^\]]*)\]\(([^)]*)\)/.exec(s.trim());
  return m ? m[1]! : s.trim();
}

/**
 * The title without a trailing bracketed tag (`Rule name [Beta]` -> `Rule name`). Done by index,
 * not by a regular expression, so a long title of brackets or spaces costs linear time.
 */
function cleanTitle(s: string): string {
  const t = s.trimEnd();
  if (!t.endsWith(']')) return t.trim();
  const open = t.indexOf('[', t.lastIndexOf(']', t.length - 2) + 1);
  if (open < 0 || open === t.length - 1) return t.trim();
  return t.slice(0, open).trim();
}

export function parseDocsPage(text: string): ParsedRule {
  const lines = splitLines(text);
  const diagnostics: Diagnostic[] = [];
  const meta: Mutable<RuleMetadata> = {};

  // Title and the description paragraph(s) up to the first **Label** line.
  let i = 0;
  while (i < lines.length && !/^#\s/.test(lines[i]!.text)) i++;
  if (i < lines.length) {
    meta.name = cleanTitle(lines[i]!.text.replace(/^#\s+/, ''));
    const desc: string[] = [];
    for (i++; i < lines.length && !LABEL.test(lines[i]!.text) && !/^#/.test(lines[i]!.text); i++) {
      desc.push(lines[i]!.text);
    }
    const d = desc.join('\n').trim();
    if (d) meta.description = d;
  }

  // **Label**: value, with bullet lists for empty values.
  const lists = new Map<string, string[]>();
  const values = new Map<string, string>();
  for (let k = 0; k < lines.length; k++) {
    const m = LABEL.exec(lines[k]!.text);
    if (!m) continue;
    const label = m[1]!.trim().toLowerCase();
    const value = m[2]!.trim();
    if (value) {
      if (!values.has(label)) values.set(label, value);
      continue;
    }
    const items: string[] = [];
    for (let j = k + 1; j < lines.length; j++) {
      const t = lines[j]!.text;
      if (t.trim() === '') continue;
      const b = BULLET.exec(t);
      if (!b || /^\s/.test(t)) break;
      items.push(b[1]!.trim());
    }
    if (!lists.has(label)) lists.set(label, items);
  }
  const value = (l: string): string | undefined => values.get(l);
  const firstToken = (v: string | undefined): string | undefined => v?.split(/\s+/)[0];
  const number = (v: string | undefined): number | undefined => {
    const n = v === undefined ? NaN : Number(firstToken(v));
    return Number.isFinite(n) ? n : undefined;
  };
  const set = <K extends keyof RuleMetadata>(k: K, v: RuleMetadata[K] | undefined): void => {
    if (v !== undefined) meta[k] = v;
  };
  set('type', value('rule type'));
  set('indices', lists.get('rule indices'));
  set('severity', value('severity'));
  set('riskScore', number(value('risk score')));
  set('interval', firstToken(value('runs every')));
  set('from', firstToken(value('searches indices from')));
  set('maxSignals', number(value('maximum alerts per execution')));
  set('references', lists.get('references')?.map(linkText));
  set('tags', lists.get('tags'));
  set('version', number(value('version')));
  set('authors', lists.get('rule authors'));
  set('license', value('rule license'));
  const fp = lists.get('false positive analysis');
  if (fp && fp.length > 0) meta.falsePositives = fp;

  // MITRE ATT&CK: "* Tactic:", "* Technique:", "* Sub-technique:" blocks, each with Name/ID/URL.
  const threat = parseFramework(lines, value('framework'));
  if (threat.length > 0) meta.threat = threat;

  // The query: the first fenced block after "## Rule query".
  const heading = lines.findIndex((l) => /^##\s+Rule query\b/.test(l.text));
  let query = '';
  let queryOffset = -1;
  if (heading >= 0) {
    const open = lines.findIndex((l, k) => k > heading && /^\s*(```|~~~)/.test(l.text));
    if (open >= 0) {
      const fence = lines[open]!.text.trim().slice(0, 3);
      const close = lines.findIndex((l, k) => k > open && l.text.trim().startsWith(fence));
      const start = open + 1 < lines.length ? lines[open + 1]!.start : text.length;
      const endLine = close >= 0 ? lines[close]! : undefined;
      let end = endLine ? endLine.start : text.length;
      // Drop the line break before the closing fence.
      if (end > start && text[end - 1] === '\n') end--;
      if (end > start && text[end - 1] === '\r') end--;
      query = text.slice(start, Math.max(start, end));
      queryOffset = start;
    }
  }
  if (queryOffset < 0) {
    diagnostics.push(
      diagnosticAt(Rules.RuleNoQuery.docsPage(), {
        start: heading >= 0 ? lines[heading]!.start : 0,
        end: heading >= 0 ? lines[heading]!.start + lines[heading]!.text.length : Math.min(1, text.length),
      }),
    );
  }
  if (meta.type !== undefined && meta.type !== 'eql') meta.language = meta.type;
  else if (meta.type === 'eql') meta.language = 'eql';
  return { format: 'docs-page', query, queryOffset, metadata: meta, diagnostics };
}

function parseFramework(lines: readonly Line[], framework: string | undefined): ThreatMapping[] {
  const start = lines.findIndex((l) => /^\*\*Framework\*\*:/.test(l.text));
  if (start < 0) return [];
  const fw = framework?.replace(/TM$/, '').trimEnd();
  const out: { framework?: string; tactic?: MitreRef; techniques: Mutable<MitreTechnique>[] }[] = [];
  let kind: 'tactic' | 'technique' | 'sub' | undefined;
  let current: Mutable<MitreRef> | undefined;
  const flush = (): void => {
    if (!current || !kind) return;
    const ref = current;
    if (kind === 'tactic') out.push({ ...(fw ? { framework: fw } : {}), tactic: ref, techniques: [] });
    else {
      if (out.length === 0) out.push({ ...(fw ? { framework: fw } : {}), techniques: [] });
      const group = out[out.length - 1]!;
      if (kind === 'technique') group.techniques.push({ ...ref });
      else {
        const tech = group.techniques[group.techniques.length - 1];
        if (tech) tech.subtechniques = [...(tech.subtechniques ?? []), ref];
        else group.techniques.push({ ...ref });
      }
    }
    current = undefined;
  };
  for (let k = start + 1; k < lines.length; k++) {
    const t = lines[k]!.text;
    if (/^#/.test(t)) break;
    const head = /^\*\s+(Tactic|Technique|Sub-technique):\s*$/.exec(t);
    if (head) {
      flush();
      kind = head[1] === 'Tactic' ? 'tactic' : head[1] === 'Technique' ? 'technique' : 'sub';
      current = {};
      continue;
    }
    const field = /^\s+\*\s+(Name|ID|Reference URL):\s*(.*)$/.exec(t);
    if (field && current) {
      const v = field[2]!.trim();
      if (field[1] === 'Name') current.name = v;
      else if (field[1] === 'ID') current.id = v;
      else current.reference = linkText(v);
    }
  }
  flush();
  // The page lists a tactic's techniques after the tactic, so regroup: techniques that follow a
  // tactic belong to it. Here out[] already holds them in that order.
  return out.map((g) => ({
    ...(g.framework ? { framework: g.framework } : {}),
    ...(g.tactic ? { tactic: g.tactic } : {}),
    ...(g.techniques.length > 0 ? { techniques: g.techniques } : {}),
  }));
}
