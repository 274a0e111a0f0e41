// 工作簿管理: the user's workbooks (部门 × 年度 × 名称 × 最后修改) with 打开, 重命名, 复制, 删除
// (confirmed, recoverable), 新建 from the template (blank, or carried over from last year's
// workbook), and the 回收站 to restore from. Refreshes when another tab changes the list.
import type { LibraryView, StorageController } from '../app/storage-controller';
import { defaultTemplateFor, EXAMPLE_LIST, TEMPLATE_LIST } from '../app/templates';
import { RECOVERY_DAYS } from '../app/workbook-library';
import { askText, button, confirmAction, downloadText, formatTime, KIT_TEXT, openDialog } from './dialog-kit';
import { el } from './dom';

export const LIBRARY_UI_TEXT = {
  title: '工作簿管理',
  create: '新建工作簿',
  source: '内容来源',
  blank: '空白模板',
  fromPrior: (name: string, year: number) => `从上年结转：${name}（${year}年度）`,
  fromExample: (name: string) => `示例：${name}`,
  exampleHint: '打开内置示例的一份副本（部门、年度和模板取自示例），可随意修改，不影响其他工作簿。',
  priorHint: '从上年结转：部门、科目和部门概况沿用上年，上年的收支总计、财政拨款收支总计、一般公共预算财政拨款支出和“三公”经费决算数填入本年的“上年数”。',
  department: '部门',
  year: '年度',
  template: '模板',
  templateOption: (name: string, from: number, to?: number) => `${name}（${to === undefined ? `${from}年度起` : `${from}–${to}年度`}）`,
  unmapped: (items: string[]) => `已新建。以下内容在所选模板中没有对应项，未结转：${items.join('、')}`,
  name: '名称',
  nameOptional: '名称（可不填）',
  createOk: '新建并打开',
  scenarios: '情景',
  updated: '最后修改',
  actions: '操作',
  open: '打开',
  current: '当前',
  rename: '重命名',
  renameTitle: '重命名工作簿',
  duplicate: '复制',
  duplicated: (name: string) => `已复制为「${name}」`,
  remove: '删除',
  removeTitle: '删除工作簿',
  removeConfirm: (name: string, scenarios: number) =>
    `删除工作簿「${name}」${scenarios ? `及其 ${scenarios} 个情景` : ''}？删除后 ${RECOVERY_DAYS} 天内可在“回收站”中恢复。`,
  removed: (name: string) => `已删除「${name}」，可在回收站中恢复。`,
  damaged: (why: string) => `无法读取：${why}`,
  exportRaw: '导出原始数据',
  none: '还没有工作簿。',
  bin: (n: number) => `回收站（${n}）`,
  binEmpty: '回收站是空的。',
  kind: '类型',
  kindBase: '工作簿',
  kindScenario: '情景',
  deletedAt: '删除时间',
  daysLeft: (n: number) => `${n} 天后彻底删除`,
  restore: '恢复',
  restored: (name: string) => `已恢复「${name}」。`,
  purge: '彻底删除',
  purgeTitle: '彻底删除',
  purgeConfirm: (name: string) => `彻底删除「${name}」？删除后无法恢复。`,
  badYear: '年度应为 2000–2100 之间的整数',
} as const;

const T = LIBRARY_UI_TEXT;

