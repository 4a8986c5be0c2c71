import { describe, expect, it } from 'vitest';
import { pointColours } from './point-colours.ts';

describe('pointColours', () => {
  it('gives each category its own colour, the most common first, blanks grey', () => {
    const { colourOf, legend } = pointColours(['Primary', 'Secondary', 'Primary', null]);
    expect(legend.map((entry) => entry.label)).toEqual(['Primary', 'Secondary']);
    expect(colourOf('Primary')).not.toBe(colourOf('Secondary'));
    expect(colourOf(null)).toBe('#9ca3af');
  });

  it('folds categories past eight into Other', () => {
    const { colourOf, legend } = pointColours(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(legend).toHaveLength(9);
    expect(legend.at(-1)?.label).toBe('Other');
    expect(colourOf('i')).toBe('#9ca3af');
  });

  it('bands numbers from the smallest to the largest', () => {
    const { colourOf, legend } = pointColours([0, 50, 100]);
    expect(legend).toHaveLength(5);
    expect(colourOf(0)).toBe('#dbeafe');
    expect(colourOf(100)).toBe('#1e3a8a');
    expect(colourOf(50)).toBe('#3b82f6');
  });

  it('gives one band when every number is the same', () => {
    const { colourOf, legend } = pointColours([7, 7]);
    expect(legend).toHaveLength(1);
    expect(colourOf(7)).toBe('#dbeafe');
  });
});
