/** JUnit XML for CI systems: one test suite per input, one test case per expectation. */
import type { ExpectationResult } from '../core/index';

export interface JunitSuite {
  readonly name: string;
  readonly results: readonly ExpectationResult[];
  /** A problem that kept the suite from running (unreadable file): one error case. */
  readonly error?: string;
}

/** XML 1.0 text: the five entities escaped, characters XML cannot hold dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function caseName(r: ExpectationResult): string {
  const clause = r.expected.clause !== undefined ? ` by ${r.expected.clause}` : '';
  return `${r.id} is ${r.expected.verdict}${clause}`;
}

function testcase(suite: string, r: ExpectationResult): string {
  const head = `    <testcase classname="${xmlEscape(suite)}" name="${xmlEscape(caseName(r))}"`;
  if (r.met) return `${head}/>`;
  const message = `expected ${r.expected.verdict}, got ${r.got ?? 'nothing'}`;
  return `${head}>\n      <failure message="${xmlEscape(message)}" type="unmet">${xmlEscape(r.reason)}</failure>\n    </testcase>`;
}

export function junitXml(suites: readonly JunitSuite[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const tests = suites.reduce((n, s) => n + (s.error ? 1 : s.results.length), 0);
  const failures = suites.reduce((n, s) => n + s.results.filter((r) => !r.met).length, 0);
  const errors = suites.filter((s) => s.error).length;
  lines.push(`<testsuites name="eql-playground test" tests="${tests}" failures="${failures}" errors="${errors}">`);
  for (const s of suites) {
    const name = xmlEscape(s.name);
    if (s.error) {
      lines.push(`  <testsuite name="${name}" tests="1" failures="0" errors="1">`);
      lines.push(`    <testcase classname="${name}" name="read ${name}">`);
      lines.push(`      <error message="${xmlEscape(s.error)}" type="unreadable"/>`);
      lines.push('    </testcase>', '  </testsuite>');
      continue;
    }
    const failed = s.results.filter((r) => !r.met).length;
    lines.push(`  <testsuite name="${name}" tests="${s.results.length}" failures="${failed}" errors="0">`);
    for (const r of s.results) lines.push(testcase(s.name, r));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
