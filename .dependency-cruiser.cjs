// The layering of src/: which top-level folder may import which. `npm run lint` runs dependency-cruiser with
// this file, so an upward import, a sibling import not listed here, or an import cycle fails CI.
// The table itself is build/layers.cjs; docs/architecture.md shows it (a test keeps the two in step).

const { LAYERS } = require('./build/layers.cjs');

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const layerRules = Object.entries(LAYERS).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  comment: `src/${folder}/ may import only ${allowed.length ? allowed.map((a) => `${a}/`).join(', ') : 'node and npm modules'} (docs/architecture.md)`,
  severity: 'error',
  from: { path: `^src/${esc(folder)}/` },
  to: { path: '^src/', pathNot: `^src/(${[folder, ...allowed].map(esc).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'unknown-folder',
      comment: 'every folder of src/ has a place in the layer table of .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(${Object.keys(LAYERS).map(esc).join('|')})/` },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'modules must not import each other in a cycle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every relative import resolves to a file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^node:' },
    },
    {
      name: 'src-not-to-test',
      comment: 'the product never imports test code',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|build)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
