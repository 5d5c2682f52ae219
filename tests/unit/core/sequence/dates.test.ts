/** Mapping date formats for ordering and join keys. */
import { describe, expect, test } from 'vitest';
import { formatDate, parseDateWithFormat } from '../../../../src/core/sequence/dates';

describe('date formats', () => {
  test('default: ISO or epoch millis', () => {
    expect(parseDateWithFormat('1970-01-01T00:00:01Z', undefined)).toBe(1000);
    expect(parseDateWithFormat('1000', undefined)).toBe(1000);
    expect(parseDateWithFormat(1000, undefined)).toBe(1000);
  });
  test('custom patterns and alternatives', () => {
    expect(parseDateWithFormat('17-12-2022', 'dd-MM-yyyy')).toBe(Date.UTC(2022, 11, 17));
    expect(parseDateWithFormat('2022-12-17', 'dd-MM-yyyy||yyyy-MM-dd')).toBe(Date.UTC(2022, 11, 17));
    expect(parseDateWithFormat('2022/12/17 10:11:12.5', 'yyyy/MM/dd HH:mm:ss.SSS')).toBe(
      Date.UTC(2022, 11, 17, 10, 11, 12, 500),
    );
    expect(Number.isNaN(parseDateWithFormat('2022-12-17', 'dd-MM-yyyy'))).toBe(true);
  });
  test('epoch formats', () => {
    expect(parseDateWithFormat('12', 'epoch_second')).toBe(12000);
    expect(parseDateWithFormat('12', 'epoch_millis')).toBe(12);
  });
  test('printing with the first format', () => {
    expect(formatDate(0, undefined)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatDate(Date.UTC(2022, 11, 17), 'dd-MM-yyyy||yyyy-MM-dd')).toBe('17-12-2022');
    expect(formatDate(5, 'epoch_millis')).toBe('5');
  });
});
