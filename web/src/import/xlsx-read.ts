/**
 * The first worksheet of an .xlsx file as a table. An .xlsx is a ZIP of XML parts: xl/workbook.xml names the sheets
 * in tab order, xl/_rels/workbook.xml.rels says which part each one is, xl/sharedStrings.xml holds the text cells
 * point into, and the sheet part lists rows (`r` = the row number a spreadsheet shows) of cells (`r` = A1 reference).
 */
import type { SheetRow, SheetTable } from './table.js';
import { childrenNamed, descendants, parseXml, type XNode } from './xml-lite.js';
import { openZip, type ZipArchive } from './zip-read.js';

const text = new TextDecoder();

async function readXml(zip: ZipArchive, name: string): Promise<XNode | undefined> {
  const bytes = await zip.read(name);
  return bytes ? parseXml(text.decode(bytes)) : undefined;
}

/** The text of a string item: its `<t>` runs joined, without phonetic guides (`<rPh>`). */
function itemText(node: XNode): string {
  if (node.name === 't') return node.text;
  if (node.name === 'rPh') return '';
  return node.children.map(itemText).join('');
}

/** Where the first sheet's XML lives; sheet1.xml when the workbook does not say. */
async function firstSheetPath(zip: ZipArchive): Promise<string> {
  const workbook = await readXml(zip, 'xl/workbook.xml');
  const rels = await readXml(zip, 'xl/_rels/workbook.xml.rels');
  const first = workbook ? descendants(workbook, 'sheet')[0] : undefined;
  const relId = first?.attrs.id;
  const target = rels && relId ? descendants(rels, 'Relationship').find((r) => r.attrs.Id === relId)?.attrs.Target : undefined;
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** Column index (0-based) of an A1 reference: A → 0, Z → 25, AA → 26. */
export function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A numeric cell as the digits a person typed: spreadsheets store a phone number as a number and may write it
 * in exponent form (1.3800010015E10).
 */
function numberText(raw: string): string {
  if (!/e/i.test(raw)) return raw;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? String(n) : raw;
}

function cellValue(cell: XNode, shared: string[]): string {
  const type = cell.attrs.t ?? 'n';
  if (type === 'inlineStr') return childrenNamed(cell, 'is').map(itemText).join('');
  const v = childrenNamed(cell, 'v')[0]?.text ?? '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b') return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
  if (type === 'n') return numberText(v);
  return v;
}

export async function parseXlsx(bytes: Uint8Array): Promise<SheetTable> {
  const zip = openZip(bytes);
  const sharedXml = await readXml(zip, 'xl/sharedStrings.xml');
  const shared = sharedXml ? childrenNamed(sharedXml, 'si').map(itemText) : [];
  const path = await firstSheetPath(zip);
  const sheet = await readXml(zip, path);
  if (!sheet) throw new Error(`the workbook has no sheet at ${path}`);

  const rows: SheetRow[] = [];
  let previous = 0;
  for (const row of descendants(sheet, 'row')) {
    const line = Number(row.attrs.r) || previous + 1;
    previous = line;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cell of childrenNamed(row, 'c')) {
      const column = cell.attrs.r ? columnIndex(cell.attrs.r) : nextColumn;
      nextColumn = column + 1;
      cells[column] = cellValue(cell, shared);
    }
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.some((c) => c.trim() !== '')) rows.push({ line, cells: filled });
  }
  const [header, ...data] = rows;
  return { header: header?.cells.map((c) => c.trim()) ?? [], headerLine: header?.line ?? 1, rows: data, problems: [] };
}
