import { setField, type ExtractRule, type ExtractState } from '../core/state.js';
import { compareCodeUnits } from '../../../text/compare.js';
import { TITLE_WEIGHT } from '../../../text/terms.js';
import { findParks } from '../../../text/zones.js';

interface Tally {
  name: string;
  score: number;
  first: number;
}

/** Mentions of `江北新区` count for `南京江北新区` when both occur: the longer name is the canonical one. */
function merge(tallies: Map<string, Tally>): Tally[] {
  const all = [...tallies.values()];
  const kept = all.filter((t) => !all.some((o) => o !== t && o.name.length > t.name.length && o.name.endsWith(t.name)));
  for (const t of all) {
    if (kept.includes(t)) continue;
    const into = kept.find((o) => o.name.endsWith(t.name))!;
    into.score += t.score;
    into.first = Math.min(into.first, t.first);
  }
  return kept;
}

function tally(state: ExtractState): Tally[] {
  const tallies = new Map<string, Tally>();
  const title = state.fields.title ?? '';
  const body = state.lines
    .filter((l) => l.role !== 'furniture' && l.role !== 'meta' && l.role !== 'title')
    .map((l) => l.text)
    .join('\n');
  const mentions = [
    ...findParks(title).map((p) => ({ ...p, weight: TITLE_WEIGHT, at: -1 })),
    ...findParks(body).map((p) => ({ ...p, weight: 1, at: p.index })),
  ];
  for (const p of mentions) {
    const t = tallies.get(p.name) ?? { name: p.name, score: 0, first: p.at };
    t.score += p.weight;
    t.first = Math.min(t.first, p.at);
    tallies.set(p.name, t);
  }
  return merge(tallies);
}

/** Parks: every development zone the article names, the most central (most mentioned, title counts triple) first. */
export const parks: ExtractRule = {
  name: 'parks',
  description: 'development zones the article names, the most central first (title mentions count triple)',
  run(state) {
    const ranked = tally(state).sort((a, b) => b.score - a.score || a.first - b.first || compareCodeUnits(a.name, b.name));
    if (ranked.length === 0) return;
    setField(
      state,
      'parks',
      ranked.map((t) => t.name),
      'inferred',
    );
    setField(state, 'park', ranked[0]!.name, 'inferred');
  },
};
