import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// The markdown parser Monaco renders hovers with (monaco-editor depends on marked and bundles the same version).
import { marked } from 'marked';
import { codeSpan, plainText } from '../../../src/monaco/markdown';
import { fieldHover } from '../../../src/monaco/eql-language';

const render = (md: string) => marked.parse(md, { async: false }) as string;
const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('hover markdown from user data', () => {
  const hostile = [
    '`![x](https://host.example/pixel.png)`',
    '``a`` ![x](https://h/p.png)',
    '`',
    '```',
    'x\n\n![x](https://h/p.png)',
    '[click](javascript:alert(1))',
    '<img src=https://h/p.png>',
    '**bold** _it_ # h',
  ];

  it('a code span keeps every value as literal code, on one line', () => {
    for (const s of hostile) {
      const html = render(codeSpan(s));
      expect(html).not.toMatch(/<img|<a |<strong|<em|<h1/);
      const code = /<code>([\s\S]*)<\/code>/.exec(html)?.[1];
      expect(decode(code ?? '').trim()).toBe(s.replace(/\n+/g, ' ').trim());
    }
  });

  it('plain text renders as the same characters, no markup', () => {
    for (const s of hostile) {
      const html = render(plainText(s));
      expect(html).not.toMatch(/<img|<a |<strong|<em|<h1|<code/);
      expect(decode(html.replace(/^<p>|<\/p>\n?$/g, ''))).toBe(s.replace(/\n+/g, ' '));
    }
  });

  it('any string in a code span comes back as itself (newlines as spaces)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', 'a', ' ', '!', '[', ']', '(', ')', '<', '*', '\\') }), (s) => {
        const html = render(codeSpan(s));
        expect(html).not.toMatch(/<img|<a /);
        const code = /<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? '';
        // CommonMark strips one leading and trailing space when both are present.
        expect(decode(code)).toBe(
          s === '' ? ' ' : s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '' ? s.slice(1, -1) : s,
        );
      }),
      { numRuns: 500 },
    );
  });

  it("the field hover escapes the event's id and value", () => {
    const lines = fieldHover(
      'process.name',
      { name: 'process.name', type: 'keyword' },
      { id: 'e`1` ![i](https://h/id.png)', source: { process: { name: '` ![x](https://h/p.png) [l](https://h) `' } } },
    );
    const html = render(lines.join('\n\n'));
    expect(html).not.toMatch(/<img|<a /);
    expect(html).toContain('process.name');
    expect(decode(html)).toContain('![x](https://h/p.png)');
  });
});
