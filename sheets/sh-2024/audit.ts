// 审核 of sh-2024: the national rules (same sheet ids, rows and columns), named by the Shanghai
// numbers (表一…表九; 七 三公, 八 政府性基金, 九 国有资本经营), plus 九's own balance. Legitimate
// differences of real documents have no rule: 01 本年收入 ≠ 本年支出 (non-fiscal carry-over), 02 ≠ 03
// per row, 03 基本 ≠ 05 基本 (non-fiscal spending), 03 ≠ 05 with 政府性基金; 06 ≤ 三公 (三公 covers
// 项目支出 too). No 会议费/培训费: the Shanghai 情况说明 does not report them.
import type { AuditRuleDef } from '../../src/model/template';
import { AUDIT } from '../national-2022/audit';

/** National table number → Shanghai's. */
const SH_NO: Record<string, string> = { '1': '一', '2': '二', '3': '三', '4': '四', '5': '五', '6': '六', '7': '八', '8': '九', '9': '七' };
const renumber = (s: string): string => s.replace(/(?:公开)?0([1-9])表/g, (_, n: string) => `表${SH_NO[n]}`);

export const AUDIT_SH: AuditRuleDef[] = [
  ...AUDIT.map((r) => ({
    ...r,
    title: renumber(r.title),
    left: { ...r.left, label: renumber(r.left.label) },
    right: { ...r.right, label: renumber(r.right.label) },
  })),
  {
    id: 'SH09-close',
    severity: 'warning',
    title: '表九国有资本经营预算财政拨款年末结转和结余不应为负数',
    left: { expr: '0', label: '零' },
    op: '<=',
    right: { expr: '{stateCapital:sum:close}', label: '表九合计行年末结转和结余' },
  },
  {
    // Shanghai's 政府采购 total is stated beside its three parts (real documents miss by a cent).
    id: 'SH-proc-sum',
    severity: 'warning',
    title: '政府采购金额应等于货物、工程、服务采购金额之和',
    left: { expr: '{sup:proc.stated:value}', label: '所述政府采购金额' },
    op: '=',
    right: { expr: '{sup:proc.total:value}', label: '货物、工程、服务采购金额之和' },
    source: 'SH-TMPL 十一（二）',
  },
];

