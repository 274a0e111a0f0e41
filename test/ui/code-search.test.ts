import { describe, expect, it } from 'vitest';
import { searchCodes } from '../../src/app/code-search';
import { CATALOGUES } from '../../src/app/templates';

const items = CATALOGUES.functionCodes.filter((c) => c.level === 3);

describe('searchCodes', () => {
  it('finds a 项 by its full code first, then by code prefix', () => {
    expect(searchCodes(items, '2080505')[0]).toMatchObject({ code: '2080505', name: '机关事业单位基本养老保险缴费支出' });
    const prefix = searchCodes(items, '20805').map((c) => c.code);
    expect(prefix).toContain('2080501');
    expect(prefix.every((c) => c.startsWith('20805'))).toBe(true);
  });

  it('finds by words of the name, all of them', () => {
    expect(searchCodes(items, '基本养老保险缴费').map((c) => c.code)).toContain('2080505');
    expect(searchCodes(items, '职业年金 缴费').map((c) => c.code)).toEqual(['2080506']);
    expect(searchCodes(items, '不存在的科目名称')).toEqual([]);
  });

  it('finds by the names above a 项 when given them as context', () => {
    const names = new Map(CATALOGUES.functionCodes.map((c) => [c.code, c.name]));
    const context = (e: { code: string }) => `${names.get(e.code.slice(0, 3))} ${names.get(e.code.slice(0, 5))}`;
    const found = searchCodes(items, '养老 职业年金', { context }).map((c) => c.code);
    expect(found).toEqual(['2080506']);
    expect(searchCodes(items, '养老', { context }).map((c) => c.code)).toContain('2080505');
  });

  it('leaves out codes already used and stops at the limit', () => {
    expect(searchCodes(items, '2080505', { exclude: new Set(['2080505']) }).map((c) => c.code)).not.toContain('2080505');
    expect(searchCodes(items, '', { limit: 5 })).toHaveLength(5);
  });
});
