/**
 * Reads a file of numbers for a forecast: one number per line, or the first column of a CSV. Lines whose first cell
 * is not a phone number (a header such as "number", blank lines, notes) are skipped and counted, not refused, so a
 * spreadsheet export works as it is; the server still checks every number it is sent.
 */
import { cleanNumber, firstCsvCell, PLAIN_NUMBER } from '../../import/phone-number';

export interface NumberFile {
  numbers: string[];
  skipped: number;
}

/** The numbers of the file, and how many non-empty lines held none. */
export function readNumberFile(text: string): NumberFile {
  const numbers: string[] = [];
  let skipped = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const cell = cleanNumber(firstCsvCell(line));
    if (PLAIN_NUMBER.test(cell)) numbers.push(cell);
    else skipped++;
  }
  return { numbers, skipped };
}
