/**
 * One imported recipient: ImportTaskNumberDatas rows ({"calleeNumber", "outId", ...variables}) and
 * ImportOneTaskPhoneNumber (PhoneNumber, OutId, Variables). Validated here, stored as a detail.
 */
import { DomainError } from '../errors.js';
import type { EncryptionType } from '../numbers/encryption-type.js';
import { normalizeRecipientNumber } from '../numbers/phone-number.js';

/** A validated recipient, ready to be stored. */
export interface Recipient {
  /** Plain number, or the lowercase hex digest when encryptionType is 1-3. */
  number: string;
  encryptionType: EncryptionType;
  outId: string | null;
  /** Call variables for the agent; values kept as strings, the way Options echoes them. */
  variables: Readonly<Record<string, string>>;
}

/** Limits: OutId's from the doc ("限制长度128"), the rest waihu's so one row cannot bloat the store. */
export const RECIPIENT_LIMITS = Object.freeze({ maxOutId: 128, maxVariables: 50, maxKey: 64, maxValue: 1024, maxImportRows: 1000 });

function invalid(param: string, message: string): DomainError {
  return new DomainError('InvalidArgument', message, param);
}

function readOutId(value: unknown, param: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' && typeof value !== 'number') throw invalid(param, `${param} must be a string`);
  const outId = String(value);
  if (outId.length > RECIPIENT_LIMITS.maxOutId) throw invalid(param, `${param} must be at most ${RECIPIENT_LIMITS.maxOutId} characters`);
  return outId;
}

/** Variables as a string map; numbers and booleans become their text, nested values are refused. */
export function readVariables(entries: ReadonlyArray<readonly [string, unknown]>, param: string): Record<string, string> {
  if (entries.length > RECIPIENT_LIMITS.maxVariables) throw invalid(param, `at most ${RECIPIENT_LIMITS.maxVariables} variables per recipient`);
  const variables: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > RECIPIENT_LIMITS.maxKey) throw invalid(param, `variable names must be 1-${RECIPIENT_LIMITS.maxKey} characters`);
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') throw invalid(param, `variable "${key}" must be a string, number or boolean`);
    const text = String(value);
    if (text.length > RECIPIENT_LIMITS.maxValue) throw invalid(param, `variable "${key}" must be at most ${RECIPIENT_LIMITS.maxValue} characters`);
    variables[key] = text;
  }
  return variables;
}

function asObject(value: unknown, param: string): Record<string, unknown> {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalid(param, `${param} must be a JSON object`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(param, `${param} must be a JSON object`);
  return parsed as Record<string, unknown>;
}

/** One row of ImportTaskNumberDatas' PhoneNumberList: calleeNumber, outId, every other key a variable. */
export function parseImportRow(row: unknown, index: number, encryptionType: EncryptionType): Recipient {
  const param = `PhoneNumberList[${index}]`;
  const { calleeNumber, outId, ...rest } = asObject(row, param);
  return {
    number: normalizeRecipientNumber(calleeNumber, encryptionType, `${param}.calleeNumber`),
    encryptionType,
    outId: readOutId(outId, `${param}.outId`),
    variables: readVariables(Object.entries(rest), param),
  };
}

/** ImportTaskNumberDatas' PhoneNumberList: 1 to 1000 rows, all valid or none imported. */
export function parseImportRows(rows: unknown, encryptionType: EncryptionType): Recipient[] {
  if (!Array.isArray(rows) || rows.length === 0) throw invalid('PhoneNumberList', 'PhoneNumberList needs at least one row');
  if (rows.length > RECIPIENT_LIMITS.maxImportRows) {
    throw invalid('PhoneNumberList', `PhoneNumberList takes at most ${RECIPIENT_LIMITS.maxImportRows} rows per call`);
  }
  return rows.map((row, i) => parseImportRow(row, i, encryptionType));
}

/** ImportOneTaskPhoneNumber's PhoneNumber, OutId and Variables. */
export function parseSingleRecipient(input: { PhoneNumber?: unknown; OutId?: unknown; Variables?: unknown }, encryptionType: EncryptionType): Recipient {
  const variables = input.Variables === undefined || input.Variables === '' ? {} : asObject(input.Variables, 'Variables');
  return {
    number: normalizeRecipientNumber(input.PhoneNumber, encryptionType, 'PhoneNumber'),
    encryptionType,
    outId: readOutId(input.OutId, 'OutId'),
    variables: readVariables(Object.entries(variables), 'Variables'),
  };
}
