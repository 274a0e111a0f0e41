// The user's workbooks (部门 × 年度): list, new (empty, or from last year's workbook with its
// figures carried into the prior-year inputs), open, rename, duplicate, soft delete with a
// recovery period, purge, and which workbook to reopen on start. Talks to WorkbookStore only.
import { DEFAULT_TEMPLATE } from '../../sheets';
import { openWorkbook } from '../engine';
import { toFixed2 } from '../model/amount';
import { newDocument, type InputValues, type WorkbookDocument } from '../model/document';
import type { AnySheetId } from '../model/template';
import { newRecordId, type LoadedWorkbook, type WorkbookInfo, type WorkbookStore } from '../storage';

/** Days a deleted workbook can still be restored. */
export const RECOVERY_DAYS = 30;
const DAY_MS = 86_400_000;

export const LIBRARY_TEXT = {
  defaultName: (department: string, year: number) => `${department || '未命名部门'} ${year}年度决算`,
  copyName: (name: string) => `${name}（副本）`,
  emptyName: '名称不能为空',
  badYear: '决算年度应为 2000–2100 之间的整数',
} as const;

export class LibraryError extends Error {
  override name = 'LibraryError';
}

/** This year's figure (sheet, row, col) → next year's 补充资料 prior-year input. */
export const CARRY_OVER: readonly { to: string; from: [AnySheetId, string, string] }[] = [
  { to: 'prior.grand', from: ['t01', 'inc.grand', 'amount'] },
  { to: 'prior.fiscalGrand', from: ['t04', 'inc.grand', 'amount'] },
  { to: 'prior.gpbExp', from: ['t05', 'sum', 'total'] },
  { to: 'prior.sg.abroad', from: ['t07', 'act', 'abroad'] },
  { to: 'prior.sg.car', from: ['t07', 'act', 'car'] },
  { to: 'prior.sg.recep', from: ['t07', 'act', 'recep'] },
];

/** Texts that usually stay the same from one year to the next (部门概况). */
const CARRIED_TEXTS = ['overview.duties', 'overview.structure'];

