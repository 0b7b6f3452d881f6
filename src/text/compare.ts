/**
 * Locale-independent string order (UTF-16 code units), so output never depends on LANG, ICU or the
 * file system's listing order. The one comparator for every sort of names, paths, slugs and terms.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
