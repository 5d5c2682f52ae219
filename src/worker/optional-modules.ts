/**
 * Modules other parts of the project provide, looked up through Vite's glob import so the
 * worker builds and runs while they are still being written. Each lookup falls back to
 * something minimal and says so in its return value's shape.
 */
import type { Diagnostic, EventDoc } from '../core';

export interface ParseEventsResult {
  readonly events: readonly EventDoc[];
  readonly diagnostics: readonly Diagnostic[];
}

type ParseEvents = (text: string, options?: { idField?: string }) => ParseEventsResult;

interface FunctionLike {
  readonly name: string;
  readonly signature?: string;
  readonly doc?: string;
  readonly nulls?: string;
  readonly caseAware?: boolean;
}

const formats = import.meta.glob<Record<string, unknown>>('../formats/events.ts', { eager: true });
const keywordModules = import.meta.glob<Record<string, unknown>>('../core/ast/keywords.ts', { eager: true });
const registryModules = import.meta.glob<Record<string, unknown>>('../core/runtime/functions/registry.ts', { eager: true });

function first(mods: Record<string, Record<string, unknown>>): Record<string, unknown> | undefined {
  return Object.values(mods)[0];
}

export function findParseEvents(): ParseEvents | undefined {
  const fn = first(formats)?.parseEvents;
  return typeof fn === 'function' ? (fn as ParseEvents) : undefined;
}

/** EQL keywords, from the core's keyword list. */
export function findKeywords(): readonly string[] {
  const mod = first(keywordModules);
  if (mod) {
    for (const value of Object.values(mod)) {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length > 5) return value as string[];
      if (value instanceof Set && value.size > 5) return [...(value as Set<string>)];
    }
  }
  // Until the core's list exists: the reserved words of the grammar.
  return ['and', 'or', 'not', 'in', 'like', 'regex', 'where', 'sequence', 'sample', 'by', 'with', 'maxspan', 'until', 'runs', 'any', 'true', 'false', 'null', 'of', 'join', 'head', 'tail', 'filter'];
}

export function findFunctions(): readonly FunctionLike[] {
  const mod = first(registryModules);
  if (!mod) return [];
  const names = mod.functionNames;
  const lookup = mod.lookupFunction;
  if (typeof names !== 'function' || typeof lookup !== 'function') return [];
  const out: FunctionLike[] = [];
  for (const n of (names as () => readonly string[])()) {
    const f = (lookup as (name: string) => FunctionLike | undefined)(n);
    if (f) out.push(f);
  }
  return out;
}
