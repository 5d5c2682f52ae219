/**
 * `check` knows the whole Elastic Defend event schema: a sample of the fields listed in
 * ../shared/data/defend-fields.tsv (every fifth events field, all types) raises no
 * unknown-column warning. Skipped when the shared folder is absent.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/main';

const TSV = resolve(__dirname, '../../../../shared/data/defend-fields.tsv');
const available = existsSync(TSV);

function sampleFields(): string[] {
  const names = new Set<string>();
  for (const line of readFileSync(TSV, 'utf8').split('\n').slice(2)) {
    const [stream, field, type] = line.split('\t');
    if (stream?.startsWith('logs-endpoint.events.') && field && type !== 'object') names.add(field);
  }
  return [...names].sort().filter((_, i) => i % 5 === 0);
}

describe.skipIf(!available)(
  `check over Elastic Defend fields${available ? '' : ` (skipped: ${TSV} not found; the shared folder is not checked out next to the project)`}`,
  () => {
    test('a sample of Defend event fields gives no unknown-column warning', async () => {
      const fields = sampleFields();
      expect(fields.length).toBeGreaterThan(150);
      const dir = mkdtempSync(join(tmpdir(), 'eql-defend-'));
      const files = fields.map((f, i) => {
        const p = join(dir, `q${i}.eql`);
        writeFileSync(p, `any where \`${f}\` != null\n`);
        return p;
      });
      let out = '';
      const code = await main(['check', '--json', ...files], {
        out: (s) => {
          out += s;
        },
        err: () => {},
      });
      const results = JSON.parse(out) as { file: string; diagnostics: { code: string; message: string }[] }[];
      expect(results).toHaveLength(fields.length);
      const unknown = results.flatMap((r) =>
        r.diagnostics.filter((d) => d.code === 'EQL4001' || d.code === 'EQL2002').map((d) => d.message),
      );
      expect(unknown).toEqual([]);
      expect([0, 1]).toContain(code);
    });
  },
);
