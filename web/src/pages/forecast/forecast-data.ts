/** RunForecast's answer as the page reads it (src/gateway/products/waihu/forecast.ts), and the form's parsing. */

export interface ForecastHour {
  Hour: string;
  Dials: number;
  Answered: number;
}

export interface ForecastData {
  Recipients: number;
  Completed: boolean;
  StartTime: number;
  EndTime: number;
  DurationMs: number;
  Attempts: number;
  Outcomes: Record<string, number>;
  AnswerRate: number;
  AchievedCps: number;
  TaskCps: number;
  BusiestHour: { Hour: string; Dials: number } | null;
  Hourly: ForecastHour[];
  TimeZone: string;
  ElapsedMs: number;
}

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const MAX_NUMBERS = 100_000;

/** "09:00-12:00, 13:30-18:00" as CreateAiCallTask's CallTime items; null when a window is not written that way. */
export function parseWindows(text: string): string[] | null {
  const parts = text.split(/[,，]/).map((p) => p.trim()).filter((p) => p !== '');
  const items: string[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!match) return null;
    const [, h1, m1, h2, m2] = match;
    const time = (h: string, m: string) => `${h.padStart(2, '0')}:${m}:00`;
    items.push(JSON.stringify({ startTime: time(h1!, m1!), endTime: time(h2!, m2!) }));
  }
  return items;
}

/** A whole number within [min, max] from a form field, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}
