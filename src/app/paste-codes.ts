// A block of classification rows pasted into a table (02/03/05/06/08/09), or a sheet of a foreign
// XLSX: missing codes are added with their names and the values filled, in ONE undo step; what
// the block says about computed cells (合计, 类/款 rows, 合计 columns) is compared afterwards and
// only differences are reported, with both values. No DOM; the grid hook in src/ui is thin.
import { type BatchInput, type CodeSpec, type WorkbookEngine } from '../engine';
import { CATALOGUES } from './templates';
import { dec, formatAmount, parseAmount, InputError } from '../model/amount';
import { squashName } from '../model/code-catalog';
import type { EconomicTableDef, FunctionTableDef, TableDef } from '../model/template';
import { isAmountText, parseCodeBlock, type BlockKind, type BlockRow, type ParsedBlock } from './code-block';
import type { WorkbookSession } from './session';

interface Column {
  key: string;
  computed: boolean;
  /** Header words of the column, most specific last. */
  titles: string[];
}

export interface PasteCheck {
  line: number;
  row: string;
  col: string;
  pasted: string;
}

export interface CodePastePlan {
  sheet: TableDef['id'];
  batch: Required<BatchInput>;
  checks: PasteCheck[];
  /** Codes that get a new row. */
  added: string[];
  /** Codes named from the block (they had no name). */
  named: string[];
  /** Codes (pasted ones and the 类/款 above new rows) named from the user's code list (导入科目表). */
  namedFromList: string[];
  /** Messages (Chinese) about names that differ from the catalogue's; not applied. */
  nameDiffers: string[];
  /** Messages (Chinese) about rows or columns left out. */
  problems: string[];
}

