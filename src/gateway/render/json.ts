/** JSON bodies that keep 64-bit ids exact: bigint values are written as bare numbers with every digit. */

declare global {
  interface JSON {
    /** Node 22: a value JSON.stringify writes verbatim. */
    rawJSON(text: string): unknown;
  }
}

function keepBigints(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? JSON.rawJSON(value.toString()) : value;
}

/** JSON.stringify that writes bigint as a number literal instead of throwing. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, keepBigints);
}
