import { describe, expect, it } from 'vitest';
import { dayLevel, shortDayText } from './availability-grid';

describe('the availability grid', () => {
  it('calls a day enough only when the wanted number is free', () => {
    expect(dayLevel(38, 30)).toBe('enough');
    expect(dayLevel(30, 30)).toBe('enough');
    expect(dayLevel(12, 30)).toBe('notEnough');
    expect(dayLevel(0, 30)).toBe('none');
  });

  it('without a wanted number, any free unit is enough', () => {
    expect(dayLevel(1, null)).toBe('enough');
    expect(dayLevel(0, null)).toBe('none');
  });

  it('writes the day the way people here read it', () => {
    expect(shortDayText('2027-03-13', 'fi')).toBe('la 13.3.');
    expect(shortDayText('2027-03-13', 'sv')).toBe('lör 13.3.');
    expect(shortDayText('2027-03-13', 'en')).toBe('Sat 13.3.');
  });
});
