import type { Problem } from './problems.js';

/** Where browsers listen for reloads and problems. Outside any path prefix so it never clashes with a page. */
export const EVENTS_PATH = '/__parkpress/events';

/**
 * The browser side of live reload, injected into served HTML only (never into dist/).
 * `state` arrives on every (re)connect: a build newer than the page's means it missed a reload.
 * Problems are drawn in a shadow root so the site's styles cannot hide the overlay, and with
 * textContent only, so a message quoting article text cannot inject markup.
 */
const CLIENT = `(() => {
  const cfg = JSON.parse(document.currentScript.dataset.parkpress);
  let build = cfg.build;
  let host = null;
  function show(problems) {
    if (host) { host.remove(); host = null; }
    if (!problems.length) return;
    host = document.createElement('parkpress-overlay');
    const root = host.attachShadow({ mode: 'open' });
    const box = document.createElement('div');
    box.setAttribute('style', 'position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#eee;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace;padding:2em');
    const h = document.createElement('h2');
    h.textContent = 'parkpress: ' + problems.length + (problems.length === 1 ? ' problem' : ' problems') + ' (the page shows the last good build)';
    h.setAttribute('style', 'color:#ff7b72;margin:0 0 1em;font-size:16px');
    box.append(h);
    for (const p of problems) {
      const item = document.createElement('pre');
      item.setAttribute('style', 'white-space:pre-wrap;margin:0 0 1em;padding:.8em;background:#000;border-left:4px solid #ff7b72');
      const where = p.file ? [p.file, p.line, p.line && p.column].filter(Boolean).join(':') : '(site)';
      item.textContent = where + '\\n' + p.message + '  (' + p.rule + ')';
      box.append(item);
    }
    const close = document.createElement('button');
    close.textContent = 'close';
    close.onclick = () => show([]);
    box.append(close);
    root.append(box);
    document.documentElement.append(host);
  }
  function mine(paths) {
    if (!paths) return true;
    let here = decodeURIComponent(location.pathname);
    if (here.endsWith('/')) here += 'index.html';
    return paths.some((p) => here === cfg.prefix + '/' + p || p.endsWith('.css') || p.endsWith('.js'));
  }
  const source = new EventSource(cfg.events);
  source.addEventListener('state', (e) => {
    const s = JSON.parse(e.data);
    if (s.build !== build) { location.reload(); return; }
    show(s.problems);
  });
  source.addEventListener('problems', (e) => show(JSON.parse(e.data).problems));
  source.addEventListener('reload', (e) => {
    const r = JSON.parse(e.data);
    build = r.build;
    if (mine(r.paths)) location.reload();
  });
  show(cfg.problems);
})();`;

/** The `<script>` tag for a page served at build number `build`, with the current problems. */
export function clientTag(build: number, problems: readonly Problem[], prefix: string): string {
  const cfg = JSON.stringify({ build, problems, prefix, events: EVENTS_PATH });
  return `<script data-parkpress="${escapeAttr(cfg)}">${CLIENT}</script>`;
}

/** Puts the client before the last `</body>` (or at the end when the page has none). */
export function injectClient(html: string, tag: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
