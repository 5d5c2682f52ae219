/** The one date module: mapping formats for comparisons, ordering and join keys. */
import { describe, expect, test } from 'vitest';
import { dateFormat, dateNanosKey, formatDate, parseDateWithFormat } from '../../../../src/core/runtime/dates';

const parse = parseDateWithFormat;

describe('the default format, strict_date_optional_time||epoch_millis', () => {
  test('reads ISO dates and epoch milliseconds', () => {
    expect(parse('1970-01-01T00:00:01Z', undefined)).toBe(1000);
    expect(parse('2020-01-02', undefined)).toBe(Date.UTC(2020, 0, 2));
    expect(parse('2020-01', undefined)).toBe(Date.UTC(2020, 0, 1));
    expect(parse('2020-01-02T03:04:05.123456789+01:00', undefined)).toBe(Date.UTC(2020, 0, 2, 2, 4, 5, 123));
    expect(parse('2020-01-02T03:04:05,5Z', undefined)).toBe(Date.UTC(2020, 0, 2, 3, 4, 5, 500));
    expect(parse('2020-01-02T03-0130', undefined)).toBe(Date.UTC(2020, 0, 2, 4, 30));
    expect(parse('1600000000000', undefined)).toBe(1_600_000_000_000);
    expect(parse(1_600_000_000_000, undefined)).toBe(1_600_000_000_000);
    expect(parse('-5', undefined)).toBe(-5);
  });
  test('a four-digit number is a year: the date format is tried first, and JSON numbers are read as text', () => {
    expect(parse('1000', undefined)).toBe(Date.UTC(1000, 0, 1));
    expect(parse(2020, undefined)).toBe(Date.UTC(2020, 0, 1));
    expect(parse(999, undefined)).toBe(999);
  });
  test('is strict: no rolled-over days, no space for T, no two-digit fields written short', () => {
    for (const bad of [
      '2020-13-45',
      '2020-02-30T00:00:00Z',
      '2019-02-29',
      '2020-01-01 00:00:00',
      '2020-1-1',
      '2020-01-01T24:00:00Z',
      '2020-01-01T00:60Z',
      ' 2020-01-01',
      '20-01-01',
      'yesterday',
      '',
    ])
      expect(parse(bad, undefined), bad).toBeNaN();
    expect(parse('2020-02-29', undefined)).toBe(Date.UTC(2020, 1, 29));
  });
  test('date_optional_time is the lenient spelling', () => {
    expect(parse('2020-1-2T3:04', 'date_optional_time')).toBe(Date.UTC(2020, 0, 2, 3, 4));
    expect(parse('2020-02-30', 'date_optional_time')).toBeNaN();
  });
});

describe('named formats', () => {
  test('epoch formats', () => {
    expect(parse('12', 'epoch_second')).toBe(12000);
    expect(parse('12.5', 'epoch_second')).toBe(12500);
    expect(parse('12', 'epoch_millis')).toBe(12);
    expect(parse('2020-01-01', 'epoch_millis')).toBeNaN();
  });
  test('fixed ISO shapes and basic formats', () => {
    expect(parse('2020-01-02T03:04:05.678Z', 'strict_date_time')).toBe(Date.UTC(2020, 0, 2, 3, 4, 5, 678));
    expect(parse('2020-01-02T03:04:05Z', 'strict_date_time')).toBeNaN();
    expect(parse('2020-01-02T03:04:05+0100', 'strict_date_time_no_millis')).toBe(Date.UTC(2020, 0, 2, 2, 4, 5));
    expect(parse('2020-01-02', 'strict_date')).toBe(Date.UTC(2020, 0, 2));
    expect(parse('20200102', 'basic_date')).toBe(Date.UTC(2020, 0, 2));
    expect(parse('20200102T030405.000Z', 'basic_date_time')).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(parse('2020-01-02T03:04:05', 'strictDateHourMinuteSecond')).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
  });
});

