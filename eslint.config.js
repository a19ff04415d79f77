// ESLint flat config: typescript-eslint's recommended rules, syntax-only (no type information,
// so `npm run lint` stays fast). `tsc --noEmit` (npm run typecheck) does the type checking, and
// dependency-cruiser (.dependency-cruiser.cjs) checks module boundaries.
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'data/',
      'artifacts/',
      'coverage/',
      'migrations/',
      'web/dist/',
      '**/.vite/',
      '**/*.d.ts',
    ],
  },
  {
    files: ['{server,e2e,bench,scripts}/**/*.{ts,tsx,js,mjs,cjs}', 'web/src/**/*.{ts,tsx}', '*.{ts,js,mjs,cjs}', 'web/*.{ts,js}'],
    extends: [tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      // `declare module 'vitest' { interface ProvidedContext {…} }` and fastify augmentations are namespaces by design
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `void promise` marks a deliberately unawaited call
      'no-void': 'off',
      'prefer-const': ['error', { destructuring: 'all' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // the two classic hook rules only (v7's React Compiler rules are slow and opinionated)
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // CommonJS config files (dependency-cruiser)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
