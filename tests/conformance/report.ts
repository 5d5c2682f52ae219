/** Per-file passed/failed/skipped counts, printed after each conformance file runs. */
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  readonly skips: string[];
}

export function newTally(): Tally {
  return { passed: 0, failed: 0, skipped: 0, skips: [] };
}

export function printTally(file: string, t: Tally): void {
  const lines = [`conformance ${file}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`];
  for (const s of t.skips) lines.push(`  skipped ${s}`);
  console.log(lines.join('\n'));
}
