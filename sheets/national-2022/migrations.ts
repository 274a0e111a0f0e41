// national-2022's own document migrations, keyed by templateVersion (restore() runs them after
// the schema migrations). Pure; never edit a shipped one.
import type { TemplateMigration } from '../../src/model/template';
import { nonfiscalToTypedOver } from '../nonfiscal-migration';

export const NATIONAL_2022_MIGRATIONS: readonly TemplateMigration[] = [
  {
    // 03表 基本/项目支出 can be typed over (they follow 05 + 07 + 08 while blank); 非财政拨款 is
    // now their difference, shown in 补充资料, no longer typed there. Every figure stays.
    name: 'national-2022 v1-to-v2: 补充资料非财政拨款支出 becomes the typed 03表基本/项目支出',
    from: 1,
    up: (doc) =>
      nonfiscalToTypedOver(
        doc,
        'expenditure',
        {
          basic: [['gpbExpenditure', 'basic'], ['govFund', 'exp_basic'], ['stateCapital', 'basic']],
          proj: [['gpbExpenditure', 'proj'], ['govFund', 'exp_proj'], ['stateCapital', 'proj']],
        },
        2,
      ),
  },
];
