// ESLint for every TypeScript file, type-aware. Zero warnings allowed (`npm run lint`).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'vm',
  'worker_threads',
  'zlib',
];

/** The core and the shared protocol run in Node, in the web extension host and in the webview. */
const portableImports = {
  paths: [
    { name: 'vscode', message: 'src/core and src/shared must not import vscode (not even types).' },
    ...NODE_BUILTINS.map((name) => ({ name, message: 'No Node built-ins outside the adapters.' })),
  ],
  patterns: [{ group: ['node:*'], message: 'No Node built-ins outside the adapters.' }],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.vscode-test-web/**',
      'test-results/**',
      'examples/**',
      'test/fixtures/**',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
      '**/*.d.mts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['esbuild.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'No default exports (STYLE.md).' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', portableImports] },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...portableImports,
          patterns: [
            ...portableImports.patterns,
            {
              group: ['**/src/vscode/**', '**/src/core/**', '**/src/cli/**'],
              message: 'The webview only shares src/shared with the host.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build DOM with createElement/textContent: manifest text is untrusted.',
        },
        {
          property: 'outerHTML',
          message: 'Build DOM with createElement/textContent: manifest text is untrusted.',
        },
        {
          property: 'insertAdjacentHTML',
          message: 'Build DOM with createElement/textContent: manifest text is untrusted.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests reach into parsed JSON and fixtures freely.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
