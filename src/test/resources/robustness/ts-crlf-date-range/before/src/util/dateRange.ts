/** A half-open range of calendar days [start, end), in UTC. */
export interface DateRange {
  start: Date;
  end: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function range(start: Date, end: Date): DateRange {
  if (end < start) {
    throw new RangeError(`range end ${end.toISOString()} is before start ${start.toISOString()}`);
  }
  return { start: startOfDay(start), end: startOfDay(end) };
}

export function lengthInDays(r: DateRange): number {
  return Math.round((r.end.getTime() - r.start.getTime()) / DAY_MS);
}

export function contains(r: DateRange, date: Date): boolean {
  return date >= r.start && date < r.end;
}

export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.start < b.end && b.start < a.end;
}

export function* days(r: DateRange): Generator<Date> {
  for (let d = r.start; d < r.end; d = addDays(d, 1)) {
    yield d;
  }
}

/** Parses "2024-03-01..2024-03-15" (end exclusive). */
export function parseRange(text: string): DateRange {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!match) {
    throw new SyntaxError(`expected YYYY-MM-DD..YYYY-MM-DD, got "${text}"`);
  }
  return range(new Date(`${match[1]}T00:00:00Z`), new Date(`${match[2]}T00:00:00Z`));
}

export function formatRange(r: DateRange): string {
  return `${r.start.toISOString().slice(0, 10)}..${r.end.toISOString().slice(0, 10)}`;
}
