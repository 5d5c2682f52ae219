import { describe, expect, it } from 'vitest';
import { call, failure } from './helpers';
import { Codes } from '../../../../../src/core/diagnostics/codes';

const W = 'welcome to the planet';

describe('between', () => {
  it('extracts between delimiters, lazily by default', () => {
    expect(call('between', [W, 'welcome', 'planet'])).toBe(' to the ');
    expect(call('between', [W, 'welcome', 'e', false])).toBe(' to th');
    expect(call('between', [W, 'welcome', 'e', true])).toBe(' to the plan');
    expect(call('between', ['C:\\Windows\\System32\\cmd.exe', '\\', '\\', false])).toBe('Windows');
    expect(call('between', ['C:\\Windows\\System32\\cmd.exe', '\\', '\\', true])).toBe('Windows\\System32');
  });
  it('gives the empty string when a delimiter is not found (ES StringUtils.between)', () => {
    expect(call('between', [W, 'welcome', 'village'])).toBe('');
    expect(call('between', [W, 'goodbye', 'planet'])).toBe('');
    expect(call('between', [W, 'welcome', 'x', true])).toBe('');
    expect(call('between', ['C:\\Windows\\System32\\cmd.exe', 'workspace\\', '.exe'])).toBe('');
  });
  it('returns the source unchanged when it or a delimiter is empty', () => {
    expect(call('between', [W, '', 'x', true])).toBe(W);
    expect(call('between', [W, '', '', true])).toBe(W);
    expect(call('between', [W, '', '', false])).toBe(W);
    expect(call('between', [W, '', 'planet', false])).toBe(W);
    expect(call('between', [W, 'welcome', ''])).toBe(W);
    expect(call('between', ['', 'a', 'b'])).toBe('');
  });
  it('fails like Java substring when the greedy right delimiter ends before left', () => {
    expect(() => call('between', ['ab', 'b', 'a', true])).toThrow('begin 2, end 0, length 2');
  });
  it('a null source gives null; a null delimiter is an error', () => {
    expect(call('between', [null, 'welcome', 'planet'])).toBeNull();
    expect(() => call('between', [W, null, 'planet'])).toThrow('A string/char is required; received [null]');
    expect(() => call('between', [W, 'welcome', null])).toThrow('A string/char is required; received [null]');
  });
  it('between~ finds delimiters ignoring case and cuts the original', () => {
    expect(call('between', ['C:\\Windows\\System32\\cmd.exe', 'system32\\', '.exe'])).toBe('');
    expect(call('between', ['C:\\Windows\\System32\\cmd.exe', 'system32\\', '.EXE'], { ci: true })).toBe('cmd');
  });
  it('reads greedy at runtime when it is not a constant', () => {
    expect(call('between', [W, 'welcome', 'e', true], { constant: false })).toBe(' to the plan');
  });
});

describe('concat', () => {
  it('joins values as Java text', () => {
    expect(call('concat', ['a'])).toBe('a');
    expect(call('concat', ['a', '||', 1, '||', 'b'])).toBe('a||1||b');
    expect(call('concat', ['a', '||', 1, '||', true, '||', 'b'])).toBe('a||1||true||b');
    expect(call('concat', ['regsvr32.exe', ' ', 42.5])).toBe('regsvr32.exe 42.5');
    expect(call('concat', ['x', 1], { types: ['keyword', 'double'] })).toBe('x1.0');
    expect(call('concat', ['x', 1e20], { types: ['keyword', 'double'] })).toBe('x1.0E20');
  });
  it('any null argument gives null', () => {
    expect(call('concat', [null])).toBeNull();
    expect(call('concat', [null, null, null])).toBeNull();
    expect(call('concat', ['a', '||', null, '||', 'b'])).toBeNull();
  });
});

describe('startsWith / endsWith', () => {
  it('are case-sensitive', () => {
    expect(call('startsWith', ['FooBarBaz', 'Foo'])).toBe(true);
    expect(call('startsWith', ['FooBarBaz', 'FooBar'])).toBe(true);
    expect(call('startsWith', ['FooBarBaz', 'Bar'])).toBe(false);
    expect(call('startsWith', ['FooBar', 'foo'])).toBe(false);
    expect(call('endsWith', ['FooBarBaz', 'Baz'])).toBe(true);
    expect(call('endsWith', ['FooBarBaz', 'Foo'])).toBe(false);
    expect(call('endsWith', ['FooBarBaz', 'baz'])).toBe(false);
  });
  it('empty needles match', () => {
    expect(call('startsWith', ['FooBarBaz', ''])).toBe(true);
    expect(call('endsWith', ['', ''])).toBe(true);
  });
  it('~ variants ignore case', () => {
    expect(call('startsWith', ['FooBar', 'FOO'], { ci: true })).toBe(true);
    expect(call('startsWith', ['FooBar', 'foo'], { ci: true })).toBe(true);
    expect(call('startsWith', ['FooBar', 'Bar'], { ci: true })).toBe(false);
    expect(call('endsWith', ['FooBarBaz', 'baz'], { ci: true })).toBe(true);
    expect(call('endsWith', ['regsvr32.exe', '.EXE'], { ci: true, constant: false })).toBe(true);
  });
  it('null arguments give null', () => {
    expect(call('startsWith', ['FooBarBaz', null])).toBeNull();
    expect(call('startsWith', [null, 'Foo'])).toBeNull();
    expect(call('endsWith', ['', null])).toBeNull();
    expect(call('endsWith', [null, null])).toBeNull();
  });
  it('non-string values fail at runtime', () => {
    expect(failure('startsWith', [5, 'x'], { types: ['unknown', 'keyword'] })).toEqual({
      code: Codes.RuntimeError,
      message: 'A string/char is required; received [5]',
    });
  });
});

