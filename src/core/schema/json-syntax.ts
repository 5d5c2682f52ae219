/**
 * Small JSON helpers shared by the mapping and events readers: locating the first syntax error
 * in a piece of JSON text (engine-independent, so messages and ranges are the same in every
 * browser) and blanking comment lines without moving offsets.
 */

export interface JsonSyntaxError {
  /** Offset of the offending character (or the end of the text for "unexpected end"). */
  readonly offset: number;
  /** End of the range to highlight (at least offset, at most the text end). */
  readonly end: number;
  readonly message: string;
}

const WS = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const DIGIT = (c: number): boolean => c >= 48 && c <= 57;
const HEX = (c: number): boolean => DIGIT(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

function describe(text: string, i: number, end: number): string {
  if (i >= end) return 'end of input';
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  if (ch === '\n' || ch === '\r') return 'a line break';
  return `'${ch}'`;
}

/**
 * Check that text[start, end) holds exactly one JSON value (with optional surrounding whitespace).
 * Returns undefined when it does, else the first error. Iterative: deep nesting cannot overflow.
 */
export function findJsonError(text: string, start = 0, end = text.length): JsonSyntaxError | undefined {
  const stack: number[] = []; // 1 = object, 2 = array
  let i = start;
  const fail = (at: number, message: string): JsonSyntaxError => ({
    offset: Math.min(at, end),
    end: Math.min(at + 1, end),
    message,
  });
  const skipWs = (): void => {
    while (i < end && WS(text.charCodeAt(i))) i++;
  };
  const string = (): JsonSyntaxError | undefined => {
    // text[i] is the opening quote
    const open = i;
    i++;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return undefined;
      }
      if (c === 92) {
        const e = text.charCodeAt(i + 1);
        if (i + 1 >= end) break;
        if (e === 117) {
          for (let k = 2; k < 6; k++) {
            if (i + k >= end || !HEX(text.charCodeAt(i + k)))
              return fail(i, 'Invalid \\u escape: four hex digits must follow');
          }
          i += 6;
          continue;
        }
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          i += 2;
          continue;
        }
        return fail(i, `Invalid escape '\\${String.fromCharCode(e)}' in a string`);
      }
      if (c < 32) {
        return c === 10 || c === 13
          ? fail(open, 'Unterminated string: a line break before the closing quote')
          : fail(i, 'Control character inside a string (escape it)');
      }
      i++;
    }
    return fail(open, 'Unterminated string');
  };
  const number = (): JsonSyntaxError | undefined => {
    const s = i;
    if (text.charCodeAt(i) === 45) i++;
    if (i < end && text.charCodeAt(i) === 48) i++;
    else if (i < end && DIGIT(text.charCodeAt(i))) while (i < end && DIGIT(text.charCodeAt(i))) i++;
    else return fail(s, 'Invalid number');
    if (i < end && text.charCodeAt(i) === 46) {
      i++;
      if (!(i < end && DIGIT(text.charCodeAt(i))))
        return fail(i, 'Invalid number: digits must follow the decimal point');
      while (i < end && DIGIT(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (i < end && (e === 101 || e === 69)) {
      i++;
      const sgn = text.charCodeAt(i);
      if (i < end && (sgn === 43 || sgn === 45)) i++;
      if (!(i < end && DIGIT(text.charCodeAt(i)))) return fail(i, 'Invalid number: digits must follow the exponent');
      while (i < end && DIGIT(text.charCodeAt(i))) i++;
    }
    return undefined;
  };

  // States: 0 expect value, 1 after value, 2 expect key
  let state = 0;
  skipWs();
  if (i >= end) return fail(end, 'No JSON value: the text is empty');
  for (;;) {
    skipWs();
    if (state === 0) {
      if (i >= end) return fail(end, 'Unexpected end of input: a value is missing');
      const c = text.charCodeAt(i);
      if (c === 123) {
        i++;
        skipWs();
        if (text.charCodeAt(i) === 125 && i < end) {
          i++;
          state = 1;
        } else {
          stack.push(1);
          state = 2;
        }
      } else if (c === 91) {
        i++;
        skipWs();
        if (text.charCodeAt(i) === 93 && i < end) {
          i++;
          state = 1;
        } else {
          stack.push(2);
          state = 0;
        }
      } else if (c === 34) {
        const err = string();
        if (err) return err;
        state = 1;
      } else if (c === 45 || DIGIT(c)) {
        const err = number();
        if (err) return err;
        state = 1;
      } else if (text.startsWith('true', i) && i + 4 <= end) {
        i += 4;
        state = 1;
      } else if (text.startsWith('false', i) && i + 5 <= end) {
        i += 5;
        state = 1;
      } else if (text.startsWith('null', i) && i + 4 <= end) {
        i += 4;
        state = 1;
      } else if (c === 93 || c === 125) {
        return fail(i, `Unexpected ${describe(text, i, end)}: a value is missing (trailing comma?)`);
      } else {
        return fail(i, `Unexpected ${describe(text, i, end)}: expected a JSON value`);
      }
    } else if (state === 2) {
      if (i >= end) return fail(end, "Unexpected end of input: expected a property name or '}'");
      if (text.charCodeAt(i) !== 34) {
        const c = text.charCodeAt(i);
        if (c === 125) return fail(i, "Unexpected '}': a property is missing (trailing comma?)");
        return fail(i, `Unexpected ${describe(text, i, end)}: expected a property name in double quotes`);
      }
      const err = string();
      if (err) return err;
      skipWs();
      if (i >= end || text.charCodeAt(i) !== 58)
        return fail(i, `Expected ':' after the property name, found ${describe(text, i, end)}`);
      i++;
      state = 0;
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i < end) return fail(i, `Unexpected ${describe(text, i, end)} after the end of the JSON value`);
        return undefined;
      }
      if (i >= end) return fail(end, `Unexpected end of input: expected ',' or '${top === 1 ? '}' : ']'}'`);
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        state = top === 1 ? 2 : 0;
      } else if ((top === 1 && c === 125) || (top === 2 && c === 93)) {
        i++;
        stack.pop();
      } else {
        return fail(
          i,
          top === 1
            ? `Expected ',' or '}' after a property value, found ${describe(text, i, end)}`
            : `Expected ',' or ']' after an array element, found ${describe(text, i, end)}`,
        );
      }
    }
  }
}

/**
 * Replace every line whose first non-blank characters are `#` or `//` with spaces of the same
 * length, so JSON.parse accepts the rest and offsets stay valid. Returns the text unchanged when
 * it has no such lines.
 */
export function blankCommentLines(text: string): string {
  if (!/^[ \t]*(#|\/\/)/m.test(text)) return text;
  return text.replace(/^[ \t]*(?:#|\/\/)[^\r\n]*/gm, (m) => ' '.repeat(m.length));
}
