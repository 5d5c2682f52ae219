/** `window.eqlPlayground`: a small automation API for end-to-end tests and power users. */
export interface PlaygroundHook {
  setRule(text: string): void;
  setEvents(text: string): void;
  getRule(): string;
  /** The events text, or the held dataset as NDJSON. */
  getEvents(): string | Promise<string>;
  /** Resolves when the results on screen match the current inputs. */
  ready(): Promise<void>;
  /** Pin the current rule (and settings) as the baseline the verdicts are compared with. */
  setBaseline(): void;
  getBaselineRule(): string;
}

export function installPlaygroundHook(hook: PlaygroundHook): () => void {
  window.eqlPlayground = hook;
  return () => {
    if (window.eqlPlayground === hook) delete (window as { eqlPlayground?: PlaygroundHook }).eqlPlayground;
  };
}
