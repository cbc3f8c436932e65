// The console's number-import readers without a browser: CSV per RFC 4180 (quotes, commas, CRLF, BOM, line breaks
// inside quotes counted in the line numbers), XLSX read from the ZIP's central directory (stored and deflated) with
// shared strings and numeric phone cells, and the row checks that name each bad row's line before anything is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCsvBytes, parseCsv } from '../../web/src/import/csv-parse.js';
import { batches, checkMapping, checkRows, guessMapping, refusedLine } from '../../web/src/import/number-rows.js';
import { columnIndex, parseXlsx } from '../../web/src/import/xlsx-read.js';
import { parseXmlLite } from '../../web/src/import/xml-lite.js';
import { xlsx, zip } from './xlsx-writer.js';

test('CSV: quotes, doubled quotes, commas, CRLF and a BOM; records keep the line they start on', () => {
  const text = '\uFEFF号码,name,note\r\n13800010015,"Zhang, San","says ""hi"""\r\n\r\n13800020015,Li,"two\r\nlines"\r\nabc,Wang,x\r\n';
  const table = parseCsv(text);
  assert.deepEqual(table.header, ['号码', 'name', 'note']);
  assert.deepEqual(table.rows.map((r) => r.line), [2, 4, 6], 'the blank line 3 is skipped; the quoted break makes abc line 6');
  assert.deepEqual(table.rows[0]?.cells, ['13800010015', 'Zhang, San', 'says "hi"']);
  assert.equal(table.rows[1]?.cells[2], 'two\r\nlines');
  assert.deepEqual(table.problems, []);
});

test('CSV: LF-only files, no final newline, and an unclosed quote reported at its line', () => {
  assert.deepEqual(parseCsv('a,b\n1,2\n3,4').rows.map((r) => [r.line, ...r.cells]), [[2, '1', '2'], [3, '3', '4']]);
  assert.deepEqual(parseCsv('a\n"open\nstill').problems, [{ line: 2, kind: 'unclosedQuote' }]);
});

test('CSV bytes: UTF-8 is read as UTF-8, anything else as GB18030 (Excel on Chinese Windows)', () => {
  assert.equal(decodeCsvBytes(new TextEncoder().encode('号码')), '号码');
  assert.equal(decodeCsvBytes(new Uint8Array([0xba, 0xc5, 0xc2, 0xeb])), '号码');
});

test('XLSX: the first sheet through the workbook relations, shared strings, numeric phone cells, stored or deflated', async () => {
  for (const deflate of [false, true]) {
    const table = await parseXlsx(xlsx([['phone', '姓名', 'outId'], [13800010015, '张三 & 李四', 'o-1'], ['abc', null, 'o-2'], [], [13800030015, '王五', null]], deflate));
    assert.deepEqual(table.header, ['phone', '姓名', 'outId']);
    assert.deepEqual(table.rows.map((r) => r.line), [2, 3, 5], 'sheet row numbers; the empty row 4 is skipped');
    assert.deepEqual(table.rows[0]?.cells, ['13800010015', '张三 & 李四', 'o-1']);
    assert.deepEqual(table.rows[1]?.cells, ['abc', '', 'o-2']);
  }
  await assert.rejects(parseXlsx(new TextEncoder().encode('not a zip at all')), /not a ZIP archive/);
  await assert.rejects(parseXlsx(zip({ 'hello.txt': 'x' })), /no sheet/);
});

test('XML fallback: namespaces, entities, CDATA, self-closing tags', () => {
  const doc = parseXmlLite('<?xml version="1.0"?><x:root a="1 &amp; 2"><x:c r="A1"/><t>&lt;b&gt; &#x4E2D;<![CDATA[<raw>]]></t></x:root>');
  assert.equal(doc.name, 'root');
  assert.equal(doc.attrs.a, '1 & 2');
  assert.deepEqual(doc.children.map((c) => c.name), ['c', 't']);
  assert.equal(doc.children[1]?.text, '<b> 中<raw>');
  assert.equal(columnIndex('AB12'), 27);
});

test('rows: missing, malformed and duplicate numbers and a long outId name their lines; valid rows become PhoneNumberList rows', () => {
  const table = parseCsv('手机号,name,outId\n138 0001 0015,张三,a\nabc,李四,b\n,王五,c\n13800010015,赵六,d\n+8613800020015,钱七,' + 'x'.repeat(129) + '\n');
  const mapping = guessMapping(table, [{ key: 'name', name: '姓名' }]);
  assert.deepEqual(mapping, { phone: 0, outId: 2, variables: [{ column: 1, name: 'name' }] });
  const checked = checkRows(table.rows, mapping);
  assert.deepEqual(checked.map((r) => [r.line, r.problems.map((p) => p.kind)]), [
    [2, []], [3, ['badNumber']], [4, ['missingNumber']], [5, ['duplicate']], [6, ['outIdTooLong']],
  ]);
  assert.deepEqual(checked[0]?.data, { calleeNumber: '13800010015', outId: 'a', name: '张三' });
  assert.deepEqual(checked[3]?.problems[0], { kind: 'duplicate', value: '13800010015', of: 2 });
  assert.deepEqual(checkMapping({ phone: undefined, outId: undefined, variables: [{ column: 1, name: 'a' }, { column: 2, name: 'a' }, { column: 3, name: '' }] }).map((p) => p.kind), ['noPhoneColumn', 'duplicateVariable', 'badVariableName']);
});

test('batches of at most 1000 rows; a server refusal of PhoneNumberList[i] points at the batch row\'s line', () => {
  const rows = Array.from({ length: 2500 }, (_, i) => ({ line: i + 2 }));
  assert.deepEqual(batches(rows).map((b) => b.length), [1000, 1000, 500]);
  assert.equal(refusedLine('PhoneNumberList[3].calleeNumber "x" is not a phone number', batches(rows)[1]!), 1005);
  assert.equal(refusedLine('task is CANCELLED', rows), undefined);
});
