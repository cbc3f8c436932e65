/**
 * CreateCallTask's callee data, the only parser of it. DataType LIST: callee numbers separated by ASCII commas.
 * DataType JSON: `{"paramNames":["name","code"],"calleeList":[{"callee":"1390000xxxx","params":["张三","1234"]}]}`,
 * each callee's params lined up with paramNames and filled into the template's `${name}` variables. All or nothing:
 * one bad callee refuses the whole request, naming Data and the callee's position.
 */
import { DomainError } from '../errors.js';
import type { CallTaskDataType } from './call-task.js';

/** The doc's limit: "每个任务接口最多创建1000条语音通知明细". */
export const MAX_CALLEES_PER_TASK = 1000;

/** waihu's limits on one callee's variables, so one row cannot bloat the store. */
export const CALLEE_PARAM_LIMITS = Object.freeze({ maxParams: 50, maxNameLength: 64, maxValueLength: 1024 });

/** One callee and the template variables to speak to them. */
export interface Callee {
  number: string;
  variables: Readonly<Record<string, string>>;
}

// The dyvms callee rule, as SingleCallByTts applies it: a mainland mobile (11 digits, 13x-19x), a landline with its
// area code (0 and 9-11 more digits), or a country code and number (no leading 0 or 1, up to 15 digits).
const CALLEE = /^(1[3-9]\d{9}|0[1-9]\d{8,10}|[2-9]\d{6,14})$/;
const EXAMPLE = '{"paramNames":["name"],"calleeList":[{"callee":"13900001234","params":["张三"]}]}';

function invalid(message: string): DomainError {
  return new DomainError('InvalidArgument', message, 'Data');
}

/** A callee number, trimmed; `where` says which one it is. */
function calleeNumber(raw: unknown, where: string): string {
  const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  if (!CALLEE.test(text)) {
    const shown = JSON.stringify(raw) ?? String(raw);
    throw invalid(`${where} ${shown} is not a callee number: a mainland mobile (11 digits, 13x-19x), a landline with its area code or a country code and number, digits only`);
  }
  return text;
}

function checkCount(count: number): void {
  if (count === 0) throw invalid('Data holds no callee');
  if (count > MAX_CALLEES_PER_TASK) throw invalid(`Data holds ${count} callees; CreateCallTask takes at most ${MAX_CALLEES_PER_TASK}`);
}

/** DataType LIST: numbers separated by ASCII commas; blanks around them are ignored. */
function parseList(data: string): Callee[] {
  if (data.trim().startsWith('{')) throw invalid('Data is JSON but DataType is LIST; send DataType JSON for callees with template parameters');
  const items = data.split(',').map((n) => n.trim());
  checkCount(items.length);
  return items.map((item, i) => ({ number: calleeNumber(item, `callee ${i + 1}`), variables: {} }));
}

/** paramNames: distinct non-empty names. */
function paramNamesOf(raw: unknown): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid('paramNames must be an array of template variable names');
  if (raw.length > CALLEE_PARAM_LIMITS.maxParams) throw invalid(`paramNames has ${raw.length} names; at most ${CALLEE_PARAM_LIMITS.maxParams}`);
  const names = raw.map((name: unknown, i) => {
    if (typeof name !== 'string' || name.trim() === '' || name.length > CALLEE_PARAM_LIMITS.maxNameLength) {
      throw invalid(`paramNames[${i}] must be a name of 1-${CALLEE_PARAM_LIMITS.maxNameLength} characters`);
    }
    return name.trim();
  });
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) throw invalid(`paramNames names "${repeated}" twice`);
  return names;
}

/** One calleeList entry: its number and its params lined up with paramNames. */
function jsonCallee(entry: unknown, i: number, names: readonly string[]): Callee {
  const where = `calleeList[${i}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw invalid(`${where} must be an object with callee and params`);
  const { callee, params } = entry as Record<string, unknown>;
  const number = calleeNumber(callee, `${where}.callee`);
  const values = params === undefined ? [] : params;
  if (!Array.isArray(values) || values.length !== names.length) {
    throw invalid(`${where}.params must be an array of ${names.length} values, one for each of paramNames`);
  }
  const variables: Record<string, string> = {};
  values.forEach((value: unknown, j) => {
    if (!['string', 'number', 'boolean'].includes(typeof value)) throw invalid(`${where}.params[${j}] must be a string or a number`);
    const text = String(value);
    if (text.length > CALLEE_PARAM_LIMITS.maxValueLength) throw invalid(`${where}.params[${j}] is longer than ${CALLEE_PARAM_LIMITS.maxValueLength} characters`);
    variables[names[j]!] = text;
  });
  return { number, variables };
}

/** DataType JSON: paramNames and calleeList. */
function parseJson(data: string): { callees: Callee[]; paramNames: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw invalid(`Data is not valid JSON; with DataType JSON send an object like ${EXAMPLE}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(`Data must be a JSON object like ${EXAMPLE}`);
  const { paramNames, calleeList } = parsed as Record<string, unknown>;
  const names = paramNamesOf(paramNames);
  if (!Array.isArray(calleeList)) throw invalid(`Data needs calleeList, an array of {callee, params}, like ${EXAMPLE}`);
  checkCount(calleeList.length);
  return { callees: calleeList.map((entry: unknown, i) => jsonCallee(entry, i, names)), paramNames: names };
}

/** The callees of `data` in `dataType`, and the variable names they carry (none for LIST). */
export function parseCallTaskData(dataType: CallTaskDataType, data: string): { callees: Callee[]; paramNames: string[] } {
  return dataType === 'LIST' ? { callees: parseList(data), paramNames: [] } : parseJson(data);
}
