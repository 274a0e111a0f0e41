// Lint: TypeScript rules plus import boundaries that keep each library in its one folder and
// the layers pointing one way: sheets → model ← engine ← app ← ui; storage and io see the model only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const only = (lib, folder) => ({
  name: lib,
  message: `${lib} may only be imported from ${folder}.`,
});

/** Layers a folder must not import (relative paths): the direction of the house. */
const LAYER = {
  sheets: ['**/sheets', '**/sheets/**'],
  engine: ['**/engine', '**/engine/**'],
  app: ['**/app', '**/app/**'],
  ui: ['**/ui', '**/ui/**'],
  storage: ['**/storage', '**/storage/**'],
  io: ['**/io', '**/io/**'],
  main: ['**/main'],
};
const layers = (...names) =>
  names.map((n) => ({ group: LAYER[n], message: `This layer must not import src/${n === 'sheets' ? '../sheets' : n} (direction: sheets → model ← engine ← app ← ui; storage/io see the model only).` }));

const restricted = (names, forbidden = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map(([lib, folder]) => only(lib, folder)),
      patterns: [
        ...names.map(([lib, folder]) => ({ group: [`${lib}/*`], message: `${lib} may only be imported from ${folder}.` })),
        ...layers(...forbidden),
      ],
    },
  ],
});

const HF = ['hyperformula', 'src/engine'];
const HOT = ['handsontable', 'src/ui'];
const IDB = ['idb-keyval', 'src/storage'];
const XL = ['exceljs', 'src/io'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'bench/results.json', 'bench/.dist/**', 'bench/.dist-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: build DOM nodes and set textContent.' },
        { selector: "MemberExpression[object.name='it'][property.name='only']", message: 'No .only in tests.' },
        { selector: "MemberExpression[object.name='describe'][property.name='only']", message: 'No .only in tests.' },
      ],
    },
  },
  { files: ['src/model/**'], rules: restricted([HF, HOT, IDB, XL], ['sheets', 'engine', 'app', 'ui', 'storage', 'io', 'main']) },
  { files: ['sheets/**'], rules: restricted([HF, HOT, IDB, XL], ['engine', 'app', 'ui', 'storage', 'io', 'main']) },
  { files: ['src/engine/**'], rules: restricted([HOT, IDB, XL], ['sheets', 'app', 'ui', 'storage', 'io', 'main']) },
  { files: ['src/ui/**'], rules: restricted([HF, IDB, XL], ['sheets', 'storage', 'main']) },
  { files: ['src/storage/**'], rules: restricted([HF, HOT, XL], ['sheets', 'engine', 'app', 'ui', 'io', 'main']) },
  { files: ['src/io/**'], rules: restricted([HF, HOT, IDB], ['sheets', 'engine', 'app', 'ui', 'storage', 'main']) },
  { files: ['src/app/**'], rules: restricted([HF, HOT, IDB, XL], ['ui', 'main']) },
);
