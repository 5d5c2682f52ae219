/**
 * A small Wadler-style pretty-printing engine for the EQL printer: build a document of text,
 * line breaks, indentation and groups, then lay it out to a width. A group prints flat when it
 * fits on the current line and breaks all its lines otherwise; a fill packs items per line.
 */

export type Doc = string | Concat | Group | Indent | Line | Fill | Suffix | BreakParent;

interface Concat {
  readonly t: 'concat';
  readonly parts: readonly Doc[];
}
interface Group {
  readonly t: 'group';
  readonly doc: Doc;
}
interface Indent {
  readonly t: 'indent';
  readonly doc: Doc;
}
interface Line {
  readonly t: 'line';
  /** Flat: nothing (soft) or one space. */
  readonly soft: boolean;
  /** Always a line break; the enclosing groups break too. */
  readonly hard?: boolean;
}
/** Text held back until the next line break (a trailing `//` comment). */
interface Suffix {
  readonly t: 'suffix';
  readonly text: string;
}
/** Forces the enclosing groups to break. */
interface BreakParent {
  readonly t: 'breakParent';
}
interface Fill {
  readonly t: 'fill';
  /** Alternating content and separator docs: [c0, sep, c1, sep, c2, ...]. */
  readonly parts: readonly Doc[];
  /** Where the remaining items start (layout walks a long fill without copying it). */
  readonly start?: number;
}

export const line: Doc = { t: 'line', soft: false };
export const softline: Doc = { t: 'line', soft: true };
export const hardline: Doc = { t: 'line', soft: false, hard: true };
export const breakParent: Doc = { t: 'breakParent' };
export function lineSuffix(text: string): Doc {
  return { t: 'suffix', text };
}

export function concat(...parts: Doc[]): Doc {
  return { t: 'concat', parts };
}
export function group(...parts: Doc[]): Doc {
  return { t: 'group', doc: parts.length === 1 ? parts[0]! : concat(...parts) };
}
export function indent(...parts: Doc[]): Doc {
  return { t: 'indent', doc: parts.length === 1 ? parts[0]! : concat(...parts) };
}
export function fill(parts: readonly Doc[]): Doc {
  return { t: 'fill', parts };
}
/** `items` separated by `sep` (e.g. `[',', line]`). */
export function join(sep: Doc, items: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  items.forEach((d, i) => {
    if (i > 0) out.push(sep);
    out.push(d);
  });
  return out;
}

type Mode = 'flat' | 'break';
type Cmd = [indent: number, mode: Mode, doc: Doc];

/**
 * Whether `next` (then `rest`, up to its first break) fits in `width` columns. Concatenations are
 * walked part by part, so a long one costs only the parts read before the answer is known.
 */
function fits(next: Cmd, rest: readonly Cmd[], width: number): boolean {
  const stack: [mode: Mode, doc: Doc, read: number][] = [[next[1], next[2], 0]];
  let restIdx = rest.length;
  let remaining = width;
  while (remaining >= 0) {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (restIdx === 0) return true;
      const r = rest[--restIdx]!;
      stack.push([r[1], r[2], 0]);
      continue;
    }
    const [mode, doc, read] = top;
    if (typeof doc === 'string') {
      stack.pop();
      remaining -= doc.length;
      continue;
    }
    switch (doc.t) {
      case 'concat':
      case 'fill': {
        const k = (doc.t === 'fill' ? (doc.start ?? 0) : 0) + read;
        if (k >= doc.parts.length) stack.pop();
        else {
          top[2] = read + 1;
          stack.push([mode, doc.parts[k]!, 0]);
        }
        break;
      }
      case 'indent':
      case 'group':
        stack[stack.length - 1] = [mode, doc.doc, 0];
        break;
      case 'line':
        if (mode === 'break' || doc.hard) return mode === 'break';
        stack.pop();
        if (!doc.soft) remaining -= 1;
        break;
      case 'suffix':
        stack.pop();
        break;
      case 'breakParent':
        if (mode === 'flat') return false;
        stack.pop();
        break;
    }
  }
  return false;
}

/** Lays `doc` out within `width` columns, indenting by `tab` spaces per level. */
export function layout(doc: Doc, width = 100, tab = 2): string {
  const out: string[] = [];
  let pos = 0;
  let suffixes: string[] = [];
  const cmds: Cmd[] = [[0, 'break', doc]];
  while (cmds.length > 0) {
    const [ind, mode, d] = cmds.pop()!;
    if (typeof d === 'string') {
      out.push(d);
      pos += d.length;
      continue;
    }
    switch (d.t) {
      case 'concat':
        for (let i = d.parts.length - 1; i >= 0; i--) cmds.push([ind, mode, d.parts[i]!]);
        break;
      case 'indent':
        cmds.push([ind + 1, mode, d.doc]);
        break;
      case 'group': {
        const flat: Cmd = [ind, 'flat', d.doc];
        cmds.push(mode === 'flat' || fits(flat, cmds, width - pos) ? flat : [ind, 'break', d.doc]);
        break;
      }
      case 'suffix':
        suffixes.push(d.text);
        break;
      case 'breakParent':
        break;
      case 'line':
        if (mode === 'flat' && !d.hard) {
          if (!d.soft) {
            out.push(' ');
            pos += 1;
          }
        } else {
          if (suffixes.length > 0) {
            // Several held-back comments: one per line.
            out.push(suffixes.join(`\n${' '.repeat(ind * tab)}`));
            suffixes = [];
          }
          // Trim trailing spaces before the break.
          while (out.length > 0 && / +$/.test(out[out.length - 1]!)) {
            out[out.length - 1] = out[out.length - 1]!.replace(/ +$/, '');
            if (out[out.length - 1] === '') out.pop();
            else break;
          }
          const pad = ' '.repeat(ind * tab);
          out.push(`\n${pad}`);
          pos = pad.length;
        }
        break;
      case 'fill': {
        const start = d.start ?? 0;
        if (mode === 'flat') {
          for (let i = d.parts.length - 1; i >= start; i--) cmds.push([ind, mode, d.parts[i]!]);
          break;
        }
        const content = d.parts[start];
        const sep = d.parts[start + 1];
        if (content === undefined) break;
        const contentFlat: Cmd = [ind, 'flat', content];
        const contentFits = fits(contentFlat, [], width - pos);
        if (sep === undefined) {
          cmds.push(contentFits ? contentFlat : [ind, 'break', content]);
          break;
        }
        const next = d.parts[start + 2];
        if (next !== undefined) cmds.push([ind, mode, { t: 'fill', parts: d.parts, start: start + 2 }]);
        const pairFits = next !== undefined && fits([ind, 'flat', concat(content, sep, next)], [], width - pos);
        cmds.push(pairFits ? [ind, 'flat', sep] : [ind, 'break', sep]);
        cmds.push(contentFits ? contentFlat : [ind, 'break', content]);
        break;
      }
    }
  }
  if (suffixes.length > 0) out.push(suffixes.join('\n'));
  return out.join('');
}