/** Next year's document: same department and codes, prior-year inputs from this year's figures. */
export function carryOver(prior: WorkbookDocument, year = prior.meta.year + 1): WorkbookDocument {
  const engine = openWorkbook(prior);
  try {
    const sup: NonNullable<InputValues['sup']> = {};
    for (const { to, from } of CARRY_OVER) {
      // A blank input is a zero in the prior year's accounts.
      sup[to] = { value: toFixed2(engine.amount(...from) ?? 0) };
    }
    const texts = Object.fromEntries(CARRIED_TEXTS.flatMap((id) => (prior.texts[id] ? [[id, prior.texts[id]]] : [])));
    return {
      ...newDocument(prior.templateId, prior.templateVersion, { ...prior.meta, year }),
      codes: structuredClone(prior.codes),
      customCodes: { ...prior.customCodes },
      economicCodes: [...prior.economicCodes],
      inputs: { sup },
      texts,
    };
  } finally {
    engine.destroy();
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new LibraryError(LIBRARY_TEXT.badYear);
}

function checkName(name: string): string {
  const n = name.trim().slice(0, 100);
  if (!n) throw new LibraryError(LIBRARY_TEXT.emptyName);
  return n;
}

export class WorkbookLibrary {
  constructor(
    readonly store: WorkbookStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Base workbooks not deleted (damaged ones included, so they can be exported), newest change first. */
  async list(): Promise<WorkbookInfo[]> {
    return (await this.store.list()).filter((i) => i.kind === 'base' && i.deletedAt === undefined);
  }

  /** Deleted workbooks and scenarios still within the recovery period. */
  async deleted(): Promise<WorkbookInfo[]> {
    return (await this.store.list()).filter((i) => i.deletedAt !== undefined);
  }

  /** Days left before a deleted workbook is purged. */
  daysLeft(info: WorkbookInfo): number {
    if (info.deletedAt === undefined) return RECOVERY_DAYS;
    return Math.max(0, Math.ceil((info.deletedAt + RECOVERY_DAYS * DAY_MS - this.now()) / DAY_MS));
  }

  private async add(doc: WorkbookDocument, name?: string): Promise<WorkbookInfo> {
    const [info] = await this.store.create([
      { info: { id: newRecordId('wb'), name: checkName(name ?? LIBRARY_TEXT.defaultName(doc.meta.department, doc.meta.year)), kind: 'base' }, doc },
    ]);
    return info!;
  }

  /** New empty workbook from the default template. */
  async createEmpty(meta: { department: string; year: number; name?: string }): Promise<WorkbookInfo> {
    checkYear(meta.year);
    const doc = newDocument(DEFAULT_TEMPLATE.id, DEFAULT_TEMPLATE.version, { department: meta.department.trim(), year: meta.year, unit: '万元' });
    return this.add(doc, meta.name);
  }

  /** New workbook for the year after `priorId`, with its figures as the prior-year inputs. */
  async createFromPrior(priorId: string, options: { year?: number; name?: string } = {}): Promise<WorkbookInfo> {
    const prior = await this.store.load(priorId);
    const year = options.year ?? prior.doc.meta.year + 1;
    checkYear(year);
    return this.add(carryOver(prior.doc, year), options.name);
  }

  /** Stores an existing document (the built-in example, an import) as a new workbook. */
  async createFrom(doc: WorkbookDocument, name?: string): Promise<WorkbookInfo> {
    return this.add(doc, name);
  }

  /** Loads a workbook and remembers it as the one to reopen. */
  async open(id: string): Promise<LoadedWorkbook> {
    const loaded = await this.store.load(id);
    await this.store.setSetting('lastOpenedId', id);
    return loaded;
  }

  async rename(id: string, name: string): Promise<WorkbookInfo> {
    return this.store.updateInfo(id, { name: checkName(name) });
  }

  async duplicate(id: string, name?: string): Promise<WorkbookInfo> {
    const src = await this.store.load(id);
    return this.add(src.doc, name ?? LIBRARY_TEXT.copyName(src.info.name));
  }

  /** Soft delete (the UI confirms first); the workbook and its scenarios are hidden, not gone. */
  remove(id: string): Promise<WorkbookInfo> {
    return this.store.updateInfo(id, { deletedAt: this.now() });
  }

  restore(id: string): Promise<WorkbookInfo> {
    return this.store.updateInfo(id, { deletedAt: null });
  }

  /** Deletes for good, with the scenarios made from it. */
  async purge(id: string): Promise<void> {
    const all = await this.store.list();
    for (const s of all.filter((i) => i.kind === 'scenario' && i.baseId === id)) await this.store.remove(s.id);
    await this.store.remove(id);
  }

  /** Purges what was deleted more than RECOVERY_DAYS ago; returns the ids purged. */
  async purgeExpired(): Promise<string[]> {
    const limit = this.now() - RECOVERY_DAYS * DAY_MS;
    const expired = (await this.store.list()).filter((i) => i.deletedAt !== undefined && i.deletedAt <= limit);
    for (const i of expired) await this.purge(i.id);
    return expired.map((i) => i.id);
  }

  /** The workbook to open on start: the last opened one if it is still there, else the newest. */
  async lastOpened(): Promise<WorkbookInfo | null> {
    const all = await this.store.list();
    const usable = (i: WorkbookInfo) => i.deletedAt === undefined && !i.damaged;
    const lastId = await this.store.getSetting('lastOpenedId');
    const last = all.find((i) => i.id === lastId);
    if (last && usable(last) && (last.kind === 'base' || all.some((b) => b.id === last.baseId && usable(b)))) return last;
    return all.find((i) => i.kind === 'base' && usable(i)) ?? null;
  }
}
