/**
 * Reads a file of numbers for a forecast: one number per line, or the first column of a CSV. Lines whose first cell
 * is not a phone number (a header such as "number", blank lines, notes) are skipped and counted, not refused, so a
 * spreadsheet export works as it is; the server still checks every number it is sent.
 */
export interface NumberFile {
  numbers: string[];
  skipped: number;
}

/** What the server accepts as a plain number: 3-20 digits with an optional leading +, spaces and dashes ignored. */
const NUMBER = /^\+?\d{3,20}$/;

/** The first cell of a CSV line, without surrounding quotes (a quoted first cell may not contain a comma here). */
function firstCell(line: string): string {
  const cell = (line.split(/[,;\t]/)[0] ?? '').trim();
  return cell.startsWith('"') && cell.endsWith('"') && cell.length >= 2 ? cell.slice(1, -1).trim() : cell;
}

export function readNumberFile(text: string): NumberFile {
  const numbers: string[] = [];
  let skipped = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const cell = firstCell(line).replace(/[\s-]/g, '');
    if (NUMBER.test(cell)) numbers.push(cell);
    else skipped++;
  }
  return { numbers, skipped };
}
