/**
 * From a parsed file to ImportTaskNumberDatas rows: which column is the number, which the OutId, which columns are
 * call variables; then every row checked against the action's rules (docs/aiccs-tasks.md, ImportTaskNumberDatas:
 * a plain number is 3-20 digits with an optional leading +, outId at most 128 characters, at most 50 variables of
 * 1-64 character names and values of at most 1024 characters) plus duplicates within the file, so the user sees
 * every problem with its line before anything is sent. The server still checks everything again.
 */
import { cleanNumber, PLAIN_NUMBER } from './phone-number.js';
import type { SheetRow, SheetTable } from './table.js';

export { cleanNumber };

/** The action's limits, as the server applies them. */
export const IMPORT_LIMITS = Object.freeze({ rowsPerCall: 1000, maxOutId: 128, maxVariables: 50, maxKey: 64, maxValue: 1024 });

export interface VariableColumn {
  column: number;
  name: string;
}

export interface ColumnMapping {
  phone: number | undefined;
  outId: number | undefined;
  variables: VariableColumn[];
}

/** What is wrong with one row; `of` is the first line with the same number for a duplicate. */
export type RowProblem =
  | { kind: 'missingNumber' }
  | { kind: 'badNumber'; value: string }
  | { kind: 'duplicate'; value: string; of: number }
  | { kind: 'outIdTooLong'; length: number }
  | { kind: 'valueTooLong'; variable: string; length: number };

export interface CheckedRow {
  line: number;
  /** The row as PhoneNumberList takes it. */
  data: Record<string, string>;
  problems: RowProblem[];
}

export type MappingProblem =
  | { kind: 'noPhoneColumn' }
  | { kind: 'tooManyVariables'; count: number }
  | { kind: 'badVariableName'; name: string }
  | { kind: 'duplicateVariable'; name: string };

export function isImportableNumber(number: string): boolean {
  return PLAIN_NUMBER.test(number);
}

/** Problems with the mapping itself, before any row is looked at. */
export function checkMapping(mapping: ColumnMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.phone === undefined) problems.push({ kind: 'noPhoneColumn' });
  if (mapping.variables.length > IMPORT_LIMITS.maxVariables) problems.push({ kind: 'tooManyVariables', count: mapping.variables.length });
  const seen = new Set<string>();
  for (const v of mapping.variables) {
    const name = v.name.trim();
    if (name.length === 0 || name.length > IMPORT_LIMITS.maxKey || name === 'calleeNumber' || name === 'outId') {
      problems.push({ kind: 'badVariableName', name });
    } else if (seen.has(name)) {
      problems.push({ kind: 'duplicateVariable', name });
    }
    seen.add(name);
  }
  return problems;
}

/** Checks every row; rows with no problems are ready to send. */
export function checkRows(rows: SheetRow[], mapping: ColumnMapping): CheckedRow[] {
  const firstLineOf = new Map<string, number>();
  return rows.map((row) => {
    const problems: RowProblem[] = [];
    const data: Record<string, string> = {};
    const number = mapping.phone === undefined ? '' : cleanNumber(row.cells[mapping.phone] ?? '');
    if (number === '') problems.push({ kind: 'missingNumber' });
    else if (!isImportableNumber(number)) problems.push({ kind: 'badNumber', value: number });
    else {
      const first = firstLineOf.get(number);
      if (first !== undefined) problems.push({ kind: 'duplicate', value: number, of: first });
      else firstLineOf.set(number, row.line);
    }
    data.calleeNumber = number;
    if (mapping.outId !== undefined) {
      const outId = (row.cells[mapping.outId] ?? '').trim();
      if (outId.length > IMPORT_LIMITS.maxOutId) problems.push({ kind: 'outIdTooLong', length: outId.length });
      if (outId !== '') data.outId = outId;
    }
    for (const v of mapping.variables) {
      const value = (row.cells[v.column] ?? '').trim();
      if (value.length > IMPORT_LIMITS.maxValue) problems.push({ kind: 'valueTooLong', variable: v.name, length: value.length });
      // An empty cell sends no variable rather than an empty one.
      if (value !== '') data[v.name.trim()] = value;
    }
    return { line: row.line, data, problems };
  });
}

/** Consecutive slices of at most `size` rows: one ImportTaskNumberDatas call each. */
export function batches<T>(rows: T[], size = IMPORT_LIMITS.rowsPerCall): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * The file line a server refusal points at: its message names `PhoneNumberList[i]`, the i-th row of the batch.
 * Undefined when the message names no row.
 */
export function refusedLine(message: string, batch: { line: number }[]): number | undefined {
  const m = /PhoneNumberList\[(\d+)\]/.exec(message);
  return m ? batch[Number(m[1])]?.line : undefined;
}

/** A first guess at the mapping from the header: number, OutId and the agent's variables by key or name. */
export function guessMapping(table: SheetTable, agentVariables: { key: string; name: string }[]): ColumnMapping {
  const mapping: ColumnMapping = { phone: undefined, outId: undefined, variables: [] };
  table.header.forEach((title, column) => {
    const lower = title.toLowerCase().replace(/[\s_-]/g, '');
    if (mapping.phone === undefined && /^(calleenumber|phone|phonenumber|mobile|number|callee|called|号码|手机|手机号|手机号码|电话|电话号码|被叫|被叫号码)$/.test(lower)) {
      mapping.phone = column;
    } else if (mapping.outId === undefined && /^(outid|外部id|业务id)$/.test(lower)) {
      mapping.outId = column;
    } else if (title !== '') {
      const known = agentVariables.find((v) => v.key.toLowerCase() === title.toLowerCase() || v.name === title);
      mapping.variables.push({ column, name: known ? known.key : title });
    }
  });
  return mapping;
}
