// Built-in example workbooks (documents: inputs only).
import lanshan from './lanshan-2021.json';
import national from './national-2022-example.json';

/** 蓝山县行政审批服务局 2021 年度部门决算 — every input of the reference document. */
export const EXAMPLE_LANSHAN_2021: unknown = lanshan;

/**
 * 示范市城市管理局 2023 (a made-up department in the national 2022+ layout) with 政府性基金,
 * 国有资本经营, carry-overs by fund and non-fiscal income, so every path of the template is used.
 */
export const EXAMPLE_NATIONAL_2022: unknown = national;
