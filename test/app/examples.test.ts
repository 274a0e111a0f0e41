// The built-in examples 新建 offers (示例): each restores cleanly and opens in its own template.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_LIST, exampleById, loadExample, openWorkbook, restoreDocument } from '../../src/app/templates';
import { EXAMPLES } from '../../sheets';

describe('EXAMPLE_LIST', () => {
  it('lists the four examples with their department and year in the name', () => {
    expect(EXAMPLE_LIST.map((x) => x.id)).toEqual(['lanshan-2021', 'national-2022', 'sh-putuo-czj-2024', 'sh-putuo-sthj-2025']);
    for (const x of EXAMPLE_LIST) {
      const doc = exampleById(x.id);
      expect(x.name).toContain(doc.meta.department);
      expect(x.name).toContain(`${doc.meta.year}年度`);
    }
  });

  it('each restores without a note and opens in the template its document names', () => {
    const templates = EXAMPLES.map((x) => {
      const r = restoreDocument(x.doc);
      expect(r.notes, x.id).toEqual([]);
      const e = openWorkbook(r.doc);
      const id = e.template.id;
      e.destroy();
      return id;
    });
    expect(templates).toEqual(['hn-2021', 'national-2022', 'sh-2024', 'sh-2024']);
  });

  it('an unknown example is refused in Chinese', () => {
    expect(() => exampleById('zz')).toThrow('没有示例 zz');
  });
});

describe('loadExample (the app fetches one example at a time)', () => {
  it('gives the same document as exampleById, the reference example by default', async () => {
    expect(await loadExample()).toEqual(exampleById('lanshan-2021'));
    expect(await loadExample('sh-putuo-sthj-2025')).toEqual(exampleById('sh-putuo-sthj-2025'));
    await expect(loadExample('zz')).rejects.toThrow('没有示例 zz');
  });
});
