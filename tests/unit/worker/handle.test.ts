import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageId, requestProblem } from '../../../src/worker/validate';

const input = { rule: 'any where true', events: '{"a":1}', settings: {}, mapping: '' };

describe('worker request validation', () => {
  it('accepts every well-formed request', () => {
    for (const m of [
      { type: 'language', id: 1 },
      { type: 'evaluate', id: 2, input, wantEvents: true },
      { type: 'trace', id: 3, input, position: 0 },
      { type: 'parseRule', id: 4, text: 'process where true' },
      { type: 'loadText', id: 5, text: '{}' },
      { type: 'run', id: 6, input: { rule: 'a', settings: {}, mapping: '' } },
      { type: 'rows', id: 7, positions: [0, 1] },
      { type: 'sequences', id: 8, from: 0, count: 5 },
      { type: 'editEvent', id: 9, position: 0, text: '{}' },
      { type: 'search', id: 10, query: 'x' },
      { type: 'exportEvents', id: 11 },
      { type: 'traceAt', id: 12, input: { rule: 'a', settings: {}, mapping: '' }, position: 2 },
      { type: 'evaluate', id: 13, input, wantEvents: false, tuning: { baseline: { rule: 'a', settings: {} } } },
      { type: 'propose', id: 14, input, propose: { position: 0, fields: ['a'] } },
      { type: 'fieldValues', id: 15, field: 'process.name' },
      { type: 'exportRule', id: 16, format: 'toml', query: 'a', metadata: {}, settings: {} },
      { type: 'readWorkspace', id: 17, text: '{}' },
      { type: 'writeWorkspace', id: 18, workspace: { rule: 'a', events: '[]' } },
    ]) {
      expect(requestProblem(m), m.type).toBeUndefined();
    }
  });

  it('names what is wrong with a malformed message', () => {
    expect(requestProblem(null)).toBe('not an object');
    expect(requestProblem({ type: 'language', id: [] })).toBe('the id is not a number');
    expect(requestProblem({ type: 'evaluate', id: 5, input: { rule: 1 } })).toBe('the rule is not text');
    expect(requestProblem({ type: 'trace', id: 6, input, position: 'x' })).toBe('the position is not an index');
    expect(requestProblem({ type: 'rows', id: 7, positions: [-1] })).toBe('the positions are not indexes');
    const runInput = { rule: 'any where true', settings: {}, mapping: '' };
    expect(requestProblem({ type: 'run', id: 9, input: runInput, rows: [0, 1.5] })).toBe('the rows are not indexes');
    expect(requestProblem({ type: 'run', id: 9, input: runInput, rows: [0, 3] })).toBeUndefined();
    expect(requestProblem({ type: 'nope', id: 7 })).toBe('unknown request type "nope"');
    expect(requestProblem({ type: 'evaluate', id: 8, input, tuning: { baseline: { rule: 3 } } })).toBe(
      'the baseline is not a rule',
    );
    expect(requestProblem({ type: 'propose', id: 8, input, propose: { position: 0, fields: [1] } })).toBe(
      'the proposal fields are not text',
    );
    expect(requestProblem({ type: 'exportRule', id: 8, format: 'yaml', query: 'a', metadata: {}, settings: {} })).toBe(
      'the export is not a format, a query, metadata and settings',
    );
    expect(requestProblem({ type: 'toString', id: 7 })).toBe('unknown request type "toString"');
    expect(messageId({ id: 3 })).toBe(3);
    expect(messageId({ id: '3' })).toBe(-1);
  });

  it('arbitrary messages are classified without throwing (property)', () => {
    const message = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record({
        type: fc.constantFrom('evaluate', 'trace', 'language', 'parseRule', 'run', 'rows', 'other'),
        id: fc.anything(),
      }),
      fc.record({
        type: fc.constantFrom('evaluate', 'trace', 'run', 'traceAt'),
        id: fc.integer(),
        input: fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc.record({ rule: fc.anything(), events: fc.anything(), settings: fc.anything(), mapping: fc.anything() }),
        ),
        position: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(message, (m) => {
        const problem = requestProblem(m);
        expect(problem === undefined || typeof problem === 'string').toBe(true);
        if (problem === undefined) expect(typeof (m as { id: unknown }).id).toBe('number');
      }),
      { numRuns: 1000 },
    );
  });
});
