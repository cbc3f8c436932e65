/**
 * Phone numbers as the API's number actions take them (ImportTaskNumberDatas, AddDoNotCallNumbers, RunForecast): a
 * plain number is 3-20 digits with an optional leading +. Files read in the console share these rules, so every
 * report says the same thing about the same number; the server checks again anyway.
 */

/** A plain phone number, as the server's isPlainNumber. */
export const PLAIN_NUMBER = /^\+?\d{3,20}$/;

/** A number as it will be sent: the spaces and dashes people write for readability removed. */
export function cleanNumber(raw: string): string {
  return raw.trim().replace(/[\s-]/g, '');
}

/** The first CSV cell of a line, unquoted and trimmed (a quoted cell may hold separators). */
export function firstCsvCell(line: string): string {
  const text = line.trim();
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    return (end < 0 ? text.slice(1) : text.slice(1, end)).trim();
  }
  return text.split(/[,;\t]/, 1)[0]!.trim();
}
