// Page keys: a digest of everything a page is made from, so a rebuild can keep the live build's
// file instead of rendering the page again when none of it changed.
import { sha256 } from '../../text/hash.js';

/** What lets render keep pages the live build holds as this build would make them. */
export interface PageReuse {
  /**
   * Digest of what every page is made with besides its own data: the code, the config and the
   * templates (run/cache/render-fingerprint.ts). Any change there changes every key.
   */
  fingerprint: string;
  /** Output path -> key, for each page of the live build that is still the file it wrote (write/index.ts, livePageKeys). */
  live: ReadonlyMap<string, string>;
}

/** The keys of one edition's pages: the build's fingerprint and the edition's shared parts, then each page's own data. */
export class PageKeys {
  private readonly base: string;

  /** `shared`: plain data every page of the edition shows (its sidebars, its header's links). */
  constructor(
    private readonly reuse: PageReuse,
    shared: unknown,
  ) {
    this.base = sha256(`${reuse.fingerprint}\n${JSON.stringify(shared)}`);
  }

  /**
   * The key of the page at output path `p`, made with `template` from `data`: plain data holding
   * everything else the page shows (a costly part, like a rendered body, by what it is made from).
   */
  key(p: string, template: string, data: unknown): string {
    return sha256(`${this.base}\n${p}\n${template}\n${JSON.stringify(data)}`);
  }

  /** Whether the live build holds the page at `p` made with this key. */
  live(p: string, key: string): boolean {
    return this.reuse.live.get(p) === key;
  }
}
