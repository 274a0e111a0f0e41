// Named, ordered, pure migrations of stored/exported documents. Never edit a shipped one.
// Each takes the document shape of schemaVersion `from` and returns the shape of `from + 1`.
import { dec, toFixed2 } from './amount';

type Rows = Record<string, Record<string, string>>;

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
    // 03表 基本/项目支出 became formulas (05 + 08 + 09 + 非财政拨款); a typed 03 figure is kept as
    // its 非财政拨款 remainder in 补充资料, so every total stays what the user had.
    name: 'v2-to-v3: 03表基本/项目支出 derived; typed remainder kept as 非财政拨款',
    from: 2,
    up(doc) {
      const inputs = { ...((doc.inputs as Record<string, Rows | undefined>) ?? {}) };
      const t03 = inputs.t03 ?? {};
      const sup: Rows = { ...(inputs.sup ?? {}) };
      const t03Out: Rows = {};
      const num = (sheet: string, row: string, col: string) => dec(inputs[sheet]?.[row]?.[col] ?? '0');
      for (const [code, cols] of Object.entries(t03)) {
        const rest = { ...cols };
        for (const [col, f5, f8, f9] of [
          ['basic', 'basic', 'exp_basic', 'basic'],
          ['proj', 'proj', 'exp_proj', 'proj'],
        ] as const) {
          if (rest[col] === undefined) continue;
          const remainder = dec(rest[col]).minus(num('t05', code, f5)).minus(num('t08', code, f8)).minus(num('t09', code, f9));
          delete rest[col];
          if (!remainder.isZero()) sup[`nonfiscal.${col}.${code}`] = { value: toFixed2(remainder) };
        }
        if (Object.keys(rest).length) t03Out[code] = rest;
      }
      if (Object.keys(t03Out).length) inputs.t03 = t03Out;
      else delete inputs.t03;
      if (Object.keys(sup).length) inputs.sup = sup;
      return { ...doc, schemaVersion: 3, inputs };
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
