// Tabs of the template's further parts (第五部分 附件 绩效自评报告 …), one per part the template
// declares: entry in the tab bar and the phrases. The view is fetched when first opened.
import type { WorkbookSession } from '../app/session';
import type { TemplatePartDef } from '../model/part';
import type { TabSpec } from './app-shell';
import type { NarrativeView } from './narrative-view';

/** Every phrase of the part tabs, in one place. */
export const PART_TEXT = {
  tabTitle: (title: string) => `${title}（由表格和补充资料自动生成）`,
  tableTitle: '评价指标得分表',
  tableHint: '实际值和得分随数据自动更新；调整得分填写后取代按目标评分，请同时写明理由。',
  headers: ['一级指标', '二级指标', '三级指标', '计算方法或评分标准', '目标', '实际值', '单位', '分值', '得分', '调整得分', '调整理由'],
  override: (name: string) => `${name}的调整得分（空则按目标评分）`,
  reason: (name: string) => `${name}的调整理由`,
  badScore: '调整得分应为数字',
} as const;

/** One tab per template part; `render` builds the view on first open, `onShow` refreshes it. */
export function partTabs(session: WorkbookSession): TabSpec[] {
  return (session.engine.template.parts ?? []).map((part: TemplatePartDef) => {
    let view: (NarrativeView & { refreshTable(): void }) | undefined;
    return {
      id: `part-${part.id}`,
      label: part.tab,
      title: PART_TEXT.tabTitle(part.title),
      render(container, app) {
        void import('./part-view').then(({ mountPart }) => {
          view = mountPart(container, session, part, { goToCell: (sheet, row, col) => void app.goToCell(sheet, row, col) });
        });
      },
      onShow() {
        view?.refresh();
        view?.refreshTable();
      },
    };
  });
}
