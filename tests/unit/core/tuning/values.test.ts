import { describe, expect, test } from 'vitest';
import { fieldValues } from '../../../../src/core/index';
import { docs } from './helpers';

describe('fieldValues', () => {
  const events = docs([
    { process: { name: 'bash', args: ['-c', 'x', 'x'] } },
    { process: { name: 'bash', args: ['-c'] } },
    { 'process.name': 'zsh' },
    { process: { pid: 4 } },
    { process: { name: null } },
  ]);

  test('values with counts, most frequent first; dotted keys read like nested ones', () => {
    expect(fieldValues(events, 'process.name')).toEqual([
      { value: 'bash', count: 2 },
      { value: 'zsh', count: 1 },
    ]);
  });

  test('an array counts once per event for each distinct element', () => {
    expect(fieldValues(events, 'process.args')).toEqual([
      { value: '-c', count: 2 },
      { value: 'x', count: 1 },
    ]);
  });

  test('numbers, a limit, and a field no event has', () => {
    expect(fieldValues(events, 'process.pid')).toEqual([{ value: 4, count: 1 }]);
    expect(fieldValues(events, 'process.name', 1)).toEqual([{ value: 'bash', count: 2 }]);
    expect(fieldValues(events, 'nope')).toEqual([]);
  });
});
