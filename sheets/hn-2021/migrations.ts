// hn-2021's own document migrations, keyed by templateVersion (restore() runs them after the
// schema migrations). Pure; never edit a shipped one.
import { dec, toFixed2 } from '../../src/model/amount';
import type { TemplateMigration } from '../../src/model/template';
import { nonfiscalToTypedOver } from '../nonfiscal-migration';

type Rows = Record<string, Record<string, string>>;

export const HN_2021_MIGRATIONS: readonly TemplateMigration[] = [
  {
    // 03表 基本/项目支出 became formulas (05 + 08 + 09 + 非财政拨款); a typed 03 figure is kept as
    // its 非财政拨款 remainder in 补充资料, so every total stays what the user had. (Until schema 3
    // this ran as the schema migration v2-to-v3; documents of templateVersion 1 saved since then
    // hold no typed 03 basic/proj, so for them it changes nothing.)
    name: 'hn-2021 v1-to-v2: 03表基本/项目支出 derived; typed remainder kept as 非财政拨款',
    from: 1,
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
      return { ...doc, templateVersion: 2, inputs };
    },
  },
  {
    // 年初预算 total became an input (the figure the department states, #10): documents saved
    // before state the sum of their 项 budgets, so every figure stays what it was.
    name: 'hn-2021 v2-to-v3: 年初预算数 typed; older documents state the sum of their 项 budgets',
    from: 2,
    up(doc) {
      const inputs = { ...((doc.inputs as Record<string, Rows | undefined>) ?? {}) };
      const sup: Rows = { ...(inputs.sup ?? {}) };
      const items = Object.entries(sup).filter(([id, v]) => /^budget\.\d{7}$/.test(id) && (v.value ?? '') !== '');
      if (sup['budget.stated'] === undefined && items.length) {
        sup['budget.stated'] = { value: toFixed2(items.reduce((s, [, v]) => s.plus(dec(v.value!)), dec(0))) };
        inputs.sup = sup;
      }
      return { ...doc, templateVersion: 3, inputs };
    },
  },
  {
    // 03表 基本/项目支出 can be typed over (they follow 05 + 08 + 09 while blank); 非财政拨款 is
    // now their difference, shown in 补充资料, no longer typed there. Every figure stays.
    name: 'hn-2021 v3-to-v4: 补充资料非财政拨款支出 becomes the typed 03表基本/项目支出',
    from: 3,
    up: (doc) =>
      nonfiscalToTypedOver(
        doc,
        't03',
        {
          basic: [['t05', 'basic'], ['t08', 'exp_basic'], ['t09', 'basic']],
          proj: [['t05', 'proj'], ['t08', 'exp_proj'], ['t09', 'proj']],
        },
        4,
      ),
  },
];
