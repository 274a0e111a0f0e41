// Lint: TypeScript rules plus import boundaries that keep each library in its one folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const only = (lib, folder) => ({
  name: lib,
  message: `${lib} may only be imported from ${folder}.`,
});

const restricted = (...names) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map(([lib, folder]) => only(lib, folder)),
      patterns: names.map(([lib, folder]) => ({ group: [`${lib}/*`], message: `${lib} may only be imported from ${folder}.` })),
    },
  ],
});

const HF = ['hyperformula', 'src/engine'];
const HOT = ['handsontable', 'src/ui'];
const IDB = ['idb-keyval', 'src/storage'];
const XL = ['exceljs', 'src/io'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'bench/results.json', 'bench/.dist/**'] },
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
  { files: ['src/model/**', 'sheets/**'], rules: restricted(HF, HOT, IDB, XL) },
  { files: ['src/engine/**'], rules: restricted(HOT, IDB, XL) },
  { files: ['src/ui/**'], rules: restricted(HF, IDB, XL) },
  { files: ['src/storage/**'], rules: restricted(HF, HOT, XL) },
  { files: ['src/io/**'], rules: restricted(HF, HOT, IDB) },
  { files: ['src/app/**'], rules: restricted(HF, HOT, IDB, XL) },
);
