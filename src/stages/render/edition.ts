import { Converter } from 'opencc-js/cn2t';
import type { MarkdownIt } from 'markdown-it';
import type { Article, Config, TraditionalVariant } from '../../model/index.js';
import { absoluteUrl, href } from './urls.js';

/** One script edition of the site: the simplified original, or the optional traditional copy. */
export interface Edition {
  /** `<html lang>` and hreflang. */
  lang: 'zh-CN' | 'zh-TW' | 'zh-HK' | 'zh-Hant';
  /** Open Graph locale. */
  ogLocale: string;
  /** Folder of the edition inside the output ('' for the main edition). */
  dir: string;
  /** The site config with the edition's own path prefix, so every href points inside the edition. */
  config: Config;
  /** Converts a rendered text file into the edition's script (identity for the main edition). */
  convert: (text: string) => string;
  /** Label of the link to this edition from the other one, in this edition's script. */
  label: string;
  /** Shows a traditional original's own lines (Article.originalLines) instead of converting its body. */
  ownOriginals: boolean;
}

/**
 * The main (simplified) edition and, when `config.traditional.enabled`, a traditional copy under
 * `config.traditional.dir`. The traditional edition converts whole rendered files with OpenCC:
 * every URL in them is percent-encoded ASCII, which conversion cannot change, so links keep working.
 */
export function editions(config: Config): Edition[] {
  const main: Edition = { lang: 'zh-CN', ogLocale: 'zh_CN', dir: '', config, convert: (t) => t, label: '简体', ownOriginals: false };
  const trad = config.traditional;
  if (!trad?.enabled) return [main];
  const dir = trad.dir.replace(/^\/+|\/+$/g, '');
  const { lang, ogLocale } = VARIANT_LOCALE[trad.variant];
  return [
    main,
    {
      lang,
      ogLocale,
      dir,
      config: { ...config, pathPrefix: `${config.pathPrefix.replace(/\/+$/, '')}/${dir}` },
      convert: keepingVerbatim(traditionalConverter(trad.variant)),
      label: '繁體',
      ownOriginals: true,
    },
  ];
}

/** `<html lang>` and Open Graph locale of each variant; plain OpenCC traditional names no region. */
const VARIANT_LOCALE: Record<TraditionalVariant, { lang: Edition['lang']; ogLocale: string }> = {
  tw: { lang: 'zh-TW', ogLocale: 'zh_TW' },
  hk: { lang: 'zh-HK', ogLocale: 'zh_HK' },
  t: { lang: 'zh-Hant', ogLocale: 'zh_TW' },
};

/**
 * Simplified -> the variant's traditional standard. `hk` is OpenCC s2hk, `t` plain s2t (OpenCC's
 * own standard: 臺, 裏). `tw` is s2tw, then 臺 written 台: Taiwan's press and readers write 台灣,
 * 台北, 台積電 (the tw-news sources write 台 in 325 files, 臺 in 11), and a reader searching
 * 台積電 must find it. Vocabulary is not swapped (s2twp's 軟件 -> 軟體): that would rewrite what the
 * reporter wrote; search finds both words instead (docs/search.md).
 */
export function traditionalConverter(variant: TraditionalVariant): (text: string) => string {
  if (variant === 'hk') return Converter({ from: 'cn', to: 'hk' });
  if (variant === 't') return Converter({ from: 'cn', to: 't' });
  const s2tw = Converter({ from: 'cn', to: 'tw' });
  return (text) => s2tw(text).replaceAll('臺', '台');
}

// A traditional original's own lines are put into its page between these two private-use
// characters, so that converting the rendered page leaves them as the source wrote them.
const VERBATIM_OPEN = '\uE000';
const VERBATIM_CLOSE = '\uE001';
const VERBATIM = /\uE000([^\uE000\uE001]*)\uE001/g;
const SENTINELS = /[\uE000\uE001]/g;
/** A body line's markdown prefix (heading, quote, list item) and its text. */
const LINE = /^(#{1,6} |> |[-*+] |\d+\. )?(.*)$/s;

/** `convert`, except for text between the verbatim marks, which loses only the marks. */
function keepingVerbatim(convert: (text: string) => string): (text: string) => string {
  return (text) => {
    if (!text.includes(VERBATIM_OPEN)) return convert(text);
    let out = '';
    let at = 0;
    for (const m of text.matchAll(VERBATIM)) {
      out += convert(text.slice(at, m.index)).replace(SENTINELS, '') + m[1]!;
      at = m.index + m[0].length;
    }
    return out + convert(text.slice(at)).replace(SENTINELS, '');
  };
}

/**
 * The markdown of an article's body for an edition that shows traditional originals as written:
 * each line the source wrote in traditional script in its own form, marked verbatim (after its
 * markdown prefix, which must stay syntax), the rest as in `body` (converted with the page).
 */
export function ownOriginalMarkdown(body: string, originalLines: readonly (string | null)[]): string {
  return body
    .split('\n')
    .map((line, i) => {
      const own = originalLines[i];
      if (own === null || own === undefined) return line.replace(SENTINELS, '');
      const [, prefix = '', text = ''] = LINE.exec(own.replace(SENTINELS, ''))!;
      return `${prefix}${VERBATIM_OPEN}${text}${VERBATIM_CLOSE}`;
    })
    .join('\n');
}

/**
 * The body HTML an article's page shows in `edition`: `html` (its body, rendered once for every
 * edition), or in an edition that shows traditional originals as written, the original's own lines.
 */
export function editionBodyHtml(edition: Edition, article: Article, html: string, md: MarkdownIt): string {
  if (!edition.ownOriginals || !article.originalLines) return html;
  return md.render(ownOriginalMarkdown(article.body, article.originalLines));
}

/** Where a page at `p` in the main edition goes in `edition`'s folder. */
export function editionPath(edition: Edition, p: string): string {
  return edition.dir ? `${edition.dir}/${p}` : p;
}

/** The same page in each other edition: `href` for the page's link, `absolute` for hreflang alternates. */
export function alternates(
  all: Edition[],
  current: Edition,
  url: string,
): { lang: string; label: string; href: string; absolute: string }[] {
  return all
    .filter((e) => e !== current)
    .map((e) => ({ lang: e.lang, label: e.label, href: href(e.config, url), absolute: absoluteUrl(e.config, url) }));
}
