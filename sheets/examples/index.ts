// Built-in example workbooks (documents: inputs only).
import lanshan from './lanshan-2021.json';

/** 蓝山县行政审批服务局 2021 年度部门决算 — every input of the reference document. */
export const EXAMPLE_LANSHAN_2021: unknown = lanshan;
