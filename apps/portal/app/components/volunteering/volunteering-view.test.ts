import { describe, expect, it } from 'vitest';
import type { TaskView } from '@talkoot/volunteering/schemas';
import { localText, readSheetLines, toTaskCards } from './volunteering-view';

const shift = (id: string, startsAt: string, free: number) => ({
  id,
  startsAt,
  endsAt: startsAt.replace('T10', 'T12'),
  capacity: 2,
  taken: 2 - free,
  free,
  waiting: 0,
});

const task = (id: string, title: TaskView['title'], shifts: ReturnType<typeof shift>[]): TaskView => ({
  id,
  organisation: { id: '00000000-0000-4000-8000-000000000001', name: 'Kyläyhdistys' },
  eventId: null,
  title,
  description: {},
  place: '',
  contact: { name: 'Aino', phone: null, email: null },
  requirements: [],
  withdrawalCutoffHours: 24,
  deadline: null,
  source: null,
  shifts,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('volunteering views', () => {
  it('shows a title in another language when the reader’s is missing', () => {
    expect(localText({ sv: 'Kafé' }, 'fi')).toBe('Kafé');
    expect(localText({ fi: 'Kahvio', en: 'Café' }, 'en')).toBe('Café');
  });

  it('orders tasks by their first shift and offers the waiting list on a full shift', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const cards = toTaskCards(
      [
        task('b', { fi: 'Purku' }, [shift('s2', '2026-06-10T10:00:00.000Z', 0)]),
        task('a', { fi: 'Kahvio' }, [shift('s1', '2026-06-09T10:00:00.000Z', 2)]),
      ],
      'fi',
      now,
    );
    expect(cards.map((card) => card.title)).toEqual(['Kahvio', 'Purku']);
    expect(cards[0]!.shifts[0]!.offer).toBe('claim');
    expect(cards[0]!.free).toBe(2);
    expect(cards[1]!.shifts[0]!.offer).toBe('wait');
  });

  it('does not count the free places of a shift already over', () => {
    const cards = toTaskCards(
      [task('a', { fi: 'Kahvio' }, [shift('s1', '2026-06-09T10:00:00.000Z', 2)])],
      'fi',
      Date.parse('2026-07-01'),
    );
    expect(cards[0]!.shifts[0]!.offer).toBe('over');
    expect(cards[0]!.free).toBe(0);
  });

  it('reads the filled lines of the paper sheet and names a line with no name', () => {
    const { entries, errors } = readSheetLines(
      { 'shift-0': 's1', 'name-0': ' Aino ', 'phone-0': '0401234567', 'shift-1': 's1', 'shift-2': 's2', 'email-2': 'a@b.fi' },
      3,
    );
    expect(entries).toEqual([{ line: 0, shiftId: 's1', name: 'Aino', phone: '0401234567', email: null }]);
    expect(errors).toEqual({ 'name-2': 'volunteering.results.nameMissing' });
  });
});

describe('paper sheet errors', () => {
  it('puts the api’s refusal of an entry on the form’s own line', async () => {
    const { entryErrorsToLines } = await import('./volunteering-view');
    expect(
      entryErrorsToLines(
        {
          'entries.1.phone': 'validation.phone',
          'entries.0.shiftId': 'apiError.volunteerClaim.sheetOverCapacity',
          form: 'apiError.refused',
        },
        [2, 5],
      ),
    ).toEqual({ 'phone-5': 'validation.phone', 'name-2': 'apiError.volunteerClaim.sheetOverCapacity', form: 'apiError.refused' });
  });
});
