import { describe, expect, it } from 'vitest';
import { parseFilter } from './parse-filter.ts';

describe('parseFilter', () => {
  it.each([
    ["{{ Dimension('staff__fte_status') }} = 'Headcount'", { dimension: 'staff__fte_status', values: ['Headcount'] }],
    ['{{Dimension("staff__sex")}}=\'Female\'', { dimension: 'staff__sex', values: ['Female'] }],
    ["{{ Dimension('a__b') }} = 'it''s'", { dimension: 'a__b', values: ["it's"] }],
    ["{{ Dimension('a__b') }} = 3", { dimension: 'a__b', values: [3] }],
    ["{{ Dimension('a__b') }} IN ('x', 'y' ,'z')", { dimension: 'a__b', values: ['x', 'y', 'z'] }],
    ["{{ Dimension('a__b') }} in (1, -2.5)", { dimension: 'a__b', values: [1, -2.5] }],
  ])('reads %s', (filter, expected) => {
    expect(parseFilter(filter)).toEqual(expected);
  });

  it.each([
    "{{ Dimension('a__b') }} like 'x%'",
    "{{ Dimension('a__b') }} = 'x' or 1 = 1",
    "{{ Dimension('a__b') }} = 'x",
    "{{ Dimension('a__b') }} in ('x',)",
    "{{ Dimension('a__b') }} in 'x'",
    "{{ TimeDimension('metric_time', 'year') }} = 2020",
    "a__b = 'x'",
  ])('rejects %s', (filter) => {
    expect(parseFilter(filter)).toBeUndefined();
  });
});
