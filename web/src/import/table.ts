/** The shape both file readers (CSV, XLSX) produce: a header and data rows, each with the line it came from. */

/** One data row: the cells in column order and the file line (CSV) or sheet row number (XLSX) it starts on. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** Something wrong with the file itself rather than one row's values. */
export interface FileProblem {
  line: number;
  kind: 'unclosedQuote';
}

export interface SheetTable {
  /** Column names from the first non-blank line (line 1 in a normal file). */
  header: string[];
  headerLine: number;
  rows: SheetRow[];
  problems: FileProblem[];
}
