// The built-in task templates per kind of event; shift times are Helsinki wall-clock minutes on the
// event's day (dayOffset -1 is the evening before).
import { addDays, helsinkiInstantAt, helsinkiDayOf, helsinkiTimeOfDay } from '@talkoot/platform';
import type { BuiltInTemplateKey, TemplateShift, TemplateTask, TemplateView } from './task.schemas.js';

const MINUTE_MS = 60_000;
const at = (hours: number, minutes = 0) => hours * 60 + minutes;
const shift = (start: number, end: number, capacity: number, dayOffset = 0): TemplateShift => ({
  dayOffset,
  startMinutes: start,
  endMinutes: end,
  capacity,
});

export const builtInTemplates: Record<BuiltInTemplateKey, { name: TemplateView['name']; tasks: TemplateTask[] }> = {
  'summer-market': {
    name: { fi: 'Kesämarkkinat', sv: 'Sommarmarknad', en: 'Summer market' },
    tasks: [
      {
        title: { fi: 'Pystytys', sv: 'Uppsättning', en: 'Setting up' },
        description: {
          fi: 'Pöytien, telttojen ja kylttien pystytys ennen markkinoita.',
          sv: 'Bord, tält och skyltar sätts upp före marknaden.',
          en: 'Putting up tables, tents and signs before the market.',
        },
        requirements: [],
        shifts: [shift(at(8), at(10), 4)],
      },
      {
        title: { fi: 'Kahvio', sv: 'Kafé', en: 'Café' },
        description: {
          fi: 'Kahvin keitto ja myynti. Hygieniapassi tarvitaan.',
          sv: 'Koka och sälja kaffe. Hygienpass behövs.',
          en: 'Making and selling coffee. A hygiene passport is needed.',
        },
        requirements: ['hygienePassport'],
        shifts: [shift(at(10), at(12), 2), shift(at(12), at(14), 2), shift(at(14), at(16), 2)],
      },
      {
        title: { fi: 'Pysäköinnin ohjaus', sv: 'Parkeringsvakt', en: 'Parking' },
        description: {
          fi: 'Autojen ohjaus pysäköintialueelle.',
          sv: 'Visa bilarna till parkeringen.',
          en: 'Showing cars to the parking area.',
        },
        requirements: [],
        shifts: [shift(at(9), at(16), 1)],
      },
      {
        title: { fi: 'Siivous', sv: 'Städning', en: 'Clean-up' },
        description: {
          fi: 'Purku ja siivous markkinoiden jälkeen.',
          sv: 'Nedmontering och städning efter marknaden.',
          en: 'Taking down and cleaning up after the market.',
        },
        requirements: [],
        shifts: [shift(at(16), at(18), 6)],
      },
    ],
  },
  'talkoot-day': {
    name: { fi: 'Talkoopäivä', sv: 'Talkodag', en: 'Talkoot day' },
    tasks: [
      {
        title: { fi: 'Haravointi ja pihatyöt', sv: 'Krattning och gårdsarbete', en: 'Raking and yard work' },
        description: {},
        requirements: [],
        shifts: [shift(at(9), at(12), 8)],
      },
      {
        title: { fi: 'Talkoomuonitus', sv: 'Talkomat', en: 'Food for the workers' },
        description: {},
        requirements: ['hygienePassport'],
        shifts: [shift(at(11), at(13), 2)],
      },
      {
        title: { fi: 'Jätteiden kuljetus', sv: 'Transport av avfall', en: 'Taking the waste away' },
        description: {},
        requirements: ['drivingLicence', 'adult'],
        shifts: [shift(at(13), at(15), 1)],
      },
    ],
  },
  'village-party': {
    name: { fi: 'Kyläjuhla', sv: 'Byfest', en: 'Village party' },
    tasks: [
      {
        title: { fi: 'Koristelu', sv: 'Dekoration', en: 'Decorating' },
        description: {},
        requirements: [],
        shifts: [shift(at(18), at(20), 3, -1)],
      },
      {
        title: { fi: 'Buffet', sv: 'Buffé', en: 'Buffet' },
        description: {},
        requirements: ['hygienePassport'],
        shifts: [shift(at(17), at(20), 3)],
      },
      {
        title: { fi: 'Lipunmyynti', sv: 'Biljettförsäljning', en: 'Tickets' },
        description: {},
        requirements: ['adult'],
        shifts: [shift(at(17), at(19), 2), shift(at(19), at(21), 2)],
      },
      {
        title: { fi: 'Loppusiivous', sv: 'Slutstädning', en: 'Final clean-up' },
        description: {},
        requirements: [],
        shifts: [shift(at(23), at(24), 4)],
      },
    ],
  },
};

// A template shift on the event's Helsinki day: the right instants also on a day the clocks change.
export function templateShiftTimes(eventDate: string, templateShift: TemplateShift): { startsAt: Date; endsAt: Date } {
  const day = addDays(eventDate, templateShift.dayOffset);
  return {
    startsAt: helsinkiInstantAt(day, templateShift.startMinutes * MINUTE_MS),
    endsAt: helsinkiInstantAt(day, templateShift.endMinutes * MINUTE_MS),
  };
}

// A shift of an event saved into a template: its times relative to the event's day.
export function toTemplateShift(eventDate: string, startsAt: Date, endsAt: Date, capacity: number): TemplateShift {
  const startDay = helsinkiDayOf(startsAt);
  const dayOffset = Math.round((Date.parse(startDay) - Date.parse(eventDate)) / 86_400_000);
  const startMinutes = Math.round(helsinkiTimeOfDay(startsAt) / MINUTE_MS);
  const sameDayEnd = helsinkiDayOf(endsAt) === startDay;
  const endMinutes = sameDayEnd ? Math.round(helsinkiTimeOfDay(endsAt) / MINUTE_MS) : 1440;
  return {
    dayOffset: Math.max(-7, Math.min(7, dayOffset)),
    startMinutes,
    endMinutes: Math.max(endMinutes, startMinutes + 1),
    capacity,
  };
}
