// Module boundaries of Linli (docs: ../shared/design/ARCHITECTURE.md "Dependency rules").
//   kernel ← db ← core modules ← channels; crm/analytics read events and core;
//   a channel never imports another channel; web/ imports only contract.ts files.
// Run by `npm run lint` as: depcruise server web/src e2e --config .dependency-cruiser.cjs

const TESTS = ['\\.test\\.tsx?$', '\\.spec\\.tsx?$', '^server/testing/'];
const CHANNELS = '(groupbuy|live|store)';
const CORE = '(catalog|inventory|orders|customers|payments|notifications|tenancy|aftersales)';
const READ_SIDE = '(crm|analytics)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'channel-to-channel',
      severity: 'error',
      comment:
        'groupbuy, live and store never import each other. What one channel needs of another is a port wired in server/app.ts.',
      from: { path: `^server/modules/${CHANNELS}/` },
      to: { path: `^server/modules/${CHANNELS}/`, pathNot: '^server/modules/$1/' },
    },
    {
      name: 'core-to-channel-or-read-side',
      severity: 'error',
      comment:
        'Core modules (catalog, inventory, orders, customers, payments, notifications, tenancy) never depend on a channel or on crm/analytics: those depend on the core, not the other way round. Emit an event or take a callback wired in server/app.ts.',
      from: { path: `^server/modules/${CORE}/` },
      to: { path: `^server/modules/(${CHANNELS.slice(1, -1)}|${READ_SIDE.slice(1, -1)})/` },
    },
    {
      name: 'module-internals-from-another-module',
      severity: 'error',
      comment:
        "Another module is used only through its index.ts (its public API). Export what you need from that module's index.ts. Tests may reach inside.",
      // contract.ts may build on another module's contract.ts (both browser-safe; see contracts-are-browser-safe)
      from: { path: '^server/modules/([^/]+)/', pathNot: [...TESTS, '/contract\\.ts$'] },
      to: { path: '^server/modules/[^/]+/', pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-internals-from-outside',
      severity: 'error',
      comment:
        "Outside server/modules (app.ts, seed, jobs, realtime, media …) a module is used only through its index.ts. Exception: server/http/context.ts resolves sessions with tenancy's session.repo/tables (importing tenancy's index.ts there would make a cycle through tenancy/routes.ts).",
      from: { path: '^server/', pathNot: [...TESTS, '^server/modules/', '^server/http/context\\.ts$'] },
      to: { path: '^server/modules/[^/]+/', pathNot: '^server/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'kernel-is-self-contained',
      severity: 'error',
      comment: 'server/kernel is the bottom layer: it imports nothing from server/ outside kernel/.',
      from: { path: '^server/kernel/' },
      to: { path: '^server/', pathNot: '^server/kernel/' },
    },
    {
      name: 'web-imports-only-contracts',
      severity: 'error',
      comment:
        "web/src may import from server/ only browser-safe files: modules' contract.ts (zod schemas + types), the realtime contract and client, and the masking helpers in server/kernel/privacy.ts (one implementation of what others may see). Not server/kernel/errors.ts or anything else: move what the browser needs into a contract.ts.",
      from: { path: '^web/' },
      to: { path: '^server/', pathNot: ['^server/modules/[^/]+/contract\\.ts$', '^server/modules/[^/]+/[^/]+/contract\\.ts$', '^server/realtime/(contract|client)\\.ts$', '^server/kernel/privacy\\.ts$'] },
    },
    {
      name: 'contracts-are-browser-safe',
      severity: 'error',
      comment:
        'A contract.ts is bundled into the browser: it may import only zod, other contract.ts files and its own module\'s browser-safe helpers — no node built-ins, no server code.',
      from: { path: ['^server/modules/[^/]+/contract\\.ts$', '^server/modules/[^/]+/[^/]+/contract\\.ts$'] },
      to: { path: '^server/', pathNot: ['^server/modules/[^/]+/contract\\.ts$', '^server/modules/[^/]+/[^/]+/contract\\.ts$'] },
    },
    {
      name: 'contracts-no-node-builtins',
      severity: 'error',
      comment: 'A contract.ts is bundled into the browser: no node built-in modules.',
      from: { path: ['^server/modules/[^/]+/contract\\.ts$', '^server/modules/[^/]+/[^/]+/contract\\.ts$'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-no-node-builtins',
      severity: 'error',
      comment: 'web/src runs in the browser: no node built-in modules.',
      from: { path: '^web/src/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-not-into-web-or-e2e',
      severity: 'error',
      comment: 'The server never imports the web app or the e2e harness.',
      from: { path: '^server/' },
      to: { path: '^(web|e2e)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles (they break module init order and the layering). Type-only cycles are allowed: they vanish at run time (e.g. routes.ts importing the AppDeps type from app.ts).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web/dist|data|artifacts|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // with tsConfig, `import './x.js'` (NodeNext style) resolves to ./x.ts as TypeScript does
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    cache: false,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
