import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { Config } from '../../model/index.js';
import { absoluteUrl, href } from './urls.js';

/** The package's own folders (lib/src/render -> package root), holding the default theme. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const defaultTemplatesDir = path.join(packageRoot, 'templates');
export const defaultPublicDir = path.join(packageRoot, 'public');

/** What the `href` and `absolute` filters read from the template context: the current edition's config. */
interface FilterThis {
  ctx: { edition: { config: Config } };
}

/**
 * One Nunjucks environment per build, so each template is compiled once. The user's templates
 * folder is searched first: a file there replaces the default template of the same name only.
 * Autoescape is on: every value from an article is text, never markup.
 */
export function createEnvironment(config: Config): nunjucks.Environment {
  const dirs = [...new Set([config.templatesDir, defaultTemplatesDir].map((d) => path.resolve(d)))];
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dirs, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('href', function (this: FilterThis, url: string) {
    return href(this.ctx.edition.config, url);
  });
  // Static files (stylesheet, scripts, search bundle) exist once, at the site root, for every edition.
  env.addFilter('asset', (url: string) => href(config, url));
  env.addFilter('absolute', function (this: FilterThis, url: string) {
    return absoluteUrl(this.ctx.edition.config, url);
  });
  compileAll(env, dirs);
  return env;
}

/**
 * Compiles every template up front, so a syntax error anywhere throws here, naming the file.
 * Left to render time, an error in an included partial is not thrown by the synchronous
 * `render()`: Nunjucks returns null for the page and throws the error later from its own task
 * queue, where nothing can catch it (the build would write `null` pages, then crash).
 */
function compileAll(env: nunjucks.Environment, dirs: string[]): void {
  const names = new Set(dirs.flatMap(templateNames));
  for (const name of [...names].sort()) env.getTemplate(name, true);
}

/** The `.njk` files below `dir` as template names (`partials/x.njk`); none when `dir` is missing. */
function templateNames(dir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return files.filter((f) => f.endsWith('.njk')).map((f) => f.split(path.sep).join('/'));
}
