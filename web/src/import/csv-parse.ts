/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (LF or a lone CR are accepted too), a field
 * in double quotes may hold commas, quotes (doubled) and line breaks. Each record keeps the file line it starts on,
 * counting the line breaks inside quoted fields, so an error report can point at the line a text editor shows.
 */
import type { SheetRow, SheetTable } from './table.js';

/** Parses CSV text (a leading byte-order mark is dropped). Blank lines are skipped but still counted. */
export function parseCsv(input: string): SheetTable {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: SheetRow[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let unclosedQuoteLine: number | undefined;
  let i = 0;

  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    // A blank line is one empty field: nothing to import, not worth an error.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        unclosedQuoteLine = undefined;
        i += 1;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        // A line break inside quotes belongs to the field, and still moves the editor's line count on.
        const crlf = ch === '\r' && text[i + 1] === '\n';
        field += crlf ? '\r\n' : ch;
        i += crlf ? 2 : 1;
        line += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      unclosedQuoteLine = line;
      i += 1;
    } else if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || cells.length > 0 || quoted) endRecord();

  const [header, ...rows] = records;
  return {
    header: header?.cells.map((c) => c.trim()) ?? [],
    headerLine: header?.line ?? 1,
    rows,
    problems: unclosedQuoteLine === undefined ? [] : [{ line: unclosedQuoteLine, kind: 'unclosedQuote' }],
  };
}

/**
 * A CSV file's bytes as text: UTF-8 (with or without a byte-order mark) when they are valid UTF-8, otherwise
 * GB18030, which is what spreadsheet programs on Chinese Windows save "CSV" as.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
