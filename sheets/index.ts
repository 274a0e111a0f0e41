// Every template the app knows, by id, with the catalogues and example workbooks. Data only:
// src/app/templates.ts wires it to restore() and the engine.
import type { TemplateDef } from '../src/model/template';
import { HN_2021 } from './hn-2021';
import { NATIONAL_2022 } from './national-2022';
import { SH_2024 } from './sh-2024';

export { HN_2021, NATIONAL_2022, SH_2024 };
export { FUNCTION_CODES, ECONOMIC_CODES, FUNCTION_CATALOG, ECONOMIC_CATALOG } from './catalog';
export { EXAMPLE_LANSHAN_2021, EXAMPLE_NATIONAL_2022, EXAMPLE_SH_PUTUO_CZJ_2024, EXAMPLE_SH_PUTUO_STHJ_2025, EXAMPLES } from './examples';
export { DEFAULT_EXAMPLE_ID, EXAMPLE_CATALOG } from './examples/catalog';

/** Built-in templates, in the order 新建 lists them. */
export const TEMPLATE_LIST: readonly TemplateDef[] = [NATIONAL_2022, SH_2024, HN_2021];
export const TEMPLATES: ReadonlyMap<string, TemplateDef> = new Map(TEMPLATE_LIST.map((t) => [t.id, t]));
/** The template 新建 proposes for a year: the first whose years include it, else the newest. */
export function defaultTemplateFor(year: number): TemplateDef {
  return (
    TEMPLATE_LIST.find((t) => year >= t.years.from && (t.years.to === undefined || year <= t.years.to)) ??
    [...TEMPLATE_LIST].sort((a, b) => b.years.from - a.years.from)[0]!
  );
}
