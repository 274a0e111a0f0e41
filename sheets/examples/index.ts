// Built-in example workbooks (documents: inputs only), loaded at once: for Node and the tests. The
// app fetches one at a time through EXAMPLE_CATALOG (catalog.ts).
import { EXAMPLE_CATALOG } from './catalog';
import lanshan from './lanshan-2021.json';
import national from './national-2022-example.json';
import shCzj from './sh-putuo-czj-2024.json';
import shSthj from './sh-putuo-sthj-2025.json';

/** 蓝山县行政审批服务局 2021 年度部门决算 — every input of the reference document. */
export const EXAMPLE_LANSHAN_2021: unknown = lanshan;

/**
 * 示范市城市管理局 2023 (a made-up department in the national 2022+ layout) with 政府性基金,
 * 国有资本经营, carry-overs by fund and non-fiscal income, so every path of the template is used.
 */
export const EXAMPLE_NATIONAL_2022: unknown = national;

/**
 * 上海市普陀区财政局 2024 年度部门决算 (sh-2024), every input as the published document prints it:
 * 其他收入 and non-fiscal carry-overs, every empty cell printed blank. Its recorded slips are listed
 * in test/templates/sh-2024-examples.test.ts.
 */
export const EXAMPLE_SH_PUTUO_CZJ_2024: unknown = shCzj;

/** 上海市普陀区生态环境局 2025 年度部门决算 (sh-2024), as printed: every empty cell printed 0.00. */
export const EXAMPLE_SH_PUTUO_STHJ_2025: unknown = shSthj;

const DOCS: Record<string, unknown> = { 'lanshan-2021': lanshan, 'national-2022': national, 'sh-putuo-czj-2024': shCzj, 'sh-putuo-sthj-2025': shSthj };

/** Every built-in example, as 新建 offers them (示例), by id, with its inputs loaded (Node, tests). */
export const EXAMPLES: readonly { id: string; name: string; doc: unknown }[] = /* @__PURE__ */ EXAMPLE_CATALOG.map(({ id, name }) => ({ id, name, doc: DOCS[id] }));
