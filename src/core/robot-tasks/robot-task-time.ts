/**
 * Times of the robot-task actions: StartRobotTask's ScheduleTime (`yyyy-MM-dd HH:mm:ss`, read in the platform zone)
 * and the day a QueryRobotTaskList `Time` or a QueryRobotTaskCallDetail `QueryDate` names.
 */
import { DomainError } from '../errors.js';
import { daySpan, formatDate } from '../local-time.js';

const DATE_TIME = /^(\d{4})[-.](\d{2})[-.](\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

/**
 * ScheduleTime as epoch ms; it must be a real time in the future. `yyyy.MM.dd` is accepted too (the form the task
 * list writes times in). The day's start is found in the zone and the time of day added to it, which is exact in
 * zones without daylight saving (the platform default, Asia/Shanghai, has none).
 */
export function parseScheduleTime(text: string, timeZone: string, now: number): number {
  const match = DATE_TIME.exec(text.trim());
  const [hours, minutes, seconds] = match ? [Number(match[4]), Number(match[5]), Number(match[6])] : [NaN, NaN, NaN];
  if (!match || hours > 23 || minutes > 59 || seconds > 59) {
    throw invalid('ScheduleTime', `ScheduleTime "${text}" is not a time in the form yyyy-MM-dd HH:mm:ss`);
  }
  const { start } = daySpan(`${match[1]}-${match[2]}-${match[3]}`, timeZone, 'ScheduleTime');
  const at = start + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  if (at <= now) throw invalid('ScheduleTime', `ScheduleTime "${text}" has passed; call StartRobotTask without ScheduleTime to start now`);
  return at;
}

/** The [start, end) of the local day containing the instant `at`. */
export function dayAround(at: number, timeZone: string, param: string): { start: number; end: number } {
  return daySpan(formatDate(at, timeZone), timeZone, param);
}
