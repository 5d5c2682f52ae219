/**
 * What an editor needs to know about the language, as plain data: keywords, the functions
 * with their documentation, and the fields of the built-in schema or of loaded events.
 */
import { KEYWORDS } from './ast/keywords';
import type { EventDoc } from './runtime/event';
import { functionNames, lookupFunction } from './runtime/functions/registry';
import { inferFields } from './schema/infer';
import { baseFields } from './schema/schema';

export interface FieldView {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
}

export interface FunctionView {
  readonly name: string;
  readonly signature: string;
  readonly doc: string;
  readonly nulls: string;
  readonly caseAware: boolean;
}

export interface LanguageInfo {
  readonly keywords: readonly string[];
  readonly functions: readonly FunctionView[];
  /** ECS + Elastic Defend fields. */
  readonly fields: readonly FieldView[];
}

/** Keywords, functions and the built-in fields. */
export function languageInfo(): LanguageInfo {
  const { fields } = baseFields();
  return {
    keywords: [...KEYWORDS],
    functions: functionNames().flatMap((n) => {
      const f = lookupFunction(n);
      return f ? [{ name: f.name, signature: f.signature, doc: f.doc, nulls: f.nulls, caseAware: f.caseAware }] : [];
    }),
    fields: [...fields.values()].map((f) => ({
      name: f.name,
      type: f.type,
      ...(f.description ? { description: f.description } : {}),
    })),
  };
}

/** Fields that have a value in some event, with a type derived from their JSON. Never throws. */
export function fieldsSeen(events: readonly EventDoc[]): FieldView[] {
  try {
    return inferFields(events).fields.map((f) => ({ name: f.name, type: f.type }));
  } catch {
    return [];
  }
}
