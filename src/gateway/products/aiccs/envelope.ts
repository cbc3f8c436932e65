/** The success envelope and value forms shared by the aiccs task actions. */

/** `{Code: "OK", Message, Success: true, Data}`, the envelope every aiccs task action documents. */
export function okData(data: unknown): Record<string, unknown> {
  return { Code: 'OK', Message: 'OK', Success: true, Data: data };
}

/**
 * An 18-19 digit id where the doc types it int64 (CreateAiCallTask, ImportTaskNumberDatas, DetailId of
 * ImportOneTaskPhoneNumber): written as a JSON number with every digit (render/json.ts). Clients that parse with
 * plain JSON.parse round it; the string forms in the query actions are exact.
 */
export function int64Id(id: string): bigint {
  return BigInt(id);
}

/** The object without its null and undefined members: absent values are left out, as Alibaba's responses do. */
export function present<T extends Record<string, unknown>>(fields: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** A share as the doc writes it: "70%", "95.89%"; "0%" when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Number(((part / whole) * 100).toFixed(2))}%`;
}
