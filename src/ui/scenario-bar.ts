// The toolbar's 情景 (what-if) control: switch between the base workbook and its scenarios, make
// a new scenario; and the confirmations for adopting or discarding the scenario on screen.
import type { StorageController } from '../app/storage-controller';
import { askText, button, confirmAction } from './dialog-kit';
import { el } from './dom';

export const SCENARIO_UI_TEXT = {
  label: '情景',
  base: (name: string) => `基础数据：${name}`,
  scenario: (name: string) => `情景：${name}`,
  create: '新建情景',
  createTitle: '从当前内容复制一个情景，用来试算“如果……会怎样”，不影响基础数据',
  nameTitle: '新建情景',
  nameLabel: '情景名称',
  nameDefault: (n: number) => `情景${n}`,
  createOk: '新建并打开',
  adoptTitle: '采用情景',
  adoptConfirm: (name: string, base: string) =>
    `用情景「${name}」的内容替换基础数据「${base}」？替换前的基础数据会保留在“历史版本”中，可以恢复。采用后该情景不再单独保留。`,
  adoptOk: '采用',
  discardTitle: '放弃情景',
  discardConfirm: (name: string) => `放弃情景「${name}」？基础数据不受影响。放弃的情景可在“工作簿”→“回收站”中恢复。`,
  discardOk: '放弃',
} as const;

export class ScenarioBar {
  readonly element: HTMLElement;
  private readonly select = el('select', { class: 'scenario-select', 'aria-label': SCENARIO_UI_TEXT.label });

  constructor(
    private readonly controller: StorageController,
    attempt: (fn: () => Promise<unknown>) => void,
  ) {
    this.select.addEventListener('change', () => {
      const id = this.select.value;
      if (id !== controller.info?.id) attempt(() => controller.show(id));
    });
    const create = button(
      SCENARIO_UI_TEXT.create,
      'btn-new-scenario',
      () =>
        attempt(async () => {
          const n = this.select.options.length;
          const name = await askText(SCENARIO_UI_TEXT.nameTitle, SCENARIO_UI_TEXT.nameLabel, SCENARIO_UI_TEXT.nameDefault(n), SCENARIO_UI_TEXT.createOk);
          if (name) await controller.createScenario(name);
        }),
      SCENARIO_UI_TEXT.createTitle,
    );
    this.element = el('span', { class: 'scenario-bar' }, el('label', { class: 'field' }, el('span', {}, SCENARIO_UI_TEXT.label), this.select), create);
    void this.refresh();
    controller.onLibrary(() => void this.refresh());
  }

  async refresh(): Promise<void> {
    const { base, scenarios } = await this.controller.scenarioChoices().catch(() => ({ base: null, scenarios: [] }));
    const current = this.controller.info;
    const options = [
      ...(base ? [el('option', { value: base.id }, SCENARIO_UI_TEXT.base(base.name))] : []),
      ...scenarios.map((s) => el('option', { value: s.id }, SCENARIO_UI_TEXT.scenario(s.name))),
    ];
    this.select.replaceChildren(...options);
    if (current) this.select.value = current.id;
    this.element.classList.toggle('in-scenario', current?.kind === 'scenario');
  }
}

export async function confirmAdopt(controller: StorageController, name: string, base: string): Promise<void> {
  if (await confirmAction(SCENARIO_UI_TEXT.adoptTitle, SCENARIO_UI_TEXT.adoptConfirm(name, base), SCENARIO_UI_TEXT.adoptOk)) await controller.adoptScenario();
}

export async function confirmDiscard(controller: StorageController, name: string): Promise<void> {
  if (await confirmAction(SCENARIO_UI_TEXT.discardTitle, SCENARIO_UI_TEXT.discardConfirm(name), SCENARIO_UI_TEXT.discardOk, true)) await controller.discardScenario();
}
