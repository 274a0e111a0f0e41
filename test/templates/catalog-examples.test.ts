// The built-in catalogue knows every code the examples use, by the name printed for the example's
// year: the example workbooks (sheets/examples) and the published Shanghai documents as transcribed
// (every 科目名称 of their tables 02/03/05/06/08/09); renamed classes keep their old names as synonyms.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, TEMPLATES } from '../../sheets';
import { CATALOGUES, restoreDocument } from '../../src/app/templates';
import { squashName } from '../../src/model/code-catalog';
import czj from '../fixtures/sh-2024/sh-putuo-czj-2024.json';
import sthj from '../fixtures/sh-2024/sh-putuo-sthj-2025.json';

const fn = CATALOGUES.functionCatalog;
const ec = CATALOGUES.economicCatalog;

describe('every code an example uses is in the catalogue of its year', () => {
  for (const example of EXAMPLES) {
    it(example.id, () => {
      const { doc } = restoreDocument(example.doc);
      const year = doc.meta.year;
      const items = [...doc.codes.gpb, ...doc.codes.gf, ...doc.codes.soe];
      const codes = [...new Set(items.flatMap((c) => [c.slice(0, 3), c.slice(0, 5), c]))];
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) {
        const info = fn.lookup(code, year);
        expect(info?.confirmed, `${code} in ${year}`).toBe(true);
        // A name the example gives is the catalogue's for that year.
        if (doc.customCodes[code]) expect(info?.name, code).toBe(doc.customCodes[code]);
      }
      const def = TEMPLATES.get(doc.templateId)!.tables.find((t) => t.kind === 'economic');
      const econ = def?.kind === 'economic' ? [...def.groups.flat(), ...def.codes, ...doc.economicCodes] : [];
      for (const code of econ) expect(ec.lookup(code, year)?.confirmed, `economic ${code} in ${year}`).toBe(true);
    });
  }
});

type Printed = { meta: { year: number }; tables: Record<string, { rows?: Record<string, { 科目名称?: string }> } & Record<string, unknown>> };

describe('the published documents print the catalogue names of their year', () => {
  for (const [id, d] of [['sh-putuo-czj-2024', czj], ['sh-putuo-sthj-2025', sthj]] as [string, Printed][]) {
    it(id, () => {
      let checked = 0;
      for (const t of ['02', '03', '05', '06', '08', '09']) {
        const table = d.tables[t];
        const rows = (t === '06' ? table : table?.rows) as Record<string, { 科目名称?: string }> | undefined;
        for (const [code, row] of Object.entries(rows ?? {})) {
          if (!/^\d{3,7}$/.test(code) || !row.科目名称) continue;
          const info = (t === '06' ? ec : fn).lookup(code, d.meta.year);
          expect(info?.confirmed, `${t} ${code}`).toBe(true);
          // A cell too narrow for the name prints it cut short.
          expect(squashName(info!.name).startsWith(squashName(row.科目名称)), `${t} ${code}: ${row.科目名称} / ${info!.name}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(50);
    });
  }

  it('renamed classes are known by their old names too', () => {
    expect(fn.lookup('207', 2018)?.name).toBe('文化旅游体育与传媒支出');
    expect(fn.lookup('207', 2024)?.synonyms).toContain('文化体育与传媒支出');
    expect(fn.lookup('210', 2021)?.synonyms).toContain('医疗卫生与计划生育支出');
    expect(fn.knowsName('215', '资源勘探信息等支出')).toBe(true);
  });
});
