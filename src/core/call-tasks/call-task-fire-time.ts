/**
 * ExecuteCallTask's FireTime. The doc gives the format `yyyy.MM.dd HH:mm:ss` and an example `2021-03-09 00:00:00`;
 * both are accepted (and `/` between the date parts), read in the platform's time zone, as Alibaba reads them in
 * China time. Epoch milliseconds (13 digits), the form ListCallTask answers FireTime in, are accepted too.
 */
import { instantOfWall } from '../local-time.js';
import { DomainError } from '../errors.js';

const WALL = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const EPOCH_MS = /^\d{13}$/;

function invalid(text: string): DomainError {
  return new DomainError('InvalidArgument', `FireTime "${text}" is not a time in the form yyyy.MM.dd HH:mm:ss (or yyyy-MM-dd HH:mm:ss)`, 'FireTime');
}

/** The instant FireTime names; InvalidArgument naming FireTime when it is no such time. */
export function parseFireTime(raw: string, timeZone: string): number {
  const text = raw.trim();
  if (EPOCH_MS.test(text)) return Number(text);
  const m = WALL.exec(text);
  if (!m) throw invalid(text);
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(wall);
  // Date.UTC rolls 2021-02-30 over into March; a date that does not round-trip does not exist.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw invalid(text);
  return instantOfWall(wall, timeZone);
}
