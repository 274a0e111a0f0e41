// The department's 功能分类 codes (by fund) as a 类/款/项 tree, and every code's name: the
// user's own (document) first, then the catalogue for the workbook's year. A code nobody named
// has no name (blank in the tables, 【缺】 in the 情况说明, an error in the 审核) — never a made-up one.
import type { WorkbookDocument } from '../model/document';
import type { Fund } from '../model/ids';
import { squashName, type CodeCatalog } from '../model/code-catalog';
import type { EconomicCode, FunctionCode } from '../model/template';

export interface CodeNode {
  code: string;
  children: CodeNode[];
}

export interface Catalogues {
  functionCodes: readonly FunctionCode[];
  economicCodes: readonly EconomicCode[];
  /** Year-aware catalogues; when given they name codes before the flat lists. */
  functionCatalog?: CodeCatalog;
  economicCatalog?: CodeCatalog;
}

type BookDoc = Pick<WorkbookDocument, 'codes' | 'customCodes'> & Partial<Pick<WorkbookDocument, 'economicNames' | 'meta'>>;

export class CodeBook {
  private readonly fnNames: Map<string, string>;
  private readonly econNames: Map<string, string>;
  // A layout asks for the same codes and names thousands of times (every table, 补充资料 row and
  // per-code 审核 rule); a document never changes in place, so each answer is kept.
  private readonly itemsByFunds = new Map<string, readonly string[]>();
  private readonly fnNameCache = new Map<string, string | null>();
  private readonly econNameCache = new Map<string, string | null>();

  constructor(
    private readonly doc: BookDoc,
    private readonly catalogues: Catalogues,
  ) {
    this.fnNames = new Map(catalogues.functionCodes.map((c) => [c.code, c.name]));
    this.econNames = new Map(catalogues.economicCodes.map((c) => [c.code, c.name]));
  }

  private get year(): number {
    return this.doc.meta?.year ?? 2021;
  }

  /** Names of 功能分类 and 经济分类 codes used only before the workbook's year, with the year's name. */
  formerNames(): { kind: 'function' | 'economic'; code: string; former: string; current: string }[] {
    const { functionCatalog: fn, economicCatalog: econ } = this.catalogues;
    return [
      ...(fn?.formerNames(this.year).map((x) => ({ kind: 'function' as const, ...x, current: this.nameOf(x.code) ?? x.current })) ?? []),
      ...(econ?.formerNames(this.year).map((x) => ({ kind: 'economic' as const, ...x, current: this.economicNameOf(x.code) ?? x.current })) ?? []),
    ];
  }

  /** Sorted, de-duplicated 项 codes used by these funds. */
  items(funds: readonly Fund[]): readonly string[] {
    const key = funds.join();
    let out = this.itemsByFunds.get(key);
    if (!out) this.itemsByFunds.set(key, (out = [...new Set(funds.flatMap((f) => this.doc.codes[f]))].sort()));
    return out;
  }

  classes(funds: readonly Fund[]): string[] {
    return [...new Set(this.items(funds).map((c) => c.slice(0, 3)))];
  }

  tree(funds: readonly Fund[]): CodeNode[] {
    const out: CodeNode[] = [];
    for (const item of this.items(funds)) {
      const cls = item.slice(0, 3);
      const kuan = item.slice(0, 5);
      let c = out[out.length - 1];
      if (c?.code !== cls) out.push((c = { code: cls, children: [] }));
      let k = c.children[c.children.length - 1];
      if (k?.code !== kuan) c.children.push((k = { code: kuan, children: [] }));
      k.children.push({ code: item, children: [] });
    }
    return out;
  }

  /** The 功能分类 code's name, or null when neither the user nor the catalogue names it. */
  nameOf(code: string): string | null {
    let name = this.fnNameCache.get(code);
    if (name === undefined) {
      name = this.doc.customCodes[code] ?? this.catalogues.functionCatalog?.lookup(code, this.year)?.name ?? this.fnNames.get(code) ?? null;
      this.fnNameCache.set(code, name);
    }
    return name;
  }

  /** Name as the tables print it: blank when unnamed (the 审核 reports it). */
  name(code: string): string {
    return this.nameOf(code) ?? '';
  }

  /** Name as the 情况说明 writes it: a 【缺】 placeholder when unnamed. */
  narrativeName(code: string): string {
    return this.nameOf(code) ?? missingName(code);
  }

  /** 类 name without the trailing 支出, as the narrative writes it: 一般公共服务（类）. */
  shortClassName(code: string): string {
    const n = this.nameOf(code);
    return n === null ? missingName(code) : n.replace(/支出$/, '');
  }

  economicNameOf(code: string): string | null {
    let name = this.econNameCache.get(code);
    if (name === undefined) {
      name = this.doc.economicNames?.[code] ?? this.catalogues.economicCatalog?.lookup(code, this.year)?.name ?? this.econNames.get(code) ?? null;
      this.econNameCache.set(code, name);
    }
    return name;
  }

  /** True when `name` is the economic code's name now, or was in some year (a text may use either). */
  economicNameMatches(code: string, name: string): boolean {
    const own = this.economicNameOf(code);
    return (own !== null && squashName(own) === squashName(name)) || (this.catalogues.economicCatalog?.knowsName(code, name) ?? false);
  }

  economicName(code: string): string {
    return this.economicNameOf(code) ?? '';
  }

  economicNarrativeName(code: string): string {
    return this.economicNameOf(code) ?? missingName(code);
  }

  isKnownFunctionCode(code: string): boolean {
    return this.nameOf(code) !== null;
  }

  /** Every 类/款/项 code of these funds' tree that has no name, in code order. */
  unnamed(funds: readonly Fund[]): string[] {
    const all = new Set(this.items(funds).flatMap((c) => [c.slice(0, 3), c.slice(0, 5), c]));
    return [...all].sort().filter((c) => this.nameOf(c) === null);
  }
}

export const missingName = (code: string): string => `【缺：科目${code}的名称】`;
