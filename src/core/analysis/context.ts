import type { Node, Range } from '../ast/nodes';
import type { Settings } from '../api-types';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Schema } from '../schema/types';

export interface AnalysisContext {
  readonly text: string;
  readonly schema: Schema;
  readonly settings: Settings;
  readonly diagnostics: Diagnostic[];
}

export function report(
  ctx: AnalysisContext,
  code: string,
  message: string,
  range: Range,
  severity: Severity = 'error',
  notes?: readonly string[],
): void {
  ctx.diagnostics.push(makeDiagnostic(code, message, range, { severity, ...(notes ? { notes } : {}) }));
}

/** The source text of a node, as Elasticsearch quotes it in messages. */
export function sourceOf(ctx: AnalysisContext, node: Node): string {
  return ctx.text.slice(node.range.start, node.range.end);
}
