// 部门决算单位构成 and the 审核 tolerance through the session (what the 补充资料 panel calls) and the
// line format the panel edits.
import { describe, expect, it } from 'vitest';
import { WorkbookSession, type SessionEvent } from '../../src/app/session';
import { openWorkbook, shExampleDocument } from '../../src/app/templates';
import { unitsFromText, unitsToText } from '../../src/app/units-text';
import { InputError } from '../../src/model/amount';

describe('units as lines', () => {
  it('reads 单位名称｜备注 (or a tab, or |), skips blank lines, and writes back the same text', () => {
    const units = unitsFromText('甲局（本级）\n\n 甲局财政所 ｜ 预算不单列，并入本级\r\n乙中心\t并入本级\n丙站|');
    expect(units).toEqual([
      { name: '甲局（本级）', note: '' },
      { name: '甲局财政所', note: '预算不单列，并入本级' },
      { name: '乙中心', note: '并入本级' },
      { name: '丙站', note: '' },
    ]);
    expect(unitsFromText(unitsToText(units))).toEqual(units);
    expect(unitsToText(units)).toBe('甲局（本级）\n甲局财政所｜预算不单列，并入本级\n乙中心｜并入本级\n丙站');
  });
});

describe('WorkbookSession units and 审核 tolerance', () => {
  it('saves units as a change; the tolerance is one undoable step that re-judges the 审核', () => {
    // Without its printed figures (审查), so 05 基本 and 06 differ by the 06 parents' 0.02.
    const { printed: _printed, ...doc } = shExampleDocument('sh-putuo-czj-2024');
    const s = new WorkbookSession(openWorkbook(doc));
    const events: SessionEvent['type'][] = [];
    s.subscribe((e) => events.push(e.type));
    s.setUnits(unitsFromText('上海市普陀区财政局（本级）'));
    expect(s.doc.units).toEqual([{ name: '上海市普陀区财政局（本级）', note: '' }]);
    expect(events).toContain('change');

    const x56 = () => s.engine.audit().find((f) => f.ruleId === 'X56-1')?.severity;
    expect(x56()).toBe('warning');
    s.setAuditTolerance('0.01', '0.01');
    expect(s.doc.auditTolerance).toEqual({ rounding: '0.01', error: '0.01' });
    expect(x56()).toBe('error');
    expect(s.undo()).toBe('修改审核容差');
    expect(s.doc.auditTolerance).toEqual({ rounding: '0.03', error: '0.05' });
    expect(x56()).toBe('warning');
    expect(() => s.setAuditTolerance('abc', '0.05')).toThrow(InputError);
    expect(s.canRedo()).toBe(true);
  });
});
