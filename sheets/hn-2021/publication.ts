// The published document of the 2021 Hunan layout, as the reference prints it: 第一部分 概况,
// 第二部分 the nine tables, 第三部分 情况说明, 第四部分 名词解释, 第五部分 附件 (绩效自评报告). Data only.
import type { PublicationDef } from '../../src/model/publication';

export const PUBLICATION: PublicationDef = {
  title: '{dept}{year}年度部门决算',
  parts: [
    { kind: 'narrative', section: 'overview' },
    { kind: 'tables', title: '第二部分 {year}年部门决算表' },
    { kind: 'narrative', section: 'explain' },
    { kind: 'narrative', section: 'terms' },
    { kind: 'part', part: 'performance' },
  ],
};
