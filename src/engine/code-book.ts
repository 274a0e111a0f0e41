// The department's 功能分类 codes (by fund) as a 类/款/项 tree, and names from catalogue or user.
import type { WorkbookDocument } from '../model/document';
import type { Fund } from '../model/ids';
import type { EconomicCode, FunctionCode } from '../model/template';

export interface CodeNode {
  code: string;
  children: CodeNode[];
}

export interface Catalogues {
  functionCodes: readonly FunctionCode[];
  economicCodes: readonly EconomicCode[];
}

export class CodeBook {
  private readonly fnNames: Map<string, string>;
  private readonly econNames: Map<string, string>;

  constructor(
    private readonly doc: Pick<WorkbookDocument, 'codes' | 'customCodes'>,
    catalogues: Catalogues,
  ) {
    this.fnNames = new Map(catalogues.functionCodes.map((c) => [c.code, c.name]));
    this.econNames = new Map(catalogues.economicCodes.map((c) => [c.code, c.name]));
  }

  /** Sorted, de-duplicated 项 codes used by these funds. */
  items(funds: readonly Fund[]): string[] {
    return [...new Set(funds.flatMap((f) => this.doc.codes[f]))].sort();
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

  name(code: string): string {
    return this.doc.customCodes[code] ?? this.fnNames.get(code) ?? '（未命名科目）';
  }

  /** 类 name without the trailing 支出, as the narrative writes it: 一般公共服务（类）. */
  shortClassName(code: string): string {
    return this.name(code).replace(/支出$/, '');
  }

  economicName(code: string): string {
    return this.econNames.get(code) ?? '（未命名科目）';
  }

  isKnownFunctionCode(code: string): boolean {
    return this.fnNames.has(code) || code in this.doc.customCodes;
  }
}
