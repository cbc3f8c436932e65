/**
 * waihu's extensions to CreateAiCallTask and UpdateAiCallTask, appended to the catalog's parameters (never replacing
 * one): the time zone CallTime and CallDay are read in, several caller lines, and a cap on calls in progress.
 */
import type { ParamSpec } from '../../catalog/types.js';

/** TimeZone, CallerNumbers and Concurrency; all optional, so Alibaba's clients never notice them. */
export const TASK_EXTENSIONS: readonly ParamSpec[] = Object.freeze([
  {
    name: 'TimeZone',
    type: 'String',
    required: false,
    maxLength: 64,
    lengthUnit: 'chars',
    format: 'IANA zone, e.g. Asia/Shanghai',
    description: 'waihu extension: the time zone CallTime and CallDay are read in (default Asia/Shanghai).',
  },
  {
    name: 'CallerNumbers',
    type: 'Array',
    required: false,
    shrink: 'json',
    items: { name: '', type: 'String', required: false, maxLength: 32, lengthUnit: 'chars' },
    description: 'waihu extension: caller lines the dialer rotates over (default: VirtualNumber).',
  },
  {
    name: 'Concurrency',
    type: 'Integer',
    required: false,
    min: 1,
    max: 10_000,
    description: 'waihu extension: most calls of this task in progress at once (default: no cap beyond TaskCps).',
  },
]);
