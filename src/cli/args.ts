/**
 * The CLI's argument parser: `node:util` parseArgs (strict), with the first positional as the
 * command and messages in the tool's own words.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

export interface ParsedArgs {
  readonly command: string | undefined;
  /** The last value of each value option. */
  readonly options: Map<string, string>;
  /** Every value of each repeatable option, in order. */
  readonly lists: Map<string, string[]>;
  readonly flags: Set<string>;
  readonly positionals: string[];
  /** `--help` or `-h` was given. */
  readonly help: boolean;
}

export class UsageError extends Error {}

type OptionSpec = { type: 'string'; multiple?: boolean } | { type: 'boolean'; short?: string };

/** parseArgs' error, as one short sentence naming the option. */
function usageMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const option = /'(-{1,2}[^' ]+)/.exec(err.message ?? '')?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(err.message ?? '') ? `${option} needs a value` : `${option} takes no value`;
    default:
      return err.message ?? String(e);
  }
}

export function parseArgs(
  argv: readonly string[],
  valueOptions: ReadonlySet<string>,
  flagOptions: ReadonlySet<string>,
  repeatable: ReadonlySet<string> = new Set(),
): ParsedArgs {
  const spec: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h' } };
  for (const name of valueOptions) spec[name] = { type: 'string', multiple: true };
  for (const name of flagOptions) if (name !== 'help') spec[name] = { type: 'boolean' };
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: [...argv], options: spec, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(usageMessage(e));
  }
  const options = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (Array.isArray(value)) {
      const values = value.filter((v): v is string => typeof v === 'string');
      // A repeatable option keeps every value; any other keeps its last (as before).
      options.set(name, values[values.length - 1]!);
      lists.set(name, repeatable.has(name) ? values : values.slice(-1));
    } else if (value === true && name !== 'help') flags.add(name);
  }
  const [command, ...positionals] = parsed.positionals;
  return { command, options, lists, flags, positionals, help: parsed.values.help === true };
}
