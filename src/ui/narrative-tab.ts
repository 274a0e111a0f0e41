// The 情况说明 tab's entry in the tab bar and its phrases. The view (and the narrative renderer it
// needs) is fetched when the tab is first opened, so neither delays the first table.
import type { WorkbookSession } from '../app/session';
import type { TabSpec } from './app-shell';
import type { NarrativeView } from './narrative-view';

/** Every phrase of the tab, in one place. */
export const NARRATIVE_TEXT = {
  tab: '情况说明',
  tabTitle: '部门决算情况说明（由表格数据自动生成）',
  copy: '复制全文',
  print: '打印',
  copied: (chars: number) => `已复制全文（${chars}字），可粘贴到公文中`,
  copyFailed: '浏览器不允许写入剪贴板，请选中正文后按 Ctrl+C 复制',
  legendFigure: '自动计算的数字',
  legendUser: '可直接修改的文字',
  legendMissing: '缺少的数据',
  hint: '数字随表格自动更新，不能在此修改：悬停查看来源，点击跳转到单元格。',
  figureJump: '点击跳转到该单元格',
  tablesLead: '详见附表：',
  review: '从上年结转，写有上年的年份、人数或日期：请核对，修改或点“确认”',
  confirm: '确认',
  confirmTitle: '已核对，本年沿用这段文字',
  tableJump: '点击打开该表',
  missingInput: (label: string) => `缺少数据：${label}，点击前往填写`,
  editable: (label: string) => `可修改：${label}（按 Enter 或点击别处保存，Esc 取消）`,
} as const;

/** The 情况说明 tab for mountApp's extraTabs: built when first opened, refreshed when shown. */
export function narrativeTab(session: WorkbookSession): TabSpec {
  let view: NarrativeView | undefined;
  return {
    id: 'narrative',
    label: NARRATIVE_TEXT.tab,
    title: NARRATIVE_TEXT.tabTitle,
    render(container, app) {
      void import('./narrative-view').then(({ mountNarrative }) => {
        view = mountNarrative(container, session, { goToCell: (sheet, row, col) => void app.goToCell(sheet, row, col) });
      });
    },
    onShow() {
      view?.refresh();
    },
  };
}
