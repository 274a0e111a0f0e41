// Reading back exported workbooks: the round trip, edits made "by another program" (ExcelJS
// load → change → write), changed formulas reported not trusted, and every kind of bad file
// refused with a Chinese message while the open workbook stays as it was.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { MARKER_SHEET } from '../../src/io/xlsx-common';
import { IMPORT_MESSAGES, ImportError, importXlsx } from '../../src/io/xlsx-import';
import { exportEngine, expectThreeEdits, IMPORT_DEPS, THREE_EDITS } from './support';
import { appendHiddenEntry, bigSheetXml, makeZip, readZip } from './zip-tools';

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => wb.getWorksheet(name)!;

async function importMessage(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  try {
    await importXlsx(bytes, IMPORT_DEPS);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('import unexpectedly succeeded');
}

describe('importXlsx round trip', () => {
  let exported: Uint8Array;
  beforeAll(async () => {
    exported = await exportEngine(openWorkbook(exampleDocument()));
  });

  it('gives back exactly the exported document, with nothing to report', async () => {
    const { document, notes } = await importXlsx(exported, IMPORT_DEPS);
    expect(document).toEqual(exampleDocument());
    expect(notes).toEqual([]);
  });

  // Probe 5: an extra sheet was dropped without a word.
  it('notes a sheet that is not one of the workbook’s and is not read', async () => {
    const extra = await edit(exported, (wb) => (wb.addWorksheet('我的草稿').getCell('A1').value = 123));
    const { document, notes } = await importXlsx(extra, IMPORT_DEPS);
    expect(document).toEqual(exampleDocument());
    expect(notes).toEqual(['文件中的工作表「我的草稿」不属于本工作簿，其内容未导入']);
  });

  it('accepts an ArrayBuffer as the browser File API gives it', async () => {
    const copy = exported.slice().buffer;
    const { document } = await importXlsx(copy, IMPORT_DEPS);
    expect(document.inputs.t06?.['30201']?.amount).toBe('21.34');
  });

  it('takes three inputs changed by another program and recomputes every total', async () => {
    const changed = await edit(exported, (wb) => {
      for (const e of THREE_EDITS) sheet(wb, e.addr[0]).getCell(e.addr[1]).value = e.value;
    });
    const { document, notes } = await importXlsx(changed, IMPORT_DEPS);
    expect(notes).toEqual([]);
    expectThreeEdits(openWorkbook(document));
  });

  it('reports a changed formula and a number typed over a formula, and recomputes from the template', async () => {
    const changed = await edit(exported, (wb) => {
      sheet(wb, '公开06表').getCell('I33').value = { formula: 'F5+I5', result: 999 };
      sheet(wb, '公开01表').getCell('C19').value = 12345;
    });
    const { document, notes } = await importXlsx(changed, IMPORT_DEPS);
    expect(notes).toEqual([
      `${IMPORT_MESSAGES.formulaChanged('公开01表 C19（总计）、公开06表 I33（公用经费合计）')}`,
    ]);
    const engine = openWorkbook(document);
    expect(engine.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('596.17');
    expect(engine.amount('t01', 'inc.grand', 'amount')?.toFixed(2)).toBe('1576.05');
  });

  it('takes the result of a formula typed into an input cell, and says so', async () => {
    const changed = await edit(exported, (wb) => {
      sheet(wb, '公开06表').getCell('F6').value = { formula: '20+11.34', result: 31.34 };
    });
    const { document, notes } = await importXlsx(changed, IMPORT_DEPS);
    expect(document.inputs.t06?.['30201']?.amount).toBe('31.34');
    expect(notes).toEqual([IMPORT_MESSAGES.formulaInInput('公开06表 F6（30201 办公费）')]);
  });

  it('accepts numbers typed as text (1,234.5, full-width) and ignores stray cells outside the table', async () => {
    const changed = await edit(exported, (wb) => {
      sheet(wb, '公开06表').getCell('C6').value = '1,234.5';
      sheet(wb, '公开06表').getCell('C7').value = '１７２．３３';
      sheet(wb, '公开06表').getCell('K3').value = '备注';
    });
    const { document, notes } = await importXlsx(changed, IMPORT_DEPS);
    expect(document.inputs.t06?.['30101']?.amount).toBe('1234.50');
    expect(document.inputs.t06?.['30102']?.amount).toBe('172.33');
    expect(notes).toEqual([IMPORT_MESSAGES.ignored('公开06表 K3')]);
  });

  it('accepts shared formulas, as Excel writes for filled ranges', async () => {
    const changed = await edit(exported, (wb) => {
      const t02 = sheet(wb, '公开02表');
      // 合计 row: C8 = C9 … I8 = I9, written as one shared formula.
      t02.getCell('C8').value = { formula: 'C9', result: 1576.05, shareType: 'shared', ref: 'C8:I8' } as ExcelJS.CellFormulaValue;
      for (const col of 'DEFGHI') t02.getCell(`${col}8`).value = { sharedFormula: 'C8', result: 0 } as ExcelJS.CellSharedFormulaValue;
    });
    expect([...readZip(changed).values()].join('')).toMatch(/<f t="shared" ref="C8:I8" si="\d+">C9<\/f>/);
    const { document, notes } = await importXlsx(changed, IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document).toEqual(exampleDocument());
  });

  it('carries long texts in a marker split over several cells', async () => {
    const doc = exampleDocument();
    const long = (ch: string) => ch.repeat(5000);
    // 6 × 5,000 characters, quotes doubling in JSON: well over one 30,000-character cell.
    const texts = { ...doc.texts, 'overview.duties': long('职'), 'overview.structure': long('构'), 'reason.grand': long('因') };
    Object.assign(texts, { 'reason.opex': long('"'), 'meeting.purpose': long('会'), 'training.purpose': long('训') });
    const engine = openWorkbook({ ...doc, texts });
    const bytes = await exportEngine(engine);
    const marker = new ExcelJS.Workbook();
    await marker.xlsx.load(bytes.slice().buffer);
    expect(marker.getWorksheet(MARKER_SHEET)!.rowCount).toBeGreaterThan(1);
    const { document } = await importXlsx(bytes, IMPORT_DEPS);
    expect(document.texts).toEqual(engine.document().texts);
  });

  it('keeps "=1+1" as text in the department name and a text field', async () => {
    const doc = exampleDocument();
    const engine = openWorkbook({ ...doc, meta: { ...doc.meta, department: '=1+1' }, texts: { ...doc.texts, 'reason.grand': '=1+1' } });
    engine.addCode('gpb', '2019999', '=1+1');
    const bytes = await exportEngine(engine, [{ heading: '一、部门概况', paragraphs: ['=1+1'] }]);
    const { document, notes } = await importXlsx(bytes, IMPORT_DEPS);
    expect(notes).toEqual([]);
    expect(document.meta.department).toBe('=1+1');
    expect(document.texts['reason.grand']).toBe('=1+1');
    expect(document.customCodes['2019999']).toBe('=1+1');
    expect(document).toEqual(engine.document());
  });
});

describe('importXlsx refuses bad files with a Chinese message and leaves the open workbook alone', () => {
  let exported: Uint8Array;
  const open = openWorkbook(exampleDocument());
  const before = structuredClone(open.document());
  beforeAll(async () => {
    exported = await exportEngine(open);
  });

  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string | RegExp][] = [
    ['an empty file', () => new Uint8Array(0), IMPORT_MESSAGES.empty],
    ['random bytes', () => new Uint8Array(randomBytes(5000)).fill(0x41, 0, 4), IMPORT_MESSAGES.notZip],
    ['a PDF', () => new TextEncoder().encode('%PDF-1.7\n…'), IMPORT_MESSAGES.notZip],
    ['an old .xls', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), IMPORT_MESSAGES.oldXls],
    ['a truncated zip', () => exported.slice(0, Math.floor(exported.length / 2)), IMPORT_MESSAGES.corrupt],
    [
      'a zip with damaged compressed data',
      () => {
        const bad = exported.slice();
        bad.fill(0xff, 2000, 2400);
        return bad;
      },
      IMPORT_MESSAGES.corrupt,
    ],
    ['a file over 20 MB', () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(21 * 1024 * 1024)]), '文件过大（21.0 MB），超过 20 MB 的导入上限'],
    [
      'a zip bomb (50 MB of zeros in 50 KB)',
      () => makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) }]),
      IMPORT_MESSAGES.bomb,
    ],
    [
      'a zip bomb that declares a small size',
      () => makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024), declaredSize: 1000 }]),
      IMPORT_MESSAGES.bomb,
    ],
    [
      // Probe 1: the end record still counts the old entries; ExcelJS reads every directory record.
      'an exported file plus a 30 MB entry the end record does not count',
      () => appendHiddenEntry(exported, 'xl/media/zz.png', Buffer.alloc(30 * 1024 * 1024)),
      IMPORT_MESSAGES.bomb,
    ],
    [
      'an exported file plus a small entry the end record does not count',
      () => appendHiddenEntry(exported, 'xl/media/a.png', Buffer.alloc(1000)),
      IMPORT_MESSAGES.corrupt,
    ],
    [
      // Probe 5: a 10⁶-row sheet (7.6 MB as a file) froze the page 17.4 s and was accepted.
      'an exported file plus a 400,000-row sheet',
      () => appendHiddenEntry(exported, 'xl/worksheets/sheet99.xml', bigSheetXml(400_000), true),
      /^文件中的「xl\/worksheets\/sheet99\.xml」解压后有 \d+\.\d MB，超过单个部件 16 MB 的上限：这不是本程序导出的决算公开工作簿，无法导入$/,
    ],
    [
      'a zip declaring 200 MB',
      () => makeZip([{ name: 'a.xml', data: Buffer.from('x'), declaredSize: 200 * 1024 * 1024 }]),
      IMPORT_MESSAGES.bomb,
    ],
    [
      'an xlsx from elsewhere',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('公开01表').getCell('A1').value = '部门收支决算总表';
        return new Uint8Array(await wb.xlsx.writeBuffer());
      },
      IMPORT_MESSAGES.notOurs,
    ],
    [
      'a missing sheet',
      () => edit(exported, (wb) => wb.removeWorksheet(sheet(wb, '公开05表').id)),
      '缺少工作表「公开05表」，无法导入',
    ],
    [
      'text in an amount cell',
      () => edit(exported, (wb) => (sheet(wb, '公开06表').getCell('F6').value = 'abc')),
      '公开06表 F6（30201 办公费）：「abc」不是有效金额，请输入数字，如 1234.56',
    ],
    [
      // Probe 9: 1e308 was refused with a 309-digit number and no cell.
      'a huge number in an amount cell',
      () => edit(exported, (wb) => (sheet(wb, '公开06表').getCell('F6').value = 1e308)),
      '公开06表 F6（30201 办公费）：「1e+308」超出金额范围（金额的绝对值须小于 1,000,000,000 万元）',
    ],
    [
      // Probe 3: 元 was read as 万元.
      'an amount in 元',
      () => edit(exported, (wb) => (sheet(wb, '公开06表').getCell('F6').value = '120000元')),
      '公开06表 F6（30201 办公费）：「120000元」的单位是元，本表金额单位为万元，请换算后填写（120000元 = 12.00万元）',
    ],
    [
      'a fraction in a count cell',
      () => edit(exported, (wb) => (sheet(wb, '补充资料').getCell('B23').value = 1.5)),
      '补充资料 B23（接待来访团组数（个））：「1.5」不是有效的数量，请输入非负整数',
    ],
    [
      'a date in an amount cell of a multi-column table',
      () =>
        edit(exported, (wb) => {
          const cell = sheet(wb, '公开05表').getCell('D11');
          cell.value = new Date(Date.UTC(2021, 2, 4));
          // A fresh style object: ExcelJS shares one per style id among loaded cells.
          cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
        }),
      '公开05表 D11（2010306 政务公开审批 · 基本支出）：「2021-03-04」不是数字',
    ],
    [
      'an inserted row',
      () => edit(exported, (wb) => sheet(wb, '公开06表').spliceRows(6, 0, [])),
      /^公开06表 A6 应为「30101」，文件中为「」：表格结构被改动/,
    ],
    [
      'a broken marker',
      () => edit(exported, (wb) => (sheet(wb, MARKER_SHEET).getCell('A1').value = '{"type":')),
      IMPORT_MESSAGES.markerBroken,
    ],
    [
      'a marker naming an unknown template',
      () =>
        edit(exported, (wb) => {
          const cell = sheet(wb, MARKER_SHEET).getCell('A1');
          cell.value = String(cell.value).replace('"hn-2021"', '"xx-2099"');
        }),
      IMPORT_MESSAGES.markerInvalid('未知的模板「xx-2099」，本程序无法打开'),
    ],
  ];

  for (const [what, make, message] of cases) {
    it(what, async () => {
      const got = await importMessage(await make());
      if (typeof message === 'string') expect(got).toBe(message);
      else expect(got).toMatch(message);
      expect(open.document()).toEqual(before);
      expect(open.amount('t06', 'public', 'amount')?.toFixed(2)).toBe('596.17');
    });
  }
});
