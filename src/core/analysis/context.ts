import type { Node, Range } from '../ast/nodes';
import type { Settings } from '../api-types';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnosticAt, type Message } from '../diagnostics/table';
import type { Schema } from '../schema/types';

export interface AnalysisContext {
  readonly text: string;
  readonly schema: Schema;
  readonly settings: Settings;
  readonly diagnostics: Diagnostic[];
}

export function report(ctx: AnalysisContext, m: Message, range: Range): void {
  ctx.diagnostics.push(diagnosticAt(m, range));
}

/** The source text of a node, as Elasticsearch quotes it in messages. */
export function sourceOf(ctx: AnalysisContext, node: Node): string {
  return ctx.text.slice(node.range.start, node.range.end);
}
