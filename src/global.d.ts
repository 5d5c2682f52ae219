/**
 * The automation hook the app installs on `window` (see src/ui/platform/test-hook.ts). Declared
 * here, without imports, so both the app and the end-to-end tests can use its type.
 */
interface EqlPlaygroundHook {
  setRule(text: string): void;
  setEvents(text: string): void;
  getRule(): string;
  /** The events text, or the held dataset as NDJSON. */
  getEvents(): string | Promise<string>;
  ready(): Promise<void>;
  /** Pin the current rule (and settings) as the baseline the verdicts are compared with. */
  setBaseline(): void;
  /** The baseline's rule text. */
  getBaselineRule(): string;
}

interface Window {
  eqlPlayground: EqlPlaygroundHook;
}