describe('custom java.time patterns', () => {
  test('numbers, alternatives and fractions of exactly the pattern width', () => {
    expect(parse('17-12-2022', 'dd-MM-yyyy')).toBe(Date.UTC(2022, 11, 17));
    expect(parse('2022-12-17', 'dd-MM-yyyy||yyyy-MM-dd')).toBe(Date.UTC(2022, 11, 17));
    expect(parse('2022/12/17 10:11:12.500', 'yyyy/MM/dd HH:mm:ss.SSS')).toBe(Date.UTC(2022, 11, 17, 10, 11, 12, 500));
    expect(parse('2022/12/17 10:11:12.5', 'yyyy/MM/dd HH:mm:ss.SSS')).toBeNaN();
    expect(parse('2022-12-17', 'dd-MM-yyyy')).toBeNaN();
    expect(parse('7/3/2022', 'd/M/yyyy')).toBe(Date.UTC(2022, 2, 7));
    expect(parse('20221217', 'yyyyMMdd')).toBe(Date.UTC(2022, 11, 17));
    expect(parse('20221217101112', 'yyyyMMddHHmmss')).toBe(Date.UTC(2022, 11, 17, 10, 11, 12));
    expect(parse('22-12-17', 'yy-MM-dd')).toBe(Date.UTC(2022, 11, 17));
  });
  test('offsets: Z, X and x', () => {
    expect(parse('2020-01-02 03:04:05 +0100', 'yyyy-MM-dd HH:mm:ss Z')).toBe(Date.UTC(2020, 0, 2, 2, 4, 5));
    expect(parse('2020-01-02 03:04:05 +01:00', 'yyyy-MM-dd HH:mm:ss Z')).toBeNaN();
    expect(parse('2020-01-02T03:04:05Z', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(parse('2020-01-02T03:04:05-05:30', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(Date.UTC(2020, 0, 2, 8, 34, 5));
    expect(parse('2020-01-02T03:04:05+01', "yyyy-MM-dd'T'HH:mm:ssX")).toBe(Date.UTC(2020, 0, 2, 2, 4, 5));
    expect(parse('2020-01-02T03:04:05+00', "yyyy-MM-dd'T'HH:mm:ssx")).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(parse('2020-01-02T03:04:05Z', "yyyy-MM-dd'T'HH:mm:ssx")).toBeNaN();
  });
  test('English month and day names, AM/PM, quoted literals, optional sections', () => {
    expect(parse('10/Oct/2000:13:55:36 -0700', 'dd/MMM/yyyy:HH:mm:ss Z')).toBe(Date.UTC(2000, 9, 10, 20, 55, 36));
    expect(parse('10/Oct/2000:13:55:36', 'dd/MMM/yyyy:HH:mm:ss')).toBe(Date.UTC(2000, 9, 10, 13, 55, 36));
    expect(parse('10/oct/2000:13:55:36', 'dd/MMM/yyyy:HH:mm:ss')).toBeNaN();
    expect(parse('Tue, 10 Oct 2000 01:55:36 PM', 'EEE, dd MMM yyyy hh:mm:ss a')).toBe(
      Date.UTC(2000, 9, 10, 13, 55, 36),
    );
    expect(parse('Mon, 10 Oct 2000 01:55:36 PM', 'EEE, dd MMM yyyy hh:mm:ss a')).toBeNaN();
    expect(parse('October 10, 2000', 'MMMM dd, yyyy')).toBe(Date.UTC(2000, 9, 10));
    expect(parse('2000-10-10 at 13h', "yyyy-MM-dd 'at' HH'h'")).toBe(Date.UTC(2000, 9, 10, 13));
    expect(parse("it's 2000", "'it''s' yyyy")).toBe(Date.UTC(2000, 0, 1));
    expect(parse('2000-10-10', 'yyyy-MM-dd[ HH:mm]')).toBe(Date.UTC(2000, 9, 10));
    expect(parse('2000-10-10 13:55', 'yyyy-MM-dd[ HH:mm]')).toBe(Date.UTC(2000, 9, 10, 13, 55));
  });
  test('zone ids and invalid calendar dates', () => {
    expect(parse('2020-07-01 12:00 Europe/Paris', 'yyyy-MM-dd HH:mm VV')).toBe(Date.UTC(2020, 6, 1, 10));
    expect(parse('2020-07-01 12:00 UTC', 'yyyy-MM-dd HH:mm z')).toBe(Date.UTC(2020, 6, 1, 12));
    expect(parse('31-04-2020', 'dd-MM-yyyy')).toBeNaN();
  });
  test('an unreadable pattern falls back to the default and says so', () => {
    expect(dateFormat('yyyy-MM-dd||qqq{').supported).toBe(false);
    expect(parse('2020-01-02T00:00:00Z', 'qqq{')).toBe(Date.UTC(2020, 0, 2));
  });
});

describe('printing and nanoseconds', () => {
  test('prints with the first format', () => {
    expect(formatDate(0, undefined)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatDate(Date.UTC(2022, 11, 17), 'dd-MM-yyyy||yyyy-MM-dd')).toBe('17-12-2022');
    expect(formatDate(Date.UTC(2000, 9, 10, 13, 55, 36), 'dd/MMM/yyyy:hh:mm:ss a Z')).toBe(
      '10/Oct/2000:01:55:36 PM +0000',
    );
    expect(formatDate(5, 'epoch_millis')).toBe('5');
    expect(formatDate(5000, 'epoch_second')).toBe('5');
  });
  test('date_nanos keys keep nanoseconds and order instants', () => {
    const a = dateNanosKey('2020-01-01T00:00:00.123456789Z')!;
    const b = dateNanosKey('2020-01-01T00:00:00.12345679Z')!;
    expect(a < b).toBe(true);
    expect(dateNanosKey('1577836800123.456789', 'epoch_millis')).toBe(a);
    expect(dateNanosKey('2020-13-01')).toBeUndefined();
  });
});
