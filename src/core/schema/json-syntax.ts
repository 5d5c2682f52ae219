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

const OBJECT = 1;
const ARRAY = 2;

/** A single pass over text[start, end): `i` moves forward, `stack` holds the open containers. */
class JsonChecker {
  private readonly stack: number[] = [];
  private i: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.i = start;
  }

  private fail(at: number, message: string): JsonSyntaxError {
    return { offset: Math.min(at, this.end), end: Math.min(at + 1, this.end), message };
  }

  private at(): string {
    return describe(this.text, this.i, this.end);
  }

  private code(k = 0): number {
    return this.text.charCodeAt(this.i + k);
  }

  private skipWs(): void {
    while (this.i < this.end && WS(this.code())) this.i++;
  }

  private digits(): void {
    while (this.i < this.end && DIGIT(this.code())) this.i++;
  }

  /** The string whose opening quote is at `i`. */
  private string(): JsonSyntaxError | undefined {
    const open = this.i;
    this.i++;
    while (this.i < this.end) {
      const c = this.code();
      if (c === 34) {
        this.i++;
        return undefined;
      }
      if (c === 92) {
        const e = this.code(1);
        if (this.i + 1 >= this.end) break;
        if (e === 117) {
          for (let k = 2; k < 6; k++) {
            if (this.i + k >= this.end || !HEX(this.code(k)))
              return this.fail(this.i, 'Invalid \\u escape: four hex digits must follow');
          }
          this.i += 6;
          continue;
        }
        if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          this.i += 2;
          continue;
        }
        return this.fail(this.i, `Invalid escape '\\${String.fromCharCode(e)}' in a string`);
      }
      if (c < 32) {
        return c === 10 || c === 13
          ? this.fail(open, 'Unterminated string: a line break before the closing quote')
          : this.fail(this.i, 'Control character inside a string (escape it)');
      }
      this.i++;
    }
    return this.fail(open, 'Unterminated string');
  }

  private number(): JsonSyntaxError | undefined {
    const s = this.i;
    if (this.code() === 45) this.i++;
    if (this.i < this.end && this.code() === 48) this.i++;
    else if (this.i < this.end && DIGIT(this.code())) this.digits();
    else return this.fail(s, 'Invalid number');
    if (this.i < this.end && this.code() === 46) {
      this.i++;
      if (!(this.i < this.end && DIGIT(this.code())))
        return this.fail(this.i, 'Invalid number: digits must follow the decimal point');
      this.digits();
    }
    const e = this.code();
    if (this.i < this.end && (e === 101 || e === 69)) {
      this.i++;
      const sgn = this.code();
      if (this.i < this.end && (sgn === 43 || sgn === 45)) this.i++;
      if (!(this.i < this.end && DIGIT(this.code())))
        return this.fail(this.i, 'Invalid number: digits must follow the exponent');
      this.digits();
    }
    return undefined;
  }

  /** `{` or `[` at `i`: an empty container is a whole value, else it is opened. */
  private open(kind: number, close: number): State {
    this.i++;
    this.skipWs();
    if (this.code() === close && this.i < this.end) {
      this.i++;
      return 'after-value';
    }
    this.stack.push(kind);
    return kind === OBJECT ? 'key' : 'value';
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.i) || this.i + word.length > this.end) return false;
    this.i += word.length;
    return true;
  }

  /** A value is expected at `i`. */
  private value(): State | JsonSyntaxError {
    if (this.i >= this.end) return this.fail(this.end, 'Unexpected end of input: a value is missing');
    const c = this.code();
    if (c === 123) return this.open(OBJECT, 125);
    if (c === 91) return this.open(ARRAY, 93);
    if (c === 34 || c === 45 || DIGIT(c)) return (c === 34 ? this.string() : this.number()) ?? 'after-value';
    if (this.literal('true') || this.literal('false') || this.literal('null')) return 'after-value';
    if (c === 93 || c === 125)
      return this.fail(this.i, `Unexpected ${this.at()}: a value is missing (trailing comma?)`);
    return this.fail(this.i, `Unexpected ${this.at()}: expected a JSON value`);
  }

  /** A property name and its colon are expected at `i`. */
  private key(): State | JsonSyntaxError {
    if (this.i >= this.end) return this.fail(this.end, "Unexpected end of input: expected a property name or '}'");
    if (this.code() !== 34) {
      if (this.code() === 125) return this.fail(this.i, "Unexpected '}': a property is missing (trailing comma?)");
      return this.fail(this.i, `Unexpected ${this.at()}: expected a property name in double quotes`);
    }
    const err = this.string();
    if (err) return err;
    this.skipWs();
    if (this.i >= this.end || this.code() !== 58)
      return this.fail(this.i, `Expected ':' after the property name, found ${this.at()}`);
    this.i++;
    return 'value';
  }

  /** After a value: a separator, the end of its container, or the end of the text. */
  private afterValue(): State | JsonSyntaxError | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      return this.i < this.end
        ? this.fail(this.i, `Unexpected ${this.at()} after the end of the JSON value`)
        : undefined;
    }
    if (this.i >= this.end)
      return this.fail(this.end, `Unexpected end of input: expected ',' or '${top === OBJECT ? '}' : ']'}'`);
    const c = this.code();
    if (c === 44) {
      this.i++;
      return top === OBJECT ? 'key' : 'value';
    }
    if ((top === OBJECT && c === 125) || (top === ARRAY && c === 93)) {
      this.i++;
      this.stack.pop();
      return 'after-value';
    }
    return this.fail(
      this.i,
      top === OBJECT
        ? `Expected ',' or '}' after a property value, found ${this.at()}`
        : `Expected ',' or ']' after an array element, found ${this.at()}`,
    );
  }

  run(): JsonSyntaxError | undefined {
    this.skipWs();
    if (this.i >= this.end) return this.fail(this.end, 'No JSON value: the text is empty');
    let state: State = 'value';
    for (;;) {
      this.skipWs();
      const next: State | JsonSyntaxError | undefined =
        state === 'value' ? this.value() : state === 'key' ? this.key() : this.afterValue();
      if (typeof next !== 'string') return next;
      state = next;
    }
  }
}

type State = 'value' | 'key' | 'after-value';

/**
 * Check that text[start, end) holds exactly one JSON value (with optional surrounding whitespace).
 * Returns undefined when it does, else the first error. Iterative: deep nesting cannot overflow.
 */
export function findJsonError(text: string, start = 0, end = text.length): JsonSyntaxError | undefined {
  return new JsonChecker(text, start, end).run();
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
