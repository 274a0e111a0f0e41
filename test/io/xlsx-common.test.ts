// Formula sheet-name rewriting (export) and normalization (import comparison).
import { describe, expect, it } from 'vitest';
import { EXAMPLE_LIST, documentLayout, exampleById } from '../../src/app/templates';
import { normalizeFormula, renameSheetRefs, xlsxSheetName } from '../../src/io/xlsx-common';

const NAMES = new Map([
  ['公开06表', 't06'],
  ['T06', 't06'],
  ['公开05表', 't05'],
  ['T05', 't05'],
]);

describe('renameSheetRefs', () => {
  it('renames quoted ids and leaves string literals and same-sheet refs alone', () => {
    const rename = (id: string) => ({ t06: '公开06表', t05: "O'Brien" })[id] ?? id;
    expect(renameSheetRefs("'t06'!C33+'t06'!I33", rename)).toBe("'公开06表'!C33+'公开06表'!I33");
    expect(renameSheetRefs(`IF('t05'!D8=0,"'t06'!C5",C5)`, rename)).toBe(`IF('O''Brien'!D8=0,"'t06'!C5",C5)`);
    expect(renameSheetRefs('SUM(C6:C18)', rename)).toBe('SUM(C6:C18)');
    expect(renameSheetRefs("t06!C3+'O''Brien'!C4+'t05'!D8", rename)).toBe("'公开06表'!C3+'O''Brien'!C4+'O''Brien'!D8");
  });

  it('renames every formula of every example the same way with or without a string literal in it', () => {
    // A literal ("") sends a formula through the tokenizer; without one most take the regex path.
    const rename = (id: string) => `${id}表 '名'`;
    let formulas = 0;
    for (const { id } of EXAMPLE_LIST) {
      for (const layout of documentLayout(exampleById(id))) {
        for (const cell of layout.cells.flat()) {
          const f = cell?.t === 'formula' ? cell.formula : cell?.t === 'input' ? cell.follow?.formula : undefined;
          if (!f) continue;
          formulas++;
          expect(`${renameSheetRefs(f, rename)}&""`).toBe(renameSheetRefs(`${f}&""`, rename));
        }
      }
    }
    expect(formulas).toBeGreaterThan(2000);
  });
});

describe('normalizeFormula', () => {
  const norm = (f: string) => normalizeFormula(f, NAMES);

  it('treats quoted, unquoted and id sheet names alike (LibreOffice writes CJK names unquoted)', () => {
    expect(norm("'t06'!C33+'t06'!I33")).toBe("'t06'!C33+'t06'!I33");
    expect(norm('=公开06表!C33+公开06表!I33')).toBe(norm("'t06'!C33+'t06'!I33"));
    expect(norm("='公开06表'!$C$33 + '公开06表'!I33")).toBe(norm("'t06'!C33+'t06'!I33"));
  });

  it('ignores case, spaces, $ and _xlfn. but not string literals', () => {
    expect(norm('round( c2 - d2 , 2 )')).toBe('ROUND(C2-D2,2)');
    expect(norm('_xlfn.ROUND(C2,2)')).toBe('ROUND(C2,2)');
    expect(norm('IF(E2<0.005,"通过","错误")')).toBe('IF(E2<0.005,"通过","错误")');
    expect(norm('IF(E2<0.005,"通 过","错误")')).not.toBe(norm('IF(E2<0.005,"通过","错误")'));
    expect(norm('IF(A1="x",1,2)')).not.toBe(norm('IF(A1="X",1,2)'));
  });

  it('tells a different reference or sheet apart', () => {
    expect(norm('公开05表!C33')).not.toBe(norm("'t06'!C33"));
    expect(norm('公开06表!C34')).not.toBe(norm("'t06'!C33"));
    expect(norm('#REF!+1')).not.toBe(norm('C5+1'));
  });
});

describe('xlsxSheetName', () => {
  it('uses 公开0X表 for tables and fixed names for the rest', () => {
    expect(xlsxSheetName({ id: 't06', publicNo: '公开06表' })).toBe('公开06表');
    expect(xlsxSheetName({ id: 'sup', publicNo: '补充资料' })).toBe('补充资料');
    expect(xlsxSheetName({ id: 'fig', publicNo: '关键数据' })).toBe('关键数据');
    expect(xlsxSheetName({ id: 'audit', publicNo: '审核' })).toBe('审核');
  });
});
