import { describe, expect, it } from 'vitest';
import { builtInTemplates, templateShiftTimes, toTemplateShift } from './templates.js';

describe('built-in templates', () => {
  it('the summer market: setting up 4, café 10–12/12–14/14–16 × 2 with a hygiene passport, parking 1, clean-up 6', () => {
    const market = builtInTemplates['summer-market'];
    expect(market.tasks.map((task) => task.title.en)).toEqual(['Setting up', 'Café', 'Parking', 'Clean-up']);
    const cafe = market.tasks[1]!;
    expect(cafe.requirements).toEqual(['hygienePassport']);
    expect(cafe.shifts.map((s) => [s.startMinutes / 60, s.endMinutes / 60, s.capacity])).toEqual([
      [10, 12, 2],
      [12, 14, 2],
      [14, 16, 2],
    ]);
    expect(market.tasks[0]!.shifts[0]!.capacity).toBe(4);
    expect(market.tasks[2]!.shifts[0]!.capacity).toBe(1);
    expect(market.tasks[3]!.shifts[0]!.capacity).toBe(6);
  });

  it('has every title in Finnish, Swedish and English', () => {
    for (const template of Object.values(builtInTemplates)) {
      expect(template.name.fi && template.name.sv && template.name.en).toBeTruthy();
      for (const task of template.tasks) expect(task.title.fi && task.title.sv && task.title.en).toBeTruthy();
    }
  });
});

describe('template times on the event’s day (Europe/Helsinki)', () => {
  it('are wall-clock times in summer and in winter', () => {
    const summer = templateShiftTimes('2027-07-03', { dayOffset: 0, startMinutes: 600, endMinutes: 720, capacity: 2 });
    expect(summer.startsAt.toISOString()).toBe('2027-07-03T07:00:00.000Z');
    const winter = templateShiftTimes('2027-01-09', { dayOffset: 0, startMinutes: 600, endMinutes: 720, capacity: 2 });
    expect(winter.startsAt.toISOString()).toBe('2027-01-09T08:00:00.000Z');
  });

  it('stay wall-clock times on the day the clocks go forward, and the evening before is the day before', () => {
    const spring = templateShiftTimes('2027-03-28', { dayOffset: 0, startMinutes: 600, endMinutes: 720, capacity: 2 });
    expect(spring.startsAt.toISOString()).toBe('2027-03-28T07:00:00.000Z');
    const eve = templateShiftTimes('2027-03-28', { dayOffset: -1, startMinutes: 1080, endMinutes: 1200, capacity: 3 });
    expect(eve.startsAt.toISOString()).toBe('2027-03-27T16:00:00.000Z');
  });

  it('come back as the same relative times when an event’s tasks are saved as a template', () => {
    const times = templateShiftTimes('2027-03-28', { dayOffset: -1, startMinutes: 1080, endMinutes: 1200, capacity: 3 });
    expect(toTemplateShift('2027-03-28', times.startsAt, times.endsAt, 3)).toEqual({
      dayOffset: -1,
      startMinutes: 1080,
      endMinutes: 1200,
      capacity: 3,
    });
  });
});
