/**
 * Markdown for hovers and completion docs built from user data (event ids and values, field
 * names and types from events and mappings). Monaco renders hover text as markdown, so a value
 * holding backticks, brackets or `![x](https://…)` could otherwise close a code span and add
 * links or remote images. Every user value goes through `codeSpan` or `plainText`.
 */

/** Longest run of backticks in `s`. */
function longestBacktickRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) === 96) {
      run++;
      if (run > best) best = run;
    } else run = 0;
  }
  return best;
}

/** Line breaks would end a code span's paragraph and let the rest be read as markdown. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/**
 * `s` as an inline code span that nothing in `s` can close: the fence is one backtick longer
 * than any run inside, and padded with spaces when `s` starts or ends with a backtick.
 */
export function codeSpan(s: string): string {
  const text = oneLine(s);
  if (text === '') return '` `';
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `s` as literal text: every ASCII punctuation character backslash-escaped, on one line. */
export function plainText(s: string): string {
  return oneLine(s).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
