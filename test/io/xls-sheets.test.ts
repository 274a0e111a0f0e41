// .xls (BIFF8) read as text cells: a real file made by LibreOffice gives back every cell the XLSX it
// was made from has; damaged, older or encrypted files get a Chinese message, never a hang or a crash.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheets, SheetReadError } from '../../src/io/xlsx-sheets';
import { XLS_TEXT } from '../../src/io/xls-sheets';
import { readCodeList } from '../../src/app/code-list-import';
import { codeListWorkbook, EXTRA_ROWS, extraName } from '../support/code-list-workbook';

const fixture = () => new Uint8Array(readFileSync(new URL('../fixtures/xls/code-list.xls', import.meta.url)));

/** Where a byte pattern starts in the file. */
function find(bytes: Uint8Array, pattern: number[]): number {
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return i;
  }
  return -1;
}

const BOF_GLOBALS = [0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00];

describe('readSheets on an .xls', () => {
  it('gives back every cell of the workbook LibreOffice saved as "Excel 97": numbers, text, formulas, both sheets', async () => {
    const { expected } = await codeListWorkbook();
    const sheets = await readSheets(fixture());
    expect(sheets.map((s) => s.name)).toEqual(['2021年支出功能分类科目', '类款项']);
    expect(sheets[0]!.rows.slice(0, 7)).toEqual(expected[0]!.rows.slice(0, 7));
    expect(sheets[0]!.rows).toHaveLength(7 + EXTRA_ROWS);
    // Shared strings over several records, Chinese and plain ASCII in turn.
    for (const i of [0, 1, 150, 151, 152, 299, EXTRA_ROWS - 1]) expect(sheets[0]!.rows[7 + i]![1]).toBe(extraName(i));
    expect(sheets[0]!.rows).toEqual(expected[0]!.rows);
    expect(sheets[1]!.rows).toEqual(expected[1]!.rows);
  });

  it('feeds 导入科目表: codes in one column and in 类/款/项 columns', async () => {
    const [list, split] = await readSheets(fixture());
    const codes = readCodeList(list!.rows).entries.map((e) => `${e.code} ${e.name}`);
    expect(codes.slice(0, 5)).toEqual(['201 一般公共服务支出', '20101 人大事务', '2010101 行政运行', '2010102 一般行政管理事务', '2010103 机关服务']);
    expect(readCodeList(split!.rows).entries.map((e) => `${e.code} ${e.name}`)).toEqual(['204 公共安全支出', '20406 司法', '2040607 公共法律服务']);
  });

  it('refuses an older (Excel 95) or encrypted file and a cut one with a Chinese message', async () => {
    const older = fixture();
    const at = find(older, BOF_GLOBALS);
    expect(at).toBeGreaterThan(0);
    older[at + 5] = 0x05;
    await expect(readSheets(older)).rejects.toThrow(XLS_TEXT.oldVersion);
    const locked = fixture();
    // The record after BOF becomes FILEPASS (an open password).
    locked[at + 20] = 0x2f;
    locked[at + 21] = 0x00;
    await expect(readSheets(locked)).rejects.toThrow(XLS_TEXT.encrypted);
    await expect(readSheets(fixture().subarray(0, 3000))).rejects.toThrow(XLS_TEXT.unreadable);
    await expect(readSheets(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toThrow(XLS_TEXT.unreadable);
  });

  it('damaged anywhere, it returns text or says it cannot read the file (500 random damages)', async () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const base = fixture();
    let refused = 0;
    for (let n = 0; n < 500; n++) {
      const bytes = base.slice();
      // The header and tables (first sectors) and the records alike.
      for (let k = 0; k < 4; k++) bytes[Math.floor(next() * (n % 2 ? 2048 : bytes.length))] = Math.floor(next() * 256);
      try {
        const sheets = await readSheets(bytes);
        expect(Array.isArray(sheets)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(SheetReadError);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});
