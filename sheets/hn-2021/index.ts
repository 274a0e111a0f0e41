// 湖南 2021 年度部门决算公开 (as the reference document 蓝山县行政审批服务局 2021).
import type { TemplateDef } from '../../src/model/template';
import { AUDIT } from './audit';
import { FIGURES } from './figures';
import { T02, T03, T05, T08, T09 } from './function-tables';
import { NARRATIVE } from './narrative';
import { PERFORMANCE } from './performance';
import { PUBLICATION } from './publication';
import { SUPPLEMENT, TEXTS } from './supplement';
import { T01 } from './t01';
import { T04 } from './t04';
import { T06 } from './t06';
import { T07 } from './t07';

export const HN_2021: TemplateDef = {
  id: 'hn-2021',
  version: 1,
  name: '湖南省2021年度部门决算公开模板',
  year: 2021,
  tables: [T01, T02, T03, T04, T05, T06, T07, T08, T09],
  supplement: SUPPLEMENT,
  texts: TEXTS,
  figures: FIGURES,
  audit: AUDIT,
  narrative: NARRATIVE,
  parts: [PERFORMANCE],
  publication: PUBLICATION,
};
