/**
 * Reads a do-not-call upload: a TXT file with one number a line, or a CSV whose first column is the number. Each
 * line is checked as AddDoNotCallNumbers checks it (digits with an optional leading +, 3-20 digits), so the report
 * can name the file's line numbers instead of failing the whole upload on the first bad one.
 */
import { cleanNumber, firstCsvCell, PLAIN_NUMBER } from '../../import/phone-number';

export interface BadLine {
  /** 1-based line of the file. */
  line: number;
  text: string;
}

export interface NumberFile {
  /** Distinct valid numbers, in file order. */
  numbers: string[];
  bad: BadLine[];
  /** Valid numbers that appeared again later in the file. */
  duplicates: number;
  /** A first line without any digit, read as a column header and skipped. */
  header: boolean;
}

/**
 * Parses the text; blank lines are skipped, and with `allowHeader` (a file) a first line without any digit too (see
 * NumberFile.header).
 */
export function parseNumberFile(text: string, allowHeader = true): NumberFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const seen = new Set<string>();
  const result: NumberFile = { numbers: [], bad: [], duplicates: 0, header: false };
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const cell = firstCsvCell(raw);
    if (allowHeader && index === 0 && !/\d/.test(raw)) {
      result.header = true;
      return;
    }
    // Spreadsheets often write numbers with spaces or dashes; those are the same number.
    const number = cleanNumber(cell);
    if (!PLAIN_NUMBER.test(number)) {
      result.bad.push({ line: index + 1, text: raw.length > 80 ? `${raw.slice(0, 80)}…` : raw });
      return;
    }
    if (seen.has(number)) result.duplicates++;
    else {
      seen.add(number);
      result.numbers.push(number);
    }
  });
  return result;
}
