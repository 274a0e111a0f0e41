// Code catalogues (功能分类, 经济分类), from the TSVs in this folder: the research lists
// (codes-*.tsv, each row with its source and confidence), the names printed in the seed and the
// reference examples per year (codes-found.tsv, scripts/harvest-catalog.mjs) and names with an
// explicit span of years (code-years.tsv: renamed classes, one year's wording).
import { buildCodeCatalog } from '../../src/model/code-catalog';
import { parseEconomicCodes, parseFunctionCodes } from '../../src/model/catalog';
import economicTsv from './codes-economic.tsv?raw';
import foundTsv from './codes-found.tsv?raw';
import functionTsv from './codes-function-2021.tsv?raw';
import yearsTsv from './code-years.tsv?raw';

export const FUNCTION_CODES = parseFunctionCodes(functionTsv);
export const ECONOMIC_CODES = parseEconomicCodes(economicTsv);

/** Lookup by code and year, 2021–2025. */
export const FUNCTION_CATALOG = buildCodeCatalog('function', { base: functionTsv, found: foundTsv, years: yearsTsv });
export const ECONOMIC_CATALOG = buildCodeCatalog('economic', { base: economicTsv, found: foundTsv, years: yearsTsv });
