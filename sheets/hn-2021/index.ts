// 湖南 2021 年度部门决算公开 (as the reference document 蓝山县行政审批服务局 2021).
import type { TemplateDef } from '../../src/model/template';
import { AUDIT } from './audit';
import { FIGURES } from './figures';
import { HN_2021_MIGRATIONS } from './migrations';
import { T02, T03, T05, T08, T09 } from './function-tables';
import { NARRATIVE } from './narrative';
import { PERFORMANCE } from './performance';
import { PUBLICATION } from './publication';
import { SUPPLEMENT, TEXTS } from './supplement';
import { T01 } from './t01';
import { T04 } from './t04';
import { T06 } from './t06';
import { T07 } from './t07';
import { textReview } from '../common/text-review';

export const HN_2021: TemplateDef = {
  id: 'hn-2021',
  // 2: the 03表 derivation became this template's migration; 3: 年初预算数 typed;
  // 4: 03表 基本/项目支出 typed over the fiscal figures, 非财政拨款 derived (migrations.ts).
  version: 4,
  name: '湖南省2021年度部门决算公开模板',
  family: 'hunan-2021',
  year: 2021,
  // The Hunan layout as the 2021 reference prints it; from 2022 the national table set applies.
  years: { from: 2019, to: 2021 },
  unit: '万元',
  tables: [T01, T02, T03, T04, T05, T06, T07, T08, T09],
  // 从上年结转: sources by content id, so a national-2022 workbook of the year before maps as well.
  carryOver: [
    { to: 'prior.grand', from: { table: 'incomeExpenditure', row: 'inc.grand', col: 'amount' } },
    { to: 'prior.fiscalGrand', from: { table: 'fiscalIncomeExpenditure', row: 'inc.grand', col: 'amount' } },
    { to: 'prior.gpbExp', from: { table: 'gpbExpenditure', row: 'sum', col: 'total' } },
    { to: 'prior.sg.abroad', from: { table: 'sangong', row: 'act', col: 'abroad' } },
    { to: 'prior.sg.car', from: { table: 'sangong', row: 'act', col: 'car' } },
    { to: 'prior.sg.recep', from: { table: 'sangong', row: 'act', col: 'recep' } },
  ],
  carriedTexts: ['overview.duties', 'overview.structure'],
  migrations: HN_2021_MIGRATIONS,
  supplement: SUPPLEMENT,
  texts: TEXTS,
  figures: FIGURES,
  audit: AUDIT,
  narrative: NARRATIVE,
  textReview: textReview('t05'),
  parts: [PERFORMANCE],
  publication: PUBLICATION,
};