export function openWorkbookDialog(controller: StorageController): void {
  const d = openDialog(T.title, 'workbook-dialog wide-dialog');
  const fail = (e: unknown) => d.say(e instanceof Error ? e.message : String(e));
  /** Runs an action, shows the list as it now is, then the action's message (so both agree). */
  const run = (fn: () => Promise<string | void>) => () =>
    void fn()
      .then(async (message) => {
        await refresh();
        if (message) d.say(message, 'ok');
      })
      .catch(fail);
  const list = el('div', { class: 'library-list' });
  const bin = el('details', { class: 'library-bin' });
  let view: LibraryView = { workbooks: [], deleted: [] };

  // ---- 新建 --------------------------------------------------------------------------------
  const source = el('select', { class: 'new-source', 'aria-label': T.source });
  const dept = el('input', { type: 'text', class: 'new-department', maxlength: '100', 'aria-label': T.department });
  const year = el('input', { type: 'number', class: 'new-year', min: '2000', max: '2100', step: '1', 'aria-label': T.year });
  const name = el('input', { type: 'text', class: 'new-name', maxlength: '100', placeholder: T.nameOptional, 'aria-label': T.name });
  const template = el(
    'select',
    { class: 'new-template', 'aria-label': T.template },
    ...TEMPLATE_LIST.map((t) => el('option', { value: t.id }, T.templateOption(t.name, t.years.from, t.years.to))),
  );
  // The template of the year is proposed (national from 2022); the user may pick another.
  const proposeTemplate = () => {
    const y = Number(year.value);
    if (Number.isInteger(y)) template.value = defaultTemplateFor(y).id;
  };
  year.addEventListener('input', proposeTemplate);
  const hint = el('p', { class: 'dialog-hint new-hint' }, T.priorHint);
  const current = controller.session.doc.meta;
  dept.value = current.department;
  year.value = String(current.year + 1);
  proposeTemplate();
  const EXAMPLE_PREFIX = 'example:';
  const exampleHint = el('p', { class: 'dialog-hint new-example-hint', hidden: true }, T.exampleHint);
  /** An example brings its own 部门, 年度 and template: those fields are not asked. */
  const showSource = () => {
    const example = source.value.startsWith(EXAMPLE_PREFIX);
    exampleHint.hidden = !example;
    for (const f of [dept, year, template]) f.closest('label')!.hidden = example;
  };
  source.addEventListener('change', () => {
    showSource();
    const prior = view.workbooks.find((w) => w.id === source.value);
    hint.hidden = !prior;
    if (prior) {
      dept.value = prior.department;
      year.value = String(prior.year + 1);
      proposeTemplate();
    }
  });
  const create = button(
    T.createOk,
    'btn-primary btn-create',
    run(async () => {
      const y = Number(year.value);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) return d.say(T.badYear);
      const n = name.value.trim() || undefined;
      const templateId = template.value;
      if (source.value.startsWith(EXAMPLE_PREFIX)) await controller.createFromExample(source.value.slice(EXAMPLE_PREFIX.length), n);
      else if (source.value) {
        const unmapped = await controller.createFromPrior(source.value, { year: y, templateId, ...(n ? { name: n } : {}) });
        if (unmapped.length) return T.unmapped(unmapped);
      } else await controller.createEmpty({ department: dept.value, year: y, templateId, ...(n ? { name: n } : {}) });
    }),
  );
  const form = el(
    'fieldset',
    { class: 'library-new' },
    el('legend', {}, T.create),
    el('label', { class: 'field' }, el('span', {}, T.source), source),
    el('label', { class: 'field' }, el('span', {}, T.department), dept),
    el('label', { class: 'field' }, el('span', {}, T.year), year),
    el('label', { class: 'field' }, el('span', {}, T.template), template),
    el('label', { class: 'field' }, el('span', {}, T.name), name),
    create,
    hint,
    exampleHint,
  );

  // ---- list ----------------------------------------------------------------------------------
  const row = (w: LibraryView['workbooks'][number]) => {
    const isCurrent = controller.info?.id === w.id || controller.info?.baseId === w.id;
    const tr = el('tr', { 'data-workbook': w.id, class: isCurrent ? 'is-current' : '' });
    if (w.damaged) {
      tr.append(
        el('td', {}, w.department),
        el('td', { class: 'num' }, w.year ? String(w.year) : ''),
        el('td', { class: 'damaged' }, `${w.name} ${T.damaged(w.damaged)}`),
        el('td', {}),
        el('td', {}),
        el('td', { class: 'row-actions' }, button(T.exportRaw, 'btn-export-raw', run(async () => {
          const out = await controller.exportDamaged(w.id);
          downloadText(out.fileName, out.text);
        }))),
      );
      return tr;
    }
    const open = button(isCurrent ? T.current : T.open, 'btn-open', run(() => controller.show(w.id)));
    open.disabled = controller.info?.id === w.id;
    tr.append(
      el('td', {}, w.department),
      el('td', { class: 'num' }, String(w.year)),
      el('td', { class: 'wb-name' }, w.name),
      el('td', { class: 'num' }, w.scenarios.length ? String(w.scenarios.length) : ''),
      el('td', { class: 'num' }, formatTime(w.updatedAt)),
      el(
        'td',
        { class: 'row-actions' },
        open,
        button(T.rename, 'btn-rename', run(async () => {
          const next = await askText(T.renameTitle, T.name, w.name);
          if (next && next !== w.name) await controller.rename(w.id, next);
        })),
        button(T.duplicate, 'btn-duplicate', run(async () => {
          const copy = await controller.duplicate(w.id);
          return T.duplicated(copy.name);
        })),
        button(T.remove, 'btn-remove', run(async () => {
          if (!(await confirmAction(T.removeTitle, T.removeConfirm(w.name, w.scenarios.length), T.remove, true))) return;
          await controller.remove(w.id);
          return T.removed(w.name);
        })),
      ),
    );
    return tr;
  };

  const binRow = (w: LibraryView['deleted'][number]) =>
    el(
      'tr',
      { 'data-workbook': w.id },
      el('td', {}, w.name),
      el('td', {}, w.kind === 'scenario' ? T.kindScenario : T.kindBase),
      el('td', {}, w.department),
      el('td', { class: 'num' }, String(w.year)),
      el('td', { class: 'num' }, `${formatTime(w.deletedAt ?? 0)}（${T.daysLeft(w.daysLeft)}）`),
      el(
        'td',
        { class: 'row-actions' },
        button(T.restore, 'btn-undelete', run(async () => {
          await controller.restoreDeleted(w.id);
          return T.restored(w.name);
        })),
        button(T.purge, 'btn-purge', run(async () => {
          if (await confirmAction(T.purgeTitle, T.purgeConfirm(w.name), T.purge, true)) await controller.purge(w.id);
        })),
      ),
    );

  const head = (cells: string[]) => el('thead', {}, el('tr', {}, ...cells.map((c) => el('th', {}, c))));
  const refresh = async () => {
    view = await controller.libraryView();
    const chosen = source.value;
    source.replaceChildren(
      el('option', { value: '' }, T.blank),
      ...view.workbooks.filter((w) => !w.damaged).map((w) => el('option', { value: w.id }, T.fromPrior(w.name, w.year))),
      ...EXAMPLE_LIST.map((x) => el('option', { value: `${EXAMPLE_PREFIX}${x.id}` }, T.fromExample(x.name))),
    );
    source.value = view.workbooks.some((w) => w.id === chosen) || chosen.startsWith(EXAMPLE_PREFIX) ? chosen : '';
    hint.hidden = !view.workbooks.some((w) => w.id === source.value);
    showSource();
    list.replaceChildren(
      view.workbooks.length
        ? el('table', { class: 'compare-table library-table' }, head([T.department, T.year, T.name, T.scenarios, T.updated, T.actions]), el('tbody', {}, ...view.workbooks.map(row)))
        : el('p', { class: 'cmp-none' }, T.none),
    );
    bin.replaceChildren(
      el('summary', {}, T.bin(view.deleted.length)),
      view.deleted.length
        ? el('table', { class: 'compare-table bin-table' }, head([T.name, T.kind, T.department, T.year, T.deletedAt, T.actions]), el('tbody', {}, ...view.deleted.map(binRow)))
        : el('p', { class: 'cmp-none' }, T.binEmpty),
    );
  };

  d.body.append(list, bin, form);
  d.footer.append(button(KIT_TEXT.close, 'btn-close', () => d.close()));
  const off = controller.onLibrary(() => void refresh().catch(fail));
  d.dialog.addEventListener('close', off);
  refresh().catch(fail);
}
