/** The process logger: pino, JSON lines on stdout, phone numbers masked in every string field. */
import { pino, type Logger } from 'pino';
import { maskPhoneNumbers } from '../core/privacy/mask.js';

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return maskPhoneNumbers(value);
  if (value instanceof Error) return { type: value.name, message: maskPhoneNumbers(value.message), stack: maskPhoneNumbers(value.stack ?? '') };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  }
  return value;
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
