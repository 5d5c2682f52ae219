/** The value types the date parsers share (dates.ts and date-pattern.ts). */

/** An instant: epoch milliseconds plus the nanoseconds within that millisecond (0..999999). */
export interface Instant {
  readonly ms: number;
  readonly nanos: number;
}

/** Date and time fields collected while parsing, before they are resolved to an instant. */
export interface Fields {
  year?: number;
  yearOfEra?: number;
  era?: number;
  month?: number | undefined;
  day?: number | undefined;
  dayOfYear?: number;
  dayOfWeek?: number;
  hour?: number | undefined;
  hourOfAmPm?: number;
  amPm?: number;
  minute?: number | undefined;
  second?: number | undefined;
  nanos?: number;
  milliOfDay?: number;
  offsetSec?: number;
  zone?: string;
}
