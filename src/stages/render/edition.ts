import { Converter } from 'opencc-js/cn2t';
import type { Config } from '../../model/index.js';
import { absoluteUrl, href } from './urls.js';

/** One script edition of the site: the simplified original, or the optional traditional copy. */
export interface Edition {
  /** `<html lang>` and hreflang. */
  lang: 'zh-CN' | 'zh-TW' | 'zh-HK';
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
  const hk = trad.variant === 'hk';
  return [
    main,
    {
      lang: hk ? 'zh-HK' : 'zh-TW',
      ogLocale: hk ? 'zh_HK' : 'zh_TW',
      dir,
      config: { ...config, pathPrefix: `${config.pathPrefix.replace(/\/+$/, '')}/${dir}` },
      convert: Converter({ from: 'cn', to: hk ? 'hk' : 'tw' }),
      label: '繁體',
    },
  ];
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
