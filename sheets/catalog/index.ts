// Code catalogues (功能分类 2021, 经济分类), from the research TSVs in this folder.
import { parseEconomicCodes, parseFunctionCodes } from '../../src/model/catalog';
import economicTsv from './codes-economic.tsv?raw';
import functionTsv from './codes-function-2021.tsv?raw';

export const FUNCTION_CODES = parseFunctionCodes(functionTsv);
export const ECONOMIC_CODES = parseEconomicCodes(economicTsv);
