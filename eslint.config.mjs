// ESLint flat config: typescript-eslint's recommended rules plus the import boundaries that
// keep Hookbench's layers apart. `npm run lint` runs it; `npm test` runs lint first.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Renderer feature folders (src/renderer/src/features/<name>). */
const FEATURES = ['captures', 'env', 'notifications', 'runs', 'sender', 'settings', 'trigger-log', 'triggers'];

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];

/** src/shared is imported by its alias (tsconfig.json `paths`), so a file can move without its imports changing. */
const sharedByAlias = {
  regex: '^(\\.\\./)+(src/)?shared(/|$)',
  message: "Import src/shared as '@shared/…', not by a relative path.",
};

/** The engine is plain Node: no Electron, no renderer, no Electron shell code. */
const engineBoundary = {
  paths: [{ name: 'electron', message: 'The engine runs without Electron (headless mode, CLI, tests).' }],
  patterns: [
    { group: ['**/renderer/**', '**/renderer'], message: 'The engine must not import the renderer.' },
    { group: ['**/electron/**'], message: 'The engine must not import the Electron shell (src/main/electron).' },
    { regex: '^(\\.\\./)+transport(/|$)', message: 'The engine is served by the transports (src/main/transport), it does not import them.' },
    sharedByAlias,
  ],
};

/** The transports carry the contract; they run in plain Node (ipcMain is handed in). */
const transportBoundary = {
  paths: [{ name: 'electron', message: 'Transports take ipcMain as a parameter so they run (and are tested) without Electron.' }],
  patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'A transport imports neither the renderer nor the Electron shell.' }, sharedByAlias],
};

/** shared/ runs in the renderer, the preload and Node: no Node builtins, no main, no renderer. */
const sharedBoundary = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'src/shared runs in the browser too: no Node builtins.' })),
  patterns: [
    { group: ['**/main/**', '**/main'], message: 'src/shared must not import src/main.' },
    { group: ['**/renderer/**', '**/renderer'], message: 'src/shared must not import src/renderer.' },
  ],
};

/** The renderer talks to the engine only through the contract in src/shared. */
const rendererBoundary = {
  paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload bridge.' }],
  patterns: [{ group: ['**/main/**', '**/main'], message: 'The renderer must not import src/main; use the API in src/shared/contract.ts.' }, sharedByAlias],
};

/** Components read and change engine data through store actions (store/*Actions.ts), never the API client itself. */
const apiThroughStore = {
  group: ['**/api', '**/api/index'],
  importNames: ['api', 'transport'],
  message: 'Call a store action (src/renderer/src/store/*Actions.ts) instead of the API client.',
};

/**
 * The exact exceptions to the feature boundary: the trigger log renders trace views and panels
 * with the triggers feature's class names, so it loads those stylesheets.
 */
const STYLESHEET_EXCEPTIONS = {
  'trigger-log': ['triggers\\.css$', 'panels\\.css$', 'trace/trace\\.css$'],
};

/**
 * A feature may use another feature only through its public entry (`features/<other>/index.ts`),
 * never its internals. Relative specifiers from anywhere inside features/<self>/ reach another
 * feature as `../<other>/…` or `../../<other>/…`.
 */
function featureBoundary(self) {
  const others = FEATURES.filter((f) => f !== self).join('|');
  const allowed = ['index$', ...(STYLESHEET_EXCEPTIONS[self] ?? [])].join('|');
  return {
    regex: `^(\\.\\./)+(${others})/(?!${allowed}).+`,
    message: `A feature imports another feature only through its index.ts (features/<other>/index.ts), not its internals.`,
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.hookbench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // TypeScript checks undefined names better than ESLint (types, globals per tsconfig lib).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // byte-level code (curl quoting, ASCII checks, body search) matches control bytes on purpose
      'no-control-regex': 'off',
      'no-var': 'error',
      'prefer-const': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals instead of an enum.' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests read JSON answers of many shapes; `any` there is a deliberate shortcut.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS stand-ins (the fake `electron` module used by the Electron-less tests).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    // everywhere outside src/shared (the areas below restate it beside their own boundaries)
    files: ['**/*.{ts,tsx,mts}'],
    ignores: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedByAlias] }] },
  },
  {
    files: ['src/main/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', engineBoundary] },
  },
  {
    files: ['src/main/transport/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', transportBoundary] },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: { 'no-restricted-imports': ['error', sharedBoundary] },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload only bridges src/shared’s contract.' }, sharedByAlias] },
      ],
    },
  },
  ...FEATURES.map((self) => ({
    files: [`src/renderer/src/features/${self}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { ...rendererBoundary, patterns: [...rendererBoundary.patterns, featureBoundary(self), apiThroughStore] }],
    },
  })),
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: FEATURES.map((f) => `src/renderer/src/features/${f}/**`),
    rules: { 'no-restricted-imports': ['error', rendererBoundary] },
  },
  {
    files: ['src/renderer/src/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { ...rendererBoundary, patterns: [...rendererBoundary.patterns, apiThroughStore] }] },
  },
);
