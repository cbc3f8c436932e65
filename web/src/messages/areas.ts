/**
 * The messages of the console's areas, each in a file pair of its own (`<area>.zh.ts` defines the keys,
 * `<area>.en.ts` translates them all), merged here with the shell's (zh.ts, en.ts). One line per area in each object.
 */
import { agentsEn } from './agents.en';
import { agentsZh } from './agents.zh';
import { forecastEn } from './forecast.en';
import { forecastZh } from './forecast.zh';
import { callEn } from './call.en';
import { callZh } from './call.zh';
import { overviewEn } from './overview.en';
import { overviewZh } from './overview.zh';
import { numbersEn } from './numbers.en';
import { numbersZh } from './numbers.zh';
import { receiptsEn } from './receipts.en';
import { receiptsZh } from './receipts.zh';
import { recipientsEn } from './recipients.en';
import { recipientsZh } from './recipients.zh';
import { taskCreateEn } from './taskCreate.en';
import { taskCreateZh } from './taskCreate.zh';
import { voiceEn } from './voice.en';
import { voiceZh } from './voice.zh';
import { usersEn } from './users.en';
import { usersZh } from './users.zh';

export const zhAreas = {
  ...voiceZh, ...numbersZh, ...receiptsZh,
  ...callZh,
  ...overviewZh,
  ...taskCreateZh,
  ...recipientsZh,
  ...agentsZh,
  ...forecastZh,
  ...usersZh,
} as const;

export const enAreas: Record<keyof typeof zhAreas, string> = {
  ...voiceEn, ...numbersEn, ...receiptsEn,
  ...callEn,
  ...overviewEn,
  ...taskCreateEn,
  ...recipientsEn,
  ...agentsEn,
  ...forecastEn,
  ...usersEn,
};