describe('indexOf', () => {
  const D = 'subdomain.example.com';
  it('follows Java indexOf', () => {
    expect(call('indexOf', ['foobarbaz', 'o'])).toBe(1);
    expect(call('indexOf', ['foobarbaz', 'o', 0])).toBe(1);
    expect(call('indexOf', ['foobarbaz', 'o', 1])).toBe(1);
    expect(call('indexOf', ['foobarbaz', 'o', 2])).toBe(2);
    expect(call('indexOf', ['foobarbaz', 'r'])).toBe(5);
    expect(call('indexOf', ['foobarbaz', 'r', 2])).toBe(5);
    expect(call('indexOf', [D, '.', 10])).toBe(17);
    expect(call('indexOf', [D, '.', -6])).toBe(9);
  });
  it('empty substrings return the start position', () => {
    expect(call('indexOf', ['', ''])).toBe(0);
    expect(call('indexOf', [D, ''])).toBe(0);
    expect(call('indexOf', [D, '', 9])).toBe(9);
    expect(call('indexOf', [D, '', -6])).toBe(0);
    expect(call('indexOf', [D, '', 30])).toBe(D.length);
  });
  it('not found is null, not -1', () => {
    expect(call('indexOf', ['foobarbaz', 'L'])).toBeNull();
    expect(call('indexOf', [D, 'z', 9])).toBeNull();
    expect(call('indexOf', [D, '.', 30])).toBeNull();
  });
  it('null handling: source/substring null → null, start null → 0', () => {
    expect(call('indexOf', [null, 'L'])).toBeNull();
    expect(call('indexOf', ['foobarbaz', null])).toBeNull();
    expect(call('indexOf', [null, null])).toBeNull();
    expect(call('indexOf', ['foobarbaz', 'o', null])).toBe(1);
  });
  it('indexOf~ ignores case', () => {
    expect(call('indexOf', [D, 'D'])).toBeNull();
    expect(call('indexOf', [D, 'D'], { ci: true })).toBe(3);
  });
});

describe('length', () => {
  it('counts UTF-16 code units', () => {
    expect(call('length', [''])).toBe(0);
    expect(call('length', ['foo'])).toBe(3);
    expect(call('length', ['\u{1F600}'])).toBe(2);
    expect(call('length', [null])).toBeNull();
  });
});

describe('string', () => {
  it('prints Java text', () => {
    expect(call('string', [null])).toBeNull();
    expect(call('string', [1])).toBe('1');
    expect(call('string', [true])).toBe('true');
    expect(call('string', [2.1828])).toBe('2.1828');
    expect(call('string', ['hello'])).toBe('hello');
    expect(call('string', [1], { types: ['double'] })).toBe('1.0');
    expect(call('string', [0.0001], { types: ['double'] })).toBe('1.0E-4');
    expect(call('string', [8589934592], { types: ['long'] })).toBe('8589934592');
  });
});

describe('stringContains', () => {
  it('is case-sensitive and false on empty input', () => {
    expect(call('stringContains', ['powershell.exe', 'shell'])).toBe(true);
    expect(call('stringContains', ['powershell.exe', 'Shell'])).toBe(false);
    expect(call('stringContains', ['', ''])).toBe(false);
    expect(call('stringContains', ['abc', ''])).toBe(false);
    expect(call('stringContains', ['', 'a'])).toBe(false);
  });
  it('~ ignores case; null gives null', () => {
    expect(call('stringContains', ['regsvr32.exe', 'Regsvr32'], { ci: true })).toBe(true);
    expect(call('stringContains', [null, 'a'])).toBeNull();
    expect(call('stringContains', ['a', null])).toBeNull();
  });
});

describe('substring', () => {
  const H = 'hello world';
  it.each([
    [[H, null, null], 'hello world'],
    [[H, 6, null], 'world'],
    [[H, null, 5], 'hello'],
    [[H, 0, 5], 'hello'],
    [[H, 0, 500], 'hello world'],
    [[H, 5, -1], ' worl'],
    [[H, 3, 9], 'lo wor'],
    [[H, -5, null], 'world'],
    [[H, -5, 11], 'world'],
    [[H, -5, 100], 'world'],
    [[H, -60, 5], 'hello'],
    [[H, -5], 'world'],
    [[H, -5, -1], 'worl'],
    [[H, 8, 3], ''],
    [['', 1, 2], ''],
    [['start regsvr32.exe', -4, -1], '.ex'],
  ] as [(string | number | null)[], string][])('substring(%j) → %j', (args, want) => {
    expect(call('substring', args)).toBe(want);
  });
  it('null source gives null', () => {
    expect(call('substring', [null, 5])).toBeNull();
    expect(call('substring', [null, null])).toBeNull();
  });
});
