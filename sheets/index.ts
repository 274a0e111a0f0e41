// Every template the app knows, by id. Data only.
import type { TemplateDef } from '../src/model/template';
import { HN_2021 } from './hn-2021';

export { HN_2021 };
export { FUNCTION_CODES, ECONOMIC_CODES, FUNCTION_CATALOG, ECONOMIC_CATALOG } from './catalog';
export { EXAMPLE_LANSHAN_2021 } from './examples';

export const TEMPLATES: ReadonlyMap<string, TemplateDef> = new Map([[HN_2021.id, HN_2021]]);
export const DEFAULT_TEMPLATE = HN_2021;
