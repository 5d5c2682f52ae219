/** Reading the CLI's inputs: files, the rule, request settings from options. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic, Settings } from '../core/index';
import { type ParsedRule, parseRuleText, type RuleMetadata } from '../formats/rules';
import { UsageError } from './args';
import { terminalSafe } from './output';

/** Input that cannot be read: exit status 2. */
export class InputError extends Error {}

/** The most the CLI reads from one input file (also from a pipe or a device such as /dev/stdin). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Reads a whole input file as UTF-8, in chunks, refusing it once it passes MAX_INPUT_BYTES (so
 * `/dev/zero` or a runaway pipe ends with a message instead of filling the memory).
 */
export function readText(path: string, what: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (fstatSync(fd).isDirectory())
      throw new InputError(`cannot read ${what} ${terminalSafe(path)}: it is a directory`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) {
        throw new InputError(
          `cannot read ${what} ${terminalSafe(path)}: it is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, the most the command reads`,
        );
      }
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${what} ${terminalSafe(path)}: ${(e as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function intOption(options: Map<string, string>, name: string): number | undefined {
  const v = options.get(name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects a non-negative integer, got ${v}`);
  return Number(v);
}

export interface RuleInput {
  readonly query: string;
  readonly metadata: RuleMetadata;
  readonly diagnostics: readonly Diagnostic[];
  /** The rule file as parsed, when the rule came from a file. */
  readonly file?: { readonly parsed: ParsedRule; readonly text: string };
}

export function loadRule(options: Map<string, string>): RuleInput {
  const inline = options.get('query');
  const file = options.get('rule');
  if ((inline === undefined) === (file === undefined))
    throw new UsageError('give exactly one of --rule FILE or --query TEXT');
  if (inline !== undefined) return { query: inline, metadata: {}, diagnostics: [] };
  const text = readText(file!, 'rule file');
  const parsed = parseRuleText(text, file);
  return { query: parsed.query, metadata: parsed.metadata, diagnostics: parsed.diagnostics, file: { parsed, text } };
}

export function settingsFrom(options: Map<string, string>, metadata: RuleMetadata): Partial<Settings> {
  const position = options.get('result-position');
  if (position !== undefined && position !== 'head' && position !== 'tail') {
    throw new UsageError(`--result-position must be head or tail, got ${position}`);
  }
  const s: Record<string, unknown> = {
    eventCategoryField: options.get('event-category-field') ?? metadata.eventCategoryOverride,
    timestampField: options.get('timestamp-field') ?? metadata.timestampOverride,
    tiebreakerField: options.get('tiebreaker-field') ?? metadata.tiebreakerField,
    size: intOption(options, 'size'),
    resultPosition: position,
    maxSamplesPerKey: intOption(options, 'max-samples-per-key'),
  };
  for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
  return s as Partial<Settings>;
}
