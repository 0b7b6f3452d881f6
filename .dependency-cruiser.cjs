// The layers of src/ and the one direction imports go (see docs/architecture.md). Lowest first:
//   text -> model -> stages/* | config -> run/per-file -> run/cache, run/workers -> run -> dev, ingest, init -> commands -> cli
// A module may import its own layer and the layers below it, never above; stages never import each other.
/** Folders below each layer: what a module in it may import besides its own folder. */
const below = {
  text: [],
  model: ['text'],
  stage: ['text', 'model'],
  config: ['text', 'model'],
  perFile: ['text', 'model', 'stages', 'config'],
  runParts: ['text', 'model', 'stages', 'config', 'run/per-file'],
  run: ['text', 'model', 'stages', 'config', 'run'],
  apps: ['text', 'model', 'stages', 'config', 'run'],
  commands: ['text', 'model', 'stages', 'config', 'run', 'dev', 'ingest', 'init', 'commands'],
};
const anyOf = (folders) => `^src/(${folders.join('|')})/`;

/** A rule: modules under `from` may import from src/ only the folders of `allowed` (and node_modules, node: builtins). */
const layer = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: [anyOf(allowed), '$1'] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module imports itself back through others: data flows one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('text-is-the-bottom', '^src/text/', ['text'], 'The shared text layer knows nothing of articles or stages.'),
    layer('model-above-text-only', '^src/model/', below.model.concat('model'), 'The model uses only the text layer.'),
    {
      name: 'stages-import-only-model-text-and-themselves',
      comment: 'A stage uses the model, the shared text layer and its own modules: never another stage, never the machinery that runs it.',
      severity: 'error',
      from: { path: '^src/stages/([^/]+)/' },
      to: { path: '^src/', pathNot: ['^src/(text|model)/', '^src/stages/$1/'] },
    },
    {
      name: 'no-import-from-the-parent-folder',
      comment:
        'A subfolder serves its parent (rules and core serve their stage, cache and workers serve the run): it never imports the files above it.',
      severity: 'error',
      from: { path: '^(src/.+)/[^/]+/[^/]+$' },
      to: { path: '^$1/[^/]+$' },
    },
    {
      name: 'core-below-the-rules',
      comment: "A stage's core (state, shape tests) is what its rules share; it never imports a rule.",
      severity: 'error',
      from: { path: '^src/stages/([^/]+)/core/' },
      to: { path: '^src/stages/$1/rules/' },
    },
    layer('config-above-model-only', '^src/config/', below.config.concat('config'), 'Reading the config needs the model only.'),
    layer(
      'per-file-below-the-run',
      '^src/run/per-file/',
      below.perFile.concat('run/per-file'),
      'The per-file stage knows nothing of the cache, the workers or the builder.',
    ),
    layer(
      'cache-and-workers-below-the-builder',
      '^src/run/(cache|workers)/',
      below.runParts.concat('run/$1'),
      'The cache and the workers serve the builder; they do not use it or each other.',
    ),
    layer('run-below-dev-and-commands', '^src/run/[^/]+$', below.run, 'The builder does not know dev, ingest or the commands.'),
    layer(
      'dev-and-ingest-below-commands',
      '^src/(dev|ingest|init)/',
      below.apps.concat('$1'),
      'dev, ingest and init are built on the run (init on the config only); the commands use them.',
    ),
    layer('commands-below-the-cli', '^src/commands/', below.commands, 'Commands never import the program that registers them.'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(lib|node_modules)/' },
  },
};
