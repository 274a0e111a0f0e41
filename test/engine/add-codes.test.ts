// addCodes (one rebuild for many codes), naming codes of any level, and no made-up names anywhere.
import { HyperFormula } from 'hyperformula';
import { describe, expect, it, vi } from 'vitest';
import { CODE_NAME_RULE } from '../../src/engine';
import { exampleDocument, openWorkbook } from '../../src/app/templates';
import { renderNarrative } from '../../src/engine/narrative';
import { narrativePlainText as plainText } from '../../src/engine/narrative/plain-text';
import { WorkbookSession } from '../../src/app/session';
import { buildPublication, publicationText } from '../../src/app/publication';

const unnamed = (e: ReturnType<typeof openWorkbook>) => e.audit().filter((f) => f.ruleId === CODE_NAME_RULE).map((f) => f.rowId);

describe('addCodes', () => {
  it('adds 38 codes with names in one step, in place (no HyperFormula rebuild)', () => {
    const e = openWorkbook(exampleDocument());
    const build = vi.spyOn(HyperFormula, 'buildFromSheets');
    const specs = Array.from({ length: 38 }, (_, i) => ({ code: `21399${String(i + 1).padStart(2, '0')}`, name: `自编科目${i + 1}` }));
    const r = e.addCodes([{ code: '213', name: '农林水支出' }, { code: '21399', name: '其他农林水支出' }, ...specs]);
    expect(build).not.toHaveBeenCalled();
    build.mockRestore();
    expect(r.structural).toBe(true);
    expect(e.document().codes.gpb).toHaveLength(39);
    expect(e.sheet('t05').cells.flat().some((c) => c?.t === 'text' && c.text === '自编科目38')).toBe(true);
    expect(unnamed(e)).toEqual([]);
    e.destroy();
  });

  it('names parents and renames catalogue codes through the API; a blank name goes back to the catalogue', () => {
    const e = openWorkbook(exampleDocument());
    e.addCodes([{ code: '2070109', name: '群众文化' }]);
    // 20701 文化和旅游 is not in the built-in catalogue: the 款 row is blank and the 审核 says so.
    expect(unnamed(e)).toEqual([`${CODE_NAME_RULE}:20701`]);
    const text = (code: string) => {
      const s = e.sheet('t05');
      const p = s.index.get(`${code}|basic`)!;
      const label = s.cells[p.r]![1];
      return label?.t === 'text' ? label.text : undefined;
    };
    expect(text('20701')).toBe('');
    e.setCodeName('20701', '文化和旅游');
    expect(text('20701')).toBe('文化和旅游');
    expect(unnamed(e)).toEqual([]);
    e.setCodeName('207', '文化旅游体育与传媒（自编）');
    expect(text('207')).toBe('文化旅游体育与传媒（自编）');
    e.setCodeName('207', '');
    expect(text('207')).toBe('文化旅游体育与传媒支出');
    e.setCodeName('30201', '办公费（含印刷）', 'economic');
    const t06 = e.sheet('t06');
    expect(t06.cells.flat().some((c) => c?.t === 'text' && c.text === '办公费（含印刷）')).toBe(true);
    expect(() => e.setCodeName('2x', '甲')).toThrow('不是有效的功能分类科目编码');
    e.destroy();
  });

  it('an unnamed code is 【缺】 in the 情况说明 and blank in tables, never 自定义科目', () => {
    const e = openWorkbook(exampleDocument());
    e.applyBatch({ codes: [{ code: '2070109' }], inputs: [{ sheet: 't05', row: '2070109', col: 'basic', raw: '10' }] });
    expect(unnamed(e)).toEqual([`${CODE_NAME_RULE}:20701`, `${CODE_NAME_RULE}:2070109`]);
    const all = JSON.stringify(e.layout.sheets.map((s) => s.cells));
    expect(all).not.toContain('自定义科目');
    expect(all).not.toContain('未命名');
    const narrative = plainText(renderNarrative(e));
    expect(narrative).not.toContain('自定义科目');
    expect(narrative).toContain('【缺：科目2070109的名称】');
    // The published document (Word / PDF) too: tables blank, 情况说明 【缺】.
    const published = publicationText(buildPublication(e)).join('\n');
    expect(published).not.toContain('自定义科目');
    expect(published).toContain('【缺：科目2070109的名称】');
    e.destroy();
  });

  it('session: a batch is one undo step', () => {
    const s = new WorkbookSession(openWorkbook(exampleDocument()));
    const before = s.doc;
    const r = s.applyBatch(
      { codes: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出' }], inputs: [{ sheet: 't05', row: '2080505', col: 'basic', raw: '12.5' }, { sheet: 't05', row: '20805', col: 'basic', raw: '1' }] },
      '粘贴',
    );
    expect(r.rejected.map((x) => x.row)).toEqual(['20805']);
    expect(s.engine.amount('t05', '2080505', 'basic')?.toFixed(2)).toBe('12.50');
    expect(s.engine.amount('t05', 'sum', 'basic')?.toFixed(2)).toBe('1588.55');
    s.undo();
    expect(s.doc).toEqual(before);
    s.redo();
    expect(s.engine.amount('t05', '2080505', 'basic')?.toFixed(2)).toBe('12.50');
    s.engine.destroy();
  });
});
