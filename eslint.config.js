// ESLint flat config. The import boundaries of DESIGN §1 are enforced here, one block per area; the lint test
// (test/node/lint/boundaries.test.ts) proves each rule rejects a fixture that breaks it.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronMessage = 'Only src-main/electron/**, src-main/index.ts and the preload may import electron (DESIGN §1).'
const ipcMessage =
  'Only the two IPC helpers (src-main/electron/ipc.ts, src-preload/index.ts) touch ipcMain/ipcRenderer.'

const noElectron = { name: 'electron', message: electronMessage }
const noIpcObjects = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: ipcMessage }
const noIpcMemberAccess = {
  selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]',
  message: ipcMessage,
}

// The renderer runs under `style-src 'self'` and Trusted Types 'none' (UI.md §3): these sinks throw or are blocked
// there, and these libraries inject styles or HTML at runtime (crash or lose their styles).
const cspMessage = "Blocked by Keyward's CSP / Trusted Types (UI.md §3): use a CSP-clean alternative."
const trustedTypesSinks = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: cspMessage },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: cspMessage,
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]',
    message: cspMessage,
  },
  { selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value='style']", message: cspMessage },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: cspMessage,
  },
  { selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='eval']", message: cspMessage },
]
const cspBreakingImports = [
  { name: 'react-hot-toast', message: `${cspMessage} (goober sets innerHTML at import; the app never mounts)` },
  { name: 'sonner', message: `${cspMessage} (injects its CSS from JS)` },
  { name: 'react-toastify', message: `${cspMessage} Use react-toastify/unstyled with its CSS file.` },
  {
    name: '@radix-ui/react-select',
    message: `${cspMessage} (dangerouslySetInnerHTML <style>: crashes under Trusted Types)`,
  },
  {
    name: '@radix-ui/react-scroll-area',
    message: `${cspMessage} (dangerouslySetInnerHTML <style>: crashes under Trusted Types)`,
  },
  { name: 'radix-ui', importNames: ['Select', 'ScrollArea'], message: `${cspMessage} (crash under Trusted Types)` },
]

// Components read through the store (useRead) and change through its commands, so a change refreshes every view it
// touches (issue 19): the call helper and window.keyward stay inside src-renderer/src/store.
const storeMessage =
  'Only src-renderer/src/store calls main: read with useRead, change with command() (store/commands).'
const storeOnlyCall = { group: ['**/store/mainCall'], message: storeMessage }
const noWindowKeyward = {
  selector: "MemberExpression[object.name='window'][property.name='keyward']",
  message: storeMessage,
}
/** The renderer's import rules; `extra` adds patterns (the call helper, outside the store). */
const rendererImports = (extra) =>
  restrictImports(
    [noElectron, ...cspBreakingImports],
    [
      { group: ['**/src-main/**'], message: 'The renderer imports nothing from src-main (DESIGN §1).' },
      {
        group: ['**/src-preload/**'],
        allowTypeImports: true,
        message: 'The renderer may import only types from src-preload/contract.ts; values come through window.keyward.',
      },
      ...extra,
    ],
  )

// The core's layers, bottom first (issue 19): a folder may import its own layer and the ones below, never above.
// Two known upward edges remain, each disabled where it is with its reason: opening a vault session settles
// interrupted rotations (providers) and refreshes the due digest (reminders); the .env import detects providers.
const CORE_LAYERS = [
  ['ports', 'security', 'fs', 'process'],
  ['db'],
  ['vault'],
  ['keys'],
  ['dotenv'],
  ['providers'],
  ['reminders'],
  ['clipboard', 'renderer'],
  ['agent'],
  ['ipc'],
  ['app'],
]
const coreOutward = [
  {
    group: ['**/electron/**', '**/cli/**', '**/tooling/**', '**/src-renderer/**', '**/src-main/index*'],
    message: 'src-main/core imports only node:*, its own files, the contract and listed packages (DESIGN §1).',
  },
  { group: ['../index', '../../index'], message: 'src-main/core must not import the composition root.' },
]
/** Import patterns of every core folder above layer `index` (-1: the core's root files, below every folder). */
const upwardFrom = (index) => {
  const above = CORE_LAYERS.slice(index + 1).flat()
  if (above.length === 0) return []
  return [
    {
      group: above.flatMap((folder) => [`../${folder}/*`, `../../${folder}/*`, `./${folder}/*`]),
      message: `A core folder imports only its own layer and those below it (eslint.config.js CORE_LAYERS).`,
    },
  ]
}
// SQL outside a store: the statement a reader looks for in keyStore.ts hides in a workflow (issue 19).
const sqlMessage = 'SQL is written only in *Store.ts files, src-main/core/db and the vault layer.'
const sqlOutsideStores = [
  { selector: "CallExpression[callee.property.name='sql']", message: sqlMessage },
  {
    selector: "CallExpression[callee.object.property.name='db'][callee.property.name=/^(prepare|exec|pragma)$/]",
    message: sqlMessage,
  },
]

/** One `no-restricted-imports` per area: flat config replaces (does not merge) a rule's options per file. */
const restrictImports = (paths, patterns = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
  'no-restricted-syntax': ['error', noIpcMemberAccess],
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/fixtures/lint/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // Type-aware, for the TypeScript the tsconfig projects hold: a promise nobody awaits or catches is an unhandled
  // rejection waiting to happen (issue 19).
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
    },
  },
  // CommonJS tool configs (electron-builder reads .cjs) use require by nature.
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Everything: no electron import, no ipcMain/ipcRenderer, unless an area below says otherwise.
  { files: ['**/*.{ts,tsx,js,cjs,mjs}'], rules: restrictImports([noElectron]) },
  // The core runs under plain Node: no electron, and none of the code that sits above it. Inside it, each folder
  // imports only folders of its own layer or below (CORE_LAYERS), and SQL is written only in stores.
  ...CORE_LAYERS.flatMap((layer, index) =>
    layer.map((folder) => ({
      files: [`src-main/core/${folder}/**`],
      rules: {
        ...restrictImports([noElectron], [...coreOutward, ...upwardFrom(index)]),
        'no-restricted-syntax': ['error', noIpcMemberAccess, ...sqlOutsideStores],
      },
    })),
  ),
  { files: ['src-main/core/*.ts'], rules: restrictImports([noElectron], [...coreOutward, ...upwardFrom(-1)]) },
  // Where SQL belongs: the stores, the database layer, and the vault's own storage (sessions, re-keying, backups,
  // locks, the audit trail and settings, which are the storage engine rather than the domain).
  {
    files: ['src-main/core/**/*Store.ts', 'src-main/core/db/**', 'src-main/core/vault/**'],
    rules: { 'no-restricted-syntax': ['error', noIpcMemberAccess] },
  },
  // The Electron layer and the composition root may import electron, but not ipcMain/ipcRenderer.
  { files: ['src-main/electron/**', 'src-main/index.ts'], rules: restrictImports([noIpcObjects]) },
  // The two IPC helpers.
  {
    files: ['src-main/electron/ipc.ts', 'src-preload/index.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  // The renderer talks to main only through window.keyward, and takes nothing but types from the contract.
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...rendererImports([storeOnlyCall]),
      'no-restricted-syntax': ['error', noIpcMemberAccess, noWindowKeyward, ...trustedTypesSinks],
    },
  },
  // The store is the renderer's one caller of main: its slices, reads and commands use the call helper.
  {
    files: ['src-renderer/src/store/**'],
    rules: {
      ...rendererImports([]),
      'no-restricted-syntax': ['error', noIpcMemberAccess, ...trustedTypesSinks],
    },
  },
)
