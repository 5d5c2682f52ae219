/**
 * Compiling the terms of a sequence or sample: each written term once (a `with runs=N` term
 * is one filter used by N consecutive stages), its key reader, and the expanded stage list.
 */
import type { FieldNode, SampleNode, SequenceNode, SequenceTermNode } from '../ast/nodes';
import type { CompileContext, Doc } from '../compile/context';
import { compileEventQuery } from '../compile/query';
import { compileStageKeys, type KeyOutput, type StageKeys } from './keys';

export interface CompiledTerm {
  /** Term index as written; the `until` term comes last. */
  readonly index: number;
  readonly node: SequenceTermNode;
  readonly role: 'stage' | 'missing' | 'until' | 'filter';
  /** The filter. May throw EqlRuntimeError. */
  readonly matches: (doc: Doc) => boolean;
  readonly keys: (doc: Doc) => StageKeys;
  readonly keyFields: readonly FieldNode[];
}

export interface Stage {
  /** Position in the result's events. */
  readonly position: number;
  readonly term: CompiledTerm;
  readonly missing: boolean;
}

export interface CompiledJoin {
  readonly terms: readonly CompiledTerm[];
  readonly stages: readonly Stage[];
  readonly until: CompiledTerm | undefined;
}

export function compileJoin(query: SequenceNode | SampleNode, ctx: CompileContext, output: KeyOutput): CompiledJoin {
  const terms: CompiledTerm[] = [];
  const stages: Stage[] = [];
  const make = (node: SequenceTermNode, index: number, role: CompiledTerm['role']): CompiledTerm => {
    const compiled = compileEventQuery(node.query, ctx);
    const keyFields = [...query.by, ...node.by];
    return {
      index,
      node,
      role,
      matches: compiled.matches,
      keys: compileStageKeys(keyFields, ctx.schema, output),
      keyFields,
    };
  };
  query.terms.forEach((node, i) => {
    const role = query.kind === 'sample' ? 'filter' : node.missing ? 'missing' : 'stage';
    const term = make(node, i, role);
    terms.push(term);
    const runs = query.kind === 'sequence' ? (node.runs ?? 1) : 1;
    for (let r = 0; r < runs; r++) stages.push({ position: stages.length, term, missing: node.missing });
  });
  let until: CompiledTerm | undefined;
  if (query.kind === 'sequence' && query.until) {
    until = make(query.until, terms.length, 'until');
    terms.push(until);
  }
  return { terms, stages, until };
}
