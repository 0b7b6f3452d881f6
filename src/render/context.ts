import type { MarkdownIt } from 'markdown-it';
import type nunjucks from 'nunjucks';
import type { Site } from '../types.js';
import type { Links } from './view.js';

/** Everything page renderers share; built once per build in renderSite. */
export interface RenderContext {
  site: Site;
  env: nunjucks.Environment;
  md: MarkdownIt;
  links: Links;
  /** Variables every template gets. */
  common: Record<string, unknown>;
  /** Site-wide sidebars, rendered once and reused on every page. */
  sidebars: { ranking: string; latest: string };
}

/** Renders a template with the shared variables plus the page's own. */
export function renderTemplate(ctx: RenderContext, name: string, vars: Record<string, unknown>): string {
  return ctx.env.render(name, { ...ctx.common, sidebars: ctx.sidebars, ...vars });
}
