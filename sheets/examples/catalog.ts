// The built-in examples as 新建 offers them (示例): id, name, and a loader, so that each example's
// inputs are fetched only when that example is opened (the app's first bundle holds none of them).
// Data only: src/app/templates.ts restores what a loader returns.

export interface ExampleEntry {
  id: string;
  name: string;
  load(): Promise<{ default: unknown }>;
}

/** The example a first visit stores and opens. */
export const DEFAULT_EXAMPLE_ID = 'lanshan-2021';

export const EXAMPLE_CATALOG: readonly ExampleEntry[] = [
  { id: 'lanshan-2021', name: '蓝山县行政审批服务局 2021年度（湖南2021模板，参考文件）', load: () => import('./lanshan-2021.json') },
  { id: 'national-2022', name: '示范市城市管理局 2023年度（全国统一格式，虚构部门）', load: () => import('./national-2022-example.json') },
  { id: 'sh-putuo-czj-2024', name: '上海市普陀区财政局 2024年度（上海模板，已公开文件）', load: () => import('./sh-putuo-czj-2024.json') },
  { id: 'sh-putuo-sthj-2025', name: '上海市普陀区生态环境局 2025年度（上海模板，已公开文件）', load: () => import('./sh-putuo-sthj-2025.json') },
];
