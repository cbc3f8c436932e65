/**
 * Reads a do-not-call upload: a TXT file with one number a line, or a CSV whose first column is the number. Each
 * line is checked as AddDoNotCallNumbers checks it (digits with an optional leading +, 3-20 digits), so the report
 * can name the file's line numbers instead of failing the whole upload on the first bad one.
 */

/** A plain phone number, as the server's isPlainNumber. */
export const PLAIN_NUMBER = /^\+?\d{3,20}$/;

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

/** The first CSV cell of a line, unquoted and trimmed. */
function firstCell(line: string): string {
  const text = line.trim();
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    return (end < 0 ? text.slice(1) : text.slice(1, end)).trim();
  }
  return text.split(/[,;\t]/, 1)[0]!.trim();
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
    const cell = firstCell(raw);
    if (allowHeader && index === 0 && !/\d/.test(raw)) {
      result.header = true;
      return;
    }
    // Spreadsheets often write numbers with spaces or dashes; those are the same number.
    const number = cell.replace(/[\s-]/g, '');
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
