#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli.ts into lib/ by `npm run compile`.
import('../lib/src/cli.js')
  .then((m) => m.main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err?.stack ?? String(err));
      process.exitCode = 70;
    },
  );