export interface CodePasteReport {
  plan: CodePastePlan;
  /** Values set (cells). */
  filled: number;
  /** Computed cells whose pasted figure differs: both values, formatted. */
  differences: { label: string; pasted: string; computed: string }[];
  rejected: string[];
  /** Codes still without a name (审核 errors). */
  unnamed: string[];
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
/** 合计, 小计, 本年收入合计, 本年支出合计 name the same (total) column. */
const canonical = (w: string) => w.replace(/^(本年)?(收入|支出)?(合计|小计)$/, '合计');

/** Header words over each physical column of a table, from the template's header cells. */
function columnsOf(def: FunctionTableDef | EconomicTableDef): Column[] {
  if (def.kind === 'economic') return [{ key: 'amount', computed: false, titles: ['决算数', '金额'] }];
  return def.columns.map((col, i) => {
    const c = 2 + i;
    const titles = def.header
      .filter((h) => h.c <= c && c < h.c + (h.cs ?? 1) && !/^\d+$/.test(h.text.trim()) && !/栏\s*次/.test(h.text))
      .sort((a, b) => a.r - b.r)
      .map((h) => squash(h.text));
    return { key: col.key, computed: Boolean(col.formula), titles };
  });
}

/** Block column → table column key, by header words when the block has them, else by position. */
function mapColumns(block: ParsedBlock, cols: Column[], problems: string[]): (row: BlockRow) => (string | undefined)[] {
  const valueCols = [...new Set(block.rows.flatMap((r) => r.columns))].sort((a, b) => a - b);
  const byHeader = new Map<number, string>();
  for (const j of valueCols) {
    const words = (block.header[j] ?? '').split('/').filter(Boolean);
    if (!words.length) continue;
    const last = (c: Column) => canonical(c.titles[c.titles.length - 1] ?? '');
    const exact = cols.find((c) => words.some((w) => last(c) === canonical(w)));
    const loose = exact ?? cols.find((c) => words.some((w) => w.length >= 2 && c.titles.some((t) => t.includes(w) || w.includes(t))));
    if (loose && ![...byHeader.values()].includes(loose.key)) byHeader.set(j, loose.key);
    else problems.push(`第${j + 1}列「${words.join(' ')}」对不上本表的栏目，未导入`);
  }
  if (byHeader.size) return (row) => row.columns.map((j) => byHeader.get(j));
  const inputs = cols.filter((c) => !c.computed);
  const said = new Set<BlockRow>();
  return (row) => {
    // Without headers, trailing text after the figures (a note column) is not counted as a figure.
    let n = row.values.length;
    while (n > 0 && !isAmountText(row.values[n - 1]!)) n--;
    if (n < row.values.length && !said.has(row)) {
      said.add(row);
      problems.push(`第${row.line}行 ${row.code}：「${row.values.slice(n).filter(Boolean).join(' ')}」不是金额，未导入`);
    }
    if (n === cols.length) return cols.map((c) => c.key);
    if (n === inputs.length) return inputs.map((c) => c.key);
    if (n && n <= inputs.length) return inputs.slice(0, n).map((c) => c.key);
    return row.values.map(() => undefined);
  };
}

/** The user's imported code lists (导入科目表) of the workbook's year: code → name, per kind. */
export interface OwnCodeNames {
  function: Readonly<Record<string, string>>;
  economic: Readonly<Record<string, string>>;
}

/**
 * Plans a pasted block for a table; null when the block holds no classification code (a plain
 * paste). A code the block leaves unnamed, and an unnamed 类/款 above a new row, takes its name
 * from `own` (the user's code list of the workbook's year) before the built-in catalogue's.
 */
export function planCodePaste(engine: WorkbookEngine, sheet: string, input: string | readonly (readonly unknown[])[], own?: OwnCodeNames): CodePastePlan | null {
  const def = engine.template.tables.find((t) => t.id === sheet);
  if (!def || (def.kind !== 'function' && def.kind !== 'economic')) return null;
  const kind: BlockKind = def.kind === 'function' ? 'function' : 'economic';
  const block = parseCodeBlock(input, kind);
  if (!block.rows.some((r) => r.code !== 'sum')) return null;
  const problems = [...block.skipped];
  const cols = columnsOf(def);
  const keysOf = mapColumns(block, cols, problems);
  const doc = engine.document();
  const book = engine.codes;
  const catalog = kind === 'function' ? CATALOGUES.functionCatalog : CATALOGUES.economicCatalog;
  const present = new Set(
    def.kind === 'function' ? def.funds.flatMap((f) => doc.codes[f]) : [...def.codes, ...doc.economicCodes],
  );
  const specs = new Map<string, CodeSpec>();
  const added: string[] = [];
  const named: string[] = [];
  const namedFromList: string[] = [];
  const nameDiffers: string[] = [];
  const list = own?.[kind] ?? {};
  const userNamed = kind === 'function' ? doc.customCodes : (doc.economicNames ?? {});
  /** The list's name for a code the user has not named, when the tables would show another (or none). */
  const fromList = (code: string): string | undefined => {
    const name = list[code]?.trim();
    if (!name || userNamed[code] !== undefined) return undefined;
    const shown = kind === 'function' ? book.nameOf(code) : book.economicNameOf(code);
    return shown !== null && squashName(shown) === squashName(name) ? undefined : name;
  };
  const inputs: Required<BatchInput>['inputs'][number][] = [];
  const checks: PasteCheck[] = [];
  const computedKeys = new Set(cols.filter((c) => c.computed).map((c) => c.key));

  for (const row of block.rows) {
    const { code } = row;
    const isItem = code !== 'sum' && code.length === (kind === 'function' ? 7 : 5);
    if (code !== 'sum') {
      const current = kind === 'function' ? book.nameOf(code) : book.economicNameOf(code);
      const name = row.name.trim();
      const spec: CodeSpec = kind === 'function' ? { code, ...(def.kind === 'function' ? { fund: def.funds[0]! } : {}) } : { kind: 'economic', code };
      let touched = false;
      // The user's list names what the block leaves unnamed, and settles a block's name it agrees with.
      const listed = fromList(code);
      if (name && current === null) {
        spec.name = name;
        named.push(code);
        touched = true;
      } else if (listed !== undefined && (!name || squashName(listed) === squashName(name))) {
        spec.name = listed;
        namedFromList.push(code);
        touched = true;
      } else if (name && current !== null && squashName(current) !== squashName(name) && !catalog.knowsName(code, name)) {
        nameDiffers.push(`第${row.line}行 ${code}：粘贴的名称「${name}」与现有名称「${current}」不同，未改（需要时可用“科目命名”修改）`);
      }
      if (isItem && !present.has(code)) {
        present.add(code);
        added.push(code);
        touched = true;
      }
      if (touched) specs.set(code, { ...specs.get(code), ...spec });
    }
    const keys = keysOf(row);
    row.values.forEach((raw, i) => {
      const col = keys[i];
      if (!col) return;
      const v = raw === '-' || raw === '—' ? '' : raw;
      if (isItem && !computedKeys.has(col)) inputs.push({ sheet: def.id, row: code, col, raw: v === '' ? null : v });
      else checks.push({ line: row.line, row: code, col, pasted: v });
    });
  }
  // The 类/款 above new rows that neither the block nor the user named: from the user's list.
  for (const code of added) {
    for (const parent of kind === 'function' ? [code.slice(0, 3), code.slice(0, 5)] : [code.slice(0, 3)]) {
      if (specs.get(parent)?.name !== undefined || block.rows.some((r) => r.code === parent && r.name.trim())) continue;
      const listed = fromList(parent);
      if (listed === undefined) continue;
      specs.set(parent, kind === 'function' ? { code: parent, name: listed } : { kind: 'economic', code: parent, name: listed });
      namedFromList.push(parent);
    }
  }
  if (block.rows.some((r) => r.values.length && keysOf(r).every((k) => !k))) {
    problems.push(`金额列的数目与本表不符（本表有 ${cols.length} 个金额栏，其中可填写 ${cols.filter((c) => !c.computed).length} 个）：这些行只添加了科目，没有填数`);
  }
  return { sheet: def.id, batch: { codes: [...specs.values()], inputs }, checks, added, named, namedFromList, nameDiffers, problems };
}

/** Applies a plan as one undo step, then compares the block's figures for computed cells. */
export function applyCodePaste(session: WorkbookSession, plan: CodePastePlan, label = '粘贴科目和金额'): CodePasteReport {
  const result = session.applyBatch(plan.batch, label);
  const engine = session.engine;
  const differences: CodePasteReport['differences'] = [];
  for (const c of plan.checks) {
    if (!engine.has(plan.sheet, c.row, c.col)) continue;
    let pasted: string | null;
    try {
      pasted = parseAmount(c.pasted);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      differences.push({ label: `第${c.line}行 ${cellName(engine, plan.sheet, c.row, c.col)}`, pasted: c.pasted, computed: '（无法比较）' });
      continue;
    }
    const computed = engine.amount(plan.sheet, c.row, c.col) ?? dec(0);
    if (!dec(pasted ?? '0').equals(computed)) {
      differences.push({ label: `第${c.line}行 ${cellName(engine, plan.sheet, c.row, c.col)}`, pasted: formatAmount(dec(pasted ?? '0')), computed: formatAmount(computed) });
    }
  }
  const unnamed = engine
    .audit()
    .filter((f) => f.ruleId === 'code-name')
    .map((f) => f.rowId.replace(/^code-name:e?/, ''));
  return {
    plan,
    filled: plan.batch.inputs.length - result.rejected.length,
    differences,
    rejected: result.rejected.map((r) => `${cellName(engine, plan.sheet, r.row, r.col)}「${String(r.raw ?? '')}」：${r.reason}`),
    unnamed,
  };
}

function cellName(engine: WorkbookEngine, sheet: TableDef['id'], row: string, col: string): string {
  const s = engine.sheet(sheet);
  const p = s.index.get(`${row}|${col}`);
  if (!p) return `${row}`;
  const def = engine.template.tables.find((t) => t.id === sheet);
  const label = s.cells[p.r]?.[def?.kind === 'economic' ? p.c - 1 : 1];
  const name = row === 'sum' ? '合计' : label?.t === 'text' && label.text.trim() ? `${row} ${label.text.trim()}` : row;
  const titles = def?.kind === 'function' ? columnsOf(def).find((c) => c.key === col)?.titles : undefined;
  const title = titles?.[titles.length - 1];
  return [name, title].filter(Boolean).join(' ');
}

/** The report as Chinese lines for the note under the grid. */
export function pasteReportLines(r: CodePasteReport): { title: string; lines: string[] } {
  const lines: string[] = [];
  if (r.plan.added.length) lines.push(`新增科目 ${r.plan.added.length} 个：${r.plan.added.slice(0, 12).join('、')}${r.plan.added.length > 12 ? ' 等' : ''}`);
  if (r.plan.named.length) lines.push(`按粘贴内容命名 ${r.plan.named.length} 个科目`);
  if (r.plan.namedFromList.length) lines.push(`按导入的科目表命名 ${r.plan.namedFromList.length} 个科目：${r.plan.namedFromList.slice(0, 12).join('、')}${r.plan.namedFromList.length > 12 ? ' 等' : ''}`);
  for (const d of r.differences) lines.push(`${d.label}：粘贴 ${d.pasted}，计算 ${d.computed}`);
  lines.push(...r.rejected, ...r.plan.nameDiffers, ...r.plan.problems);
  if (r.unnamed.length) lines.push(`仍缺名称的科目 ${r.unnamed.length} 个：${r.unnamed.slice(0, 12).join('、')}（审核中列为错误）`);
  const title = `已粘贴：填入 ${r.filled} 个数值${r.plan.added.length ? `，新增 ${r.plan.added.length} 行` : ''}${r.differences.length ? `；${r.differences.length} 处合计与计算不符` : '；合计与计算一致'}`;
  return { title, lines };
}

/**
 * The sheet of a foreign XLSX (a 久其 export, a colleague's Excel table) that best fits a table:
 * the one with the most code rows. Returns its plan, or null when no sheet has codes.
 */
export function planSheetImport(
  engine: WorkbookEngine,
  sheet: string,
  sheets: readonly { name: string; rows: readonly (readonly unknown[])[] }[],
  own?: OwnCodeNames,
): (CodePastePlan & { sheetName: string }) | null {
  let best: (CodePastePlan & { sheetName: string }) | null = null;
  let bestRows = 0;
  for (const s of sheets) {
    const plan = planCodePaste(engine, sheet, s.rows, own);
    if (!plan) continue;
    const rows = plan.batch.inputs.length + plan.checks.length + plan.added.length;
    if (rows > bestRows) {
      best = { ...plan, sheetName: s.name };
      bestRows = rows;
    }
  }
  return best;
}
