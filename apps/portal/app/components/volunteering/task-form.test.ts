import { describe, expect, it } from 'vitest';
import { readTaskForm, shiftRows } from './task-form';

const base = { titleFi: 'Kahvio', contactName: 'Aino', cutoff: '24' };

describe('task form', () => {
  it('turns rows into shifts in Helsinki time and skips empty new rows', () => {
    const { body, errors } = readTaskForm(
      { ...base, 'date-0': '2027-06-12', 'start-0': '10:00', 'end-0': '12:00', 'capacity-0': '3', 'date-1': '2027-06-12' },
      ['hygienePassport'],
      null,
      2,
    );
    expect(errors).toEqual({});
    expect(body!.shifts).toEqual([{ startsAt: '2027-06-12T10:00:00+03:00', endsAt: '2027-06-12T12:00:00+03:00', capacity: 3 }]);
    expect(body!.title).toEqual({ fi: 'Kahvio' });
    expect(body!.requirements).toEqual(['hygienePassport']);
  });

  it('keeps an existing shift’s id and leaves out one marked for removal', () => {
    const row = (n: number, id: string) => ({
      [`shiftId-${n}`]: id,
      [`date-${n}`]: '2027-06-12',
      [`start-${n}`]: '10:00',
      [`end-${n}`]: '12:00',
      [`capacity-${n}`]: '2',
    });
    const { body } = readTaskForm({ ...base, ...row(0, 'a'), ...row(1, 'b'), 'remove-1': 'yes' }, [], 'e', 2);
    expect(body!.shifts.map((shift) => shift.id)).toEqual(['a']);
    expect(body!.eventId).toBe('e');
  });

  it('names each wrong row and asks for a title and at least one shift', () => {
    const { errors } = readTaskForm(
      { contactName: 'Aino', 'start-0': '12:00', 'end-0': '10:00', 'date-0': '2027-06-12', 'capacity-0': '0' },
      [],
      null,
      1,
    );
    expect(errors).toMatchObject({
      titleFi: 'volunteeringAdmin.task.titleRequired',
      'capacity-0': 'volunteeringAdmin.task.capacityInvalid',
    });
    expect(readTaskForm({ ...base }, [], null, 2).errors).toEqual({ 'start-0': 'volunteeringAdmin.task.shiftRequired' });
  });

  it('shows an existing shift in Helsinki wall-clock time', () => {
    const rows = shiftRows(
      {
        shifts: [
          {
            id: 'a',
            startsAt: '2027-06-12T07:00:00.000Z',
            endsAt: '2027-06-12T09:30:00.000Z',
            capacity: 4,
            taken: 0,
            free: 4,
            waiting: 0,
          },
        ],
      },
      '2027-06-12',
      1,
    );
    expect(rows[0]).toMatchObject({ date: '2027-06-12', start: '10:00', end: '12:30', capacity: '4' });
    expect(rows[1]).toMatchObject({ isNew: true, date: '2027-06-12' });
  });
});
