/** The process logger: pino, JSON lines on stdout, phone numbers masked in every string field. */
import { pino, type Logger } from 'pino';
import { maskPhoneNumbers } from '../core/privacy/mask.js';

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return maskPhoneNumbers(value);
  if (value instanceof Error) return { type: value.name, message: maskPhoneNumbers(value.message), stack: maskPhoneNumbers(value.stack ?? '') };
  if (value && typeof value === 'object' && !Array.isArray(value)) return maskFields(value as Record<string, unknown>);
  return value;
}

/** Masks each field; the object is copied only when something changed (the per-request log line usually has nothing to mask). */
function maskFields(obj: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    const value = obj[key];
    if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) continue;
    const masked = maskValue(value);
    if (masked !== value) (out ??= { ...obj })[key] = masked;
  }
  return out ?? obj;
}

/** Creates the logger; `destination` defaults to stdout (tests pass a stream to read lines back). */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (obj: Record<string, unknown>) => maskValue(obj) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPhoneNumbers(a) : a)));
      },
    },
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
