// Side-by-side view of two versions of a workbook: the key figures (收支总计, 基本支出, 人员经费,
// 公用经费 and their shares, 三公, 审核 counts) with their differences, then every changed input,
// code and text. Used by the 情景对比 tab (base vs scenario) and the history preview.
import type { Comparison } from '../app/scenarios';
import type { StorageController } from '../app/storage-controller';
import type { AnySheetId } from '../model/template';
import type { AppHandle, TabSpec } from './app-shell';
import { el } from './dom';

export const COMPARE_TAB = 'compare';

export const COMPARE_TEXT = {
  tab: '情景对比',
  tabTitle: '情景与基础数据的差异',
  figures: '主要数据',
  item: '项目',
  diff: '差额',
  cell: '单元格',
  inputs: (n: number) => `修改的填报数据（${n} 项）`,
  noInputs: '没有修改的填报数据。',
  codes: (n: number) => `增减的科目（${n} 项）`,
  added: '增加',
  removed: '删除',
  texts: (n: number) => `修改的文字（${n} 处）`,
  blank: '（空）',
  base: '基础数据',
  scenario: '情景',
  intro: (scenario: string, base: string) => `情景「${scenario}」与基础数据「${base}」的对比。点击填报数据所在行可跳到该单元格。`,
  loading: '正在计算……',
  failed: (why: string) => `无法对比：${why}`,
} as const;

export interface CompareTitles {
  left: string;
  right: string;
}

const table = (cls: string, head: string[], rows: HTMLElement[]) =>
  el('table', { class: `compare-table ${cls}` }, el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))), el('tbody', {}, ...rows));

const diffClass = (text: string) => (text.startsWith('+') ? 'diff-up' : text.startsWith('-') ? 'diff-down' : 'diff-none');

/** The comparison as tables; `goToCell` makes changed inputs clickable. */
export function renderComparison(c: Comparison, titles: CompareTitles, goToCell?: (sheet: AnySheetId, row: string, col: string) => void): HTMLElement {
  const figures = c.figures.map((f) =>
    el(
      'tr',
      { 'data-figure': f.id },
      el('th', { scope: 'row' }, f.label),
      el('td', { class: 'num cmp-left' }, f.baseText),
      el('td', { class: 'num cmp-right' }, f.scenarioText),
      el('td', { class: `num cmp-diff ${diffClass(f.diffText)}` }, f.diffText),
    ),
  );
  const inputs = c.inputs.map((i) => {
    const row = el(
      'tr',
      { 'data-cell': `${i.sheet}|${i.row}|${i.col}`, class: goToCell ? 'cmp-link' : '' },
      el('th', { scope: 'row' }, i.label),
      el('td', { class: 'num cmp-left' }, i.before ?? COMPARE_TEXT.blank),
      el('td', { class: 'num cmp-right' }, i.after ?? COMPARE_TEXT.blank),
      el('td', { class: `num cmp-diff ${diffClass(i.diff ?? '')}` }, i.diff ?? ''),
    );
    if (goToCell) row.addEventListener('click', () => goToCell(i.sheet, i.row, i.col));
    return row;
  });
  const out = el(
    'div',
    { class: 'comparison' },
    el('h3', {}, COMPARE_TEXT.figures),
    table('cmp-figures', [COMPARE_TEXT.item, titles.left, titles.right, COMPARE_TEXT.diff], figures),
    el('h3', {}, COMPARE_TEXT.inputs(c.inputs.length)),
    c.inputs.length ? table('cmp-inputs', [COMPARE_TEXT.cell, titles.left, titles.right, COMPARE_TEXT.diff], inputs) : el('p', { class: 'cmp-none' }, COMPARE_TEXT.noInputs),
  );
  if (c.codes.length) {
    out.append(
      el('h3', {}, COMPARE_TEXT.codes(c.codes.length)),
      el('ul', { class: 'cmp-list cmp-codes' }, ...c.codes.map((x) => el('li', {}, `${x.change === 'added' ? COMPARE_TEXT.added : COMPARE_TEXT.removed}：${x.label}`))),
    );
  }
  if (c.texts.length) {
    out.append(
      el('h3', {}, COMPARE_TEXT.texts(c.texts.length)),
      table(
        'cmp-texts',
        [COMPARE_TEXT.item, titles.left, titles.right],
        c.texts.map((t) => el('tr', {}, el('th', { scope: 'row' }, t.label), el('td', {}, t.before || COMPARE_TEXT.blank), el('td', {}, t.after || COMPARE_TEXT.blank))),
      ),
    );
  }
  return out;
}

/** The 情景对比 tab: recomputed every time it is shown (the base may have changed meanwhile). */
export function compareTab(controller: StorageController): TabSpec {
  let host: HTMLElement | null = null;
  let app: AppHandle | null = null;
  let turn = 0;
  const refresh = async () => {
    if (!host) return;
    const mine = ++turn;
    host.replaceChildren(el('p', { class: 'cmp-none' }, COMPARE_TEXT.loading));
    try {
      const { base, comparison } = await controller.compare();
      if (mine !== turn) return;
      const name = controller.info?.name ?? '';
      host.replaceChildren(
        el('p', { class: 'cmp-intro' }, COMPARE_TEXT.intro(name, base.name)),
        renderComparison(comparison, { left: COMPARE_TEXT.base, right: COMPARE_TEXT.scenario }, (s, r, c) => app?.goToCell(s, r, c)),
      );
    } catch (e) {
      if (mine === turn) host.replaceChildren(el('p', { class: 'dialog-error' }, COMPARE_TEXT.failed(e instanceof Error ? e.message : String(e))));
    }
  };
  return {
    id: COMPARE_TAB,
    label: COMPARE_TEXT.tab,
    title: COMPARE_TEXT.tabTitle,
    render(container, handle) {
      app = handle;
      host = el('div', { class: 'compare-view' });
      container.append(host);
    },
    onShow: () => void refresh(),
  };
}
