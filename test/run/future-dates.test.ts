import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildYear, futureDates } from '../../src/run/future-dates.js';
import type { Article } from '../../src/model/index.js';

const dated = (file: string, date: string | null, from: 'editor' | 'explicit' = 'editor') =>
  ({ file, date, provenance: { date: from } }) as unknown as Article;

test("the build's year is SOURCE_DATE_EPOCH's when set, else the clock's", () => {
  const clock = Date.UTC(2031, 5, 1);
  assert.equal(buildYear({ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 31, 23) / 1000) }, clock), 2026);
  assert.equal(buildYear({}, clock), 2031);
  assert.equal(buildYear({ SOURCE_DATE_EPOCH: 'soon' }, clock), 2031, 'an unusable value is ignored');
});

test('a date after the year following the build year gets a warning; up to that year none', () => {
  const articles = [
    dated('ok.md', '2027-12-31'),
    dated('undated.md', null),
    dated('typo.md', '2099-01-01'),
    dated('dateline.txt', '2028-03-20T18:44:00+08:00', 'explicit'),
  ];
  const warnings = futureDates(articles, 2026);
  assert.deepEqual(
    warnings.map((d) => [d.file, d.severity, d.rule]),
    [
      ['typo.md', 'warning', 'pipeline/future-date'],
      ['dateline.txt', 'warning', 'pipeline/future-date'],
    ],
  );
  assert.match(warnings[0]!.message, /front-matter date 2099-01-01 is after 2027/);
  assert.match(warnings[1]!.message, /found in the text/);
});
