// 上海 2024–2025 部门决算公开: the national table set in Shanghai's numbering and print (一–九, 七
// 三公, 九 国有资本经营 收入支出), its 审核, 补充资料 and 情况说明 (eleven sections, 名词解释).
// Proven on two real Putuo district documents (sheets/examples/sh-putuo-*.json).
import type { TemplateDef } from '../../src/model/template';
import { NATIONAL_2022 } from '../national-2022';
import { FIGURES } from '../national-2022/figures';
import { AUDIT_SH } from './audit';
import { NARRATIVE_SH } from './narrative';
import { SUPPLEMENT_SH, TEXTS_SH } from './supplement';
import { SH_TABLES } from './tables';
import { textReview } from '../common/text-review';

export const SH_2024: TemplateDef = {
  id: 'sh-2024',
  version: 1,
  name: '上海市部门决算公开模板（2024–2025年度）',
  family: 'sh-2024',
  year: 2024,
  years: { from: 2024, to: 2025 },
  unit: '万元',
  tables: SH_TABLES,
  // Same content ids, rows and columns as national-2022: last year's workbook of either maps.
  carryOver: NATIONAL_2022.carryOver,
  carriedTexts: ['overview.duties'],
  supplement: SUPPLEMENT_SH,
  texts: TEXTS_SH,
  figures: FIGURES,
  audit: AUDIT_SH,
  narrative: NARRATIVE_SH,
  textReview: textReview('gpbExpenditure'),
  publication: {
    title: '{dept}{year}年度部门决算',
    parts: [
      { kind: 'narrative', section: 'overview' },
      { kind: 'tables', title: '第二部分 {dept}{year}年度部门决算表' },
      { kind: 'narrative', section: 'explain' },
      { kind: 'narrative', section: 'glossary' },
    ],
    unitsAfter: 'overview.structure',
  },
};
