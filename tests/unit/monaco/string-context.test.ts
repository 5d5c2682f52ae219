import { describe, expect, it } from 'vitest';
import { stringContent, stringContext } from '../../../src/monaco/string-context';

const at = (text: string) => stringContext(text);

describe('stringContext: the field a string literal is compared with', () => {
  it('after comparison operators', () => {
    expect(at('process where process.name == "ba')).toMatchObject({
      field: 'process.name',
      prefix: 'ba',
      kind: 'quoted',
    });
    expect(at('file where file.path : "/etc/')).toMatchObject({ field: 'file.path', prefix: '/etc/' });
    expect(at('any where x != "')).toMatchObject({ field: 'x', prefix: '' });
    expect(at('any where `weird name` == "a')).toMatchObject({ field: 'weird name' });
    expect(at('any where process.name like~ "a')).toMatchObject({ field: 'process.name' });
  });

  it('inside lists, after earlier elements (commas and brackets inside strings ignored)', () => {
    const rule = 'file where not process.executable in ("/usr/bin/dpkg", "a,(b", ?"c"\n   , "/usr/';
    expect(at(rule)).toMatchObject({ field: 'process.executable', prefix: '/usr/' });
    expect(at('file where file.name : ("x*", "')).toMatchObject({ field: 'file.name', prefix: '' });
    expect(at('file where process.name not in ("')).toMatchObject({ field: 'process.name' });
    expect(at('file where a in ("x") and b == "y" and c in ("')).toMatchObject({ field: 'c' });
  });

  it('as the second argument of a function whose first argument is a field', () => {
    expect(at('process where startsWith~(process.name, "ba')).toMatchObject({ field: 'process.name', prefix: 'ba' });
    expect(at('process where wildcard(process.name, "a", "')).toMatchObject({ field: 'process.name' });
    expect(at('process where startsWith("lit", "a')).toBeUndefined();
  });

  it('raw and triple-quoted strings; escapes do not end a string', () => {
    expect(at('any where f == ?"C:\\')).toMatchObject({ field: 'f', prefix: 'C:\\', kind: 'raw' });
    expect(at('any where f == """a"b')).toMatchObject({ field: 'f', prefix: 'a"b', kind: 'triple' });
    expect(at('any where f == "a\\"b')).toMatchObject({ field: 'f', prefix: 'a\\"b' });
  });

  it('nothing outside a string, in comments, or where no field is on the left', () => {
    expect(at('any where f == "a" and g')).toBeUndefined();
    expect(at('any where f == "a" // g == "')).toBeUndefined();
    expect(at('any where /* f == " */ g')).toBeUndefined();
    expect(at('any where "')).toBeUndefined();
    expect(at('sequence [process where true] by "')).toBeUndefined();
  });

  it('the offset of the string content is where the typed prefix starts', () => {
    const text = 'any where f == "ab';
    const c = at(text)!;
    expect(text.slice(c.contentStart)).toBe(c.prefix);
  });
});

describe('stringContent: a value written inside a string', () => {
  it('escapes what a quoted string needs; raw and triple strings take the value as is unless they cannot', () => {
    expect(stringContent('C:\\Windows\\"x"', 'quoted')).toBe('C:\\\\Windows\\\\\\"x\\"');
    expect(stringContent('C:\\Windows', 'raw')).toBe('C:\\Windows');
    expect(stringContent('a"b', 'raw')).toBeUndefined();
    expect(stringContent('a"b', 'triple')).toBe('a"b');
    expect(stringContent('a"""b', 'triple')).toBeUndefined();
  });
});
