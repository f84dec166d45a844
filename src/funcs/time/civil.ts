// Proleptic Gregorian calendar arithmetic on days since 1970-01-01, valid for
// the whole range Go's time package prints (years 0..9999 and beyond).

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/** Days before the first of `month` (1-12) in a non-leap year. */
export function daysBefore(month: number): number {
  return DAYS_BEFORE[month - 1]!;
}

export function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return DAYS_BEFORE[month]! - DAYS_BEFORE[month - 1]!;
}

/** Days since the Unix epoch of year-month-day (month and day may overflow; they carry as in Go's Date). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Normalise month into 1..12, carrying into the year.
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + 1 - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
  /** 1-based day of the year. */
  yday: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const yday = days - daysFromCivil(year, 1, 1) + 1;
  const weekday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return { year, month, day, yday, weekday };
}

export const SECONDS_PER_DAY = 86400;
