import { Converter } from 'opencc-js/cn2t';
import type { Config, TraditionalVariant } from '../../model/index.js';
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
}

/**
 * The main (simplified) edition and, when `config.traditional.enabled`, a traditional copy under
 * `config.traditional.dir`. The traditional edition converts whole rendered files with OpenCC:
 * every URL in them is percent-encoded ASCII, which conversion cannot change, so links keep working.
 */
export function editions(config: Config): Edition[] {
  const main: Edition = { lang: 'zh-CN', ogLocale: 'zh_CN', dir: '', config, convert: (t) => t, label: '简体' };
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
      convert: traditionalConverter(trad.variant),
      label: '繁體',
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
