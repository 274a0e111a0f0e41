// 全国统一格式 部门决算公开 (2022年起): the national nine tables in the national order (07 政府性基金,
// 08 国有资本经营, 09 财政拨款“三公”), money by fund in 01 and 04, and the central 情况说明 outline.
import type { TemplateDef } from '../../src/model/template';
import { AUDIT } from './audit';
import { FIGURES } from './figures';
import { NATIONAL_2022_MIGRATIONS } from './migrations';
import { NARRATIVE } from './narrative';
import { SUPPLEMENT, TEXTS } from './supplement';
import { TABLES } from './tables';
import { textReview } from '../common/text-review';

export const NATIONAL_2022: TemplateDef = {
  id: 'national-2022',
  // 2: 03表 基本/项目支出 typed over the fiscal figures; 非财政拨款 derived (migrations.ts).
  version: 2,
  name: '全国统一格式部门决算公开模板（2022年起）',
  family: 'national-2022',
  year: 2022,
  years: { from: 2022 },
  unit: '万元',
  tables: TABLES,
  // 从上年结转 by content id: a Hunan 2021 workbook of the year before maps too (same row ids there).
  carryOver: [
    { to: 'prior.grand', from: { table: 'incomeExpenditure', row: 'inc.grand', col: 'amount' } },
    { to: 'prior.fiscalGrand', from: { table: 'fiscalIncomeExpenditure', row: 'inc.grand', col: 'amount' } },
    { to: 'prior.gpbExp', from: { table: 'gpbExpenditure', row: 'sum', col: 'total' } },
    { to: 'prior.sg.abroad', from: { table: 'sangong', row: 'act', col: 'abroad' } },
    { to: 'prior.sg.car', from: { table: 'sangong', row: 'act', col: 'car' } },
    { to: 'prior.sg.recep', from: { table: 'sangong', row: 'act', col: 'recep' } },
  ],
  carriedTexts: ['overview.duties', 'overview.structure'],
  migrations: NATIONAL_2022_MIGRATIONS,
  supplement: SUPPLEMENT,
  texts: TEXTS,
  figures: FIGURES,
  audit: AUDIT,
  narrative: NARRATIVE,
  textReview: textReview('gpbExpenditure'),
};
