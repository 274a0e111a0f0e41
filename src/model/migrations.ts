// Named, ordered, pure migrations of stored/exported documents. Never edit a shipped one.
// Each takes the document shape of schemaVersion `from` and returns the shape of `from + 1`.
/** The name v3 invented for a parent the catalogue lacked (frozen: v3 documents hold it). */
const PLACEHOLDER_V3 = '\uFF08\u81EA\u5B9A\u4E49\u79D1\u76EE\uFF09';

export interface Migration {
  name: string;
  from: number;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // v1 kept supplementary figures apart from inputs and had one flat code list.
    name: 'v1-to-v2: supplementary into inputs.sup, codes split by fund',
    from: 1,
    up(doc) {
      const { supplementary, functionCodes, ...rest } = doc as Record<string, unknown> & {
        supplementary?: Record<string, string>;
        functionCodes?: string[];
      };
      const inputs = { ...((rest.inputs as Record<string, unknown>) ?? {}) };
      if (supplementary && typeof supplementary === 'object') {
        const sup: Record<string, Record<string, string>> = {};
        for (const [id, v] of Object.entries(supplementary)) sup[id] = { value: String(v) };
        inputs.sup = sup;
      }
      return {
        ...rest,
        schemaVersion: 2,
        inputs,
        codes: { gpb: Array.isArray(functionCodes) ? functionCodes : [], gf: [], soe: [] },
        customCodes: rest.customCodes ?? {},
        economicCodes: rest.economicCodes ?? [],
      };
    },
  },
  {
    // Schema 3 is schema 2 with the template's own migrations run by restore() (keyed by
    // templateVersion): the 03表 derivation this step once did for every document is now
    // hn-2021's templateVersion 1→2 migration (sheets/hn-2021/migrations.ts), so it only ever
    // touches that template's sheets.
    name: 'v2-to-v3: template migrations by templateVersion (03表 derivation moved to hn-2021)',
    from: 2,
    up(doc) {
      return { ...doc, schemaVersion: 3, templateVersion: doc.templateVersion ?? 1 };
    },
  },
  {
    // v3 wrote the placeholder 「（自定义科目）」 as the name of an unknown parent: it was never a
    // name, so it goes (the code is then reported as unnamed); economic codes gain names too.
    name: 'v3-to-v4: placeholder 自定义科目 names dropped, economic code names',
    from: 3,
    up(doc) {
      const names = (doc.customCodes ?? {}) as Record<string, unknown>;
      const customCodes = Object.fromEntries(Object.entries(names).filter(([, v]) => v !== PLACEHOLDER_V3));
      return { ...doc, schemaVersion: 4, customCodes, economicNames: doc.economicNames ?? {} };
    },
  },
  {
    // v5 adds the 部门决算单位构成 list and the workbook's 审核 tolerance (rules that allowed a
    // rounding difference had 0.01 each; every workbook now has the default bands).
    name: 'v4-to-v5: 部门决算单位构成 and 审核 tolerance',
    from: 4,
    up(doc) {
      return { ...doc, schemaVersion: 5, units: doc.units ?? [], auditTolerance: doc.auditTolerance ?? { rounding: '0.03', error: '0.05' } };
    },
  },
];

/** Applies every migration from `version` to the current one; returns the names applied. */
export function migrate(doc: Record<string, unknown>, version: number): { doc: Record<string, unknown>; applied: string[] } {
  let out = doc;
  const applied: string[] = [];
  for (const m of MIGRATIONS) {
    if (m.from >= version) {
      out = m.up(out);
      applied.push(m.name);
    }
  }
  return { doc: out, applied };
}
