// The user's workbooks (部门 × 年度): list, new (empty, or from last year's workbook with its
// figures carried into the prior-year inputs), open, rename, duplicate, soft delete with a
// recovery period, purge, and which workbook to reopen on start. Talks to WorkbookStore only.
import { toFixed2 } from '../model/amount';
import { newDocument, type InputValues, type WorkbookDocument } from '../model/document';
import type { TemplateDef } from '../model/template';
import { newRecordId, type LoadedWorkbook, type WorkbookInfo, type WorkbookStore } from '../storage';
import { WorkbookEngine } from '../engine';
import { CATALOGUES, defaultTemplateFor, templateById } from './templates';

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

export interface CarryOverResult {
  doc: WorkbookDocument;
  /** What did not map to the new template (补充资料 fields, 06 lines, texts), in Chinese. */
  unmapped: string[];
}

/**
 * Next year's document: same department and codes, prior-year inputs from this year's figures as
 * the new template's carryOver says. Sources are found by table content id, so a workbook of another
 * template family maps too; what the prior workbook has no cell for is listed, not guessed.
 */
export function carryOverTo(
  prior: WorkbookDocument,
  year: number,
  target: TemplateDef,
  priorTemplate: TemplateDef = templateById(prior.templateId),
): CarryOverResult {
  const engine = WorkbookEngine.open(prior, { template: priorTemplate, catalogues: CATALOGUES });
  try {
    const unmapped: string[] = [];
    const fieldLabel = (id: string) => target.supplement.flatMap((s) => s.fields).find((f) => f.id === id)?.label ?? id;
    const sup: NonNullable<InputValues['sup']> = {};
    for (const { to, from } of target.carryOver) {
      const sheet = engine.layout.sheets.find((l) => l.contentId === from.table);
      if (!sheet || !engine.has(sheet.id, from.row, from.col)) {
        unmapped.push(`补充资料「${fieldLabel(to)}」`);
        continue;
      }
      // A blank input is a zero in the prior year's accounts.
      sup[to] = { value: toFixed2(engine.amount(sheet.id, from.row, from.col) ?? 0) };
    }
    const econ = target.tables.find((t) => t.kind === 'economic');
    const economicCodes = prior.economicCodes.filter((c) => {
      const ok = econ?.kind === 'economic' && econ.groups.flat().includes(c.slice(0, 3)) && !econ.codes.includes(c);
      if (!ok && !(econ?.kind === 'economic' && econ.codes.includes(c))) unmapped.push(`经济分类科目 ${c} ${engine.codes.economicName(c)}`);
      return ok;
    });
    const texts: Record<string, string> = {};
    const reviewTexts: string[] = [];
    for (const id of engine.template.carriedTexts) {
      const text = prior.texts[id];
      if (!text) continue;
      if (target.texts.some((t) => t.id === id)) {
        texts[id] = text;
        if (needsReview(text, prior.meta.year)) reviewTexts.push(id);
      } else unmapped.push(`文字「${engine.template.texts.find((t) => t.id === id)?.label ?? id}」`);
    }
    return {
      doc: {
        ...newDocument(target.id, target.version, { ...prior.meta, year, unit: target.unit }),
        codes: structuredClone(prior.codes),
        // The user's names travel with the codes (economic ones too: 06's own lines keep their names).
        customCodes: { ...prior.customCodes },
        economicNames: { ...prior.economicNames },
        economicCodes,
        inputs: { sup },
        texts,
        ...(reviewTexts.length ? { reviewTexts } : {}),
      },
      unmapped,
    };
  } finally {
    engine.destroy();
  }
}

/**
 * Whether a text carried from `priorYear` is likely out of date: it names that year (or an
 * earlier one), a head count (62人, 3名) or a date (3月1日, 2021-03-01).
 */
export function needsReview(text: string, priorYear: number): boolean {
  const years = [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?=年|[-./])/g)].map((m) => Number(m[1]));
  if (years.some((y) => y <= priorYear)) return true;
  return /\d+\s*(?:人|名)(?!民)/.test(text) || /\d{1,2}月\d{1,2}日/.test(text);
}

/** Next year's document in the prior workbook's own template. */
export function carryOver(prior: WorkbookDocument, year = prior.meta.year + 1): WorkbookDocument {
  return carryOverTo(prior, year, templateById(prior.templateId)).doc;
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

  /** New empty workbook from `templateId`, or the template 新建 proposes for the year. */
  async createEmpty(meta: { department: string; year: number; name?: string; templateId?: string }): Promise<WorkbookInfo> {
    checkYear(meta.year);
    const tpl = meta.templateId ? templateById(meta.templateId) : defaultTemplateFor(meta.year);
    const doc = newDocument(tpl.id, tpl.version, { department: meta.department.trim(), year: meta.year, unit: tpl.unit });
    return this.add(doc, meta.name);
  }

  /**
   * New workbook for the year after `priorId`, with its figures as the prior-year inputs, in
   * `templateId` (default: the prior workbook's template). `unmapped` lists what did not carry over.
   */
  async createFromPrior(
    priorId: string,
    options: { year?: number; name?: string; templateId?: string } = {},
  ): Promise<WorkbookInfo & { unmapped: string[] }> {
    const prior = await this.store.load(priorId);
    const year = options.year ?? prior.doc.meta.year + 1;
    checkYear(year);
    const { doc, unmapped } = carryOverTo(prior.doc, year, templateById(options.templateId ?? prior.doc.templateId));
    return { ...(await this.add(doc, options.name)), unmapped };
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

  /** Purges what was deleted more than RECOVERY_DAYS ago (of `listed`, if the caller just listed); returns the ids purged. */
  async purgeExpired(listed?: WorkbookInfo[]): Promise<string[]> {
    const limit = this.now() - RECOVERY_DAYS * DAY_MS;
    const expired = (listed ?? (await this.store.list())).filter((i) => i.deletedAt !== undefined && i.deletedAt <= limit);
    for (const i of expired) await this.purge(i.id);
    return expired.map((i) => i.id);
  }

  /** The workbook to open on start: the last opened one if it is still there, else the newest (of `listed`, if given). */
  async lastOpened(listed?: WorkbookInfo[]): Promise<WorkbookInfo | null> {
    const all = listed ?? (await this.store.list());
    const usable = (i: WorkbookInfo) => i.deletedAt === undefined && !i.damaged;
    const lastId = await this.store.getSetting('lastOpenedId');
    const last = all.find((i) => i.id === lastId);
    if (last && usable(last) && (last.kind === 'base' || all.some((b) => b.id === last.baseId && usable(b)))) return last;
    return all.find((i) => i.kind === 'base' && usable(i)) ?? null;
  }
}
