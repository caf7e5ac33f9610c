// The layers of docs/architecture.md, enforced: data flows argv -> cli -> commands -> domain -> store, and back
// as data -> output. test/unit/layers.test.ts runs these rules; `npx depcruise src` shows the same report.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // A cycle of imports that run makes load order guesswork. Type-only edges are erased before anything runs:
    // a repository base naming its sibling repositories' types is no cycle at run time. Cycles across layers are
    // impossible anyway while the layer rules below hold.
    { name: 'no-cycles', severity: 'error', comment: 'an import cycle makes load order and layering guesswork',
      from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    { name: 'commands-not-up', severity: 'error', comment: 'commands never import the CLI assembly above them',
      from: { path: '^src/commands/' }, to: { path: '^src/(cli|main)' } },
    { name: 'domain-is-pure', severity: 'error',
      comment: 'the domain is pure: no store, output, io, commands, cli or context, and no file system or process',
      from: { path: '^src/domain/' },
      to: { path: ['^src/(store|output|io|commands|cli|completion|config)/', '^src/(context|main)\\.ts$'] } },
    { name: 'domain-no-io-builtins', severity: 'error', comment: 'the domain does no I/O',
      from: { path: '^src/domain/' }, to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|os|readline|stream|process)$' } },
    { name: 'store-below-commands', severity: 'error', comment: 'the store serves commands; it knows nothing of them, of output or of the CLI',
      from: { path: '^src/store/' }, to: { path: ['^src/(commands|cli|output|completion)/', '^src/(context|main)\\.ts$'] } },
    { name: 'output-renders-data', severity: 'error', comment: 'output turns data into text; it reads no store and runs no command',
      from: { path: '^src/output/' }, to: { path: ['^src/(store|commands|cli)/', '^src/(context|main)\\.ts$'] } },
    { name: 'engine-inside-store', severity: 'error', comment: 'only src/store knows the database engine',
      from: { pathNot: '^(src/store|migrations)/' }, to: { path: ['^node_modules/(kysely|better-sqlite3|pg|pg-copy-streams)/', '^src/store/(sqlite|postgres|repos)/'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
