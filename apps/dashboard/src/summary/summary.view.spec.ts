import { summarise, type SummaryInput } from './summary.view.js';

const missionId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const sessionId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const lateSessionId = '1e9fad5b-d9cb-469f-a165-70867728950f';

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return { missionId, position: 0, registrations: [], checkedIn: 0, sessions: [], enrolments: [], mous: [], notifications: [], meetings: [], ...overrides };
}

describe('summarise', () => {
  it('counts nothing for a mission without events, every status at zero', () => {
    const summary = summarise(input());
    expect(summary.registrations).toEqual({
      total: 0,
      byStatus: { pending_approval: 0, confirmed: 0, waitlisted: 0, rejected: 0, cancelled: 0 },
      checkedIn: 0,
      byDelegation: [],
      byParentDelegation: [],
      byCountry: [],
    });
    expect(summary.sessions).toEqual([]);
    expect(summary.mous.total).toBe(0);
    expect(summary.mous.byStatus.signed).toBe(0);
    expect(summary.notifications).toEqual({ sent: 0, failed: 0 });
    expect(summary.meetings).toEqual({ requested: 0, accepted: 0, declined: 0, cancelled: 0, scheduled: 0, held: 0, noShow: 0 });
  });

  it('counts meetings requested, scheduled and held', () => {
    const summary = summarise(
      input({
        meetings: [
          { status: 'requested', scheduled: false, outcome: null, count: 2 },
          { status: 'accepted', scheduled: false, outcome: null, count: 1 },
          { status: 'accepted', scheduled: true, outcome: null, count: 3 },
          { status: 'accepted', scheduled: true, outcome: 'held', count: 4 },
          { status: 'accepted', scheduled: true, outcome: 'no_show', count: 1 },
          { status: 'declined', scheduled: false, outcome: null, count: 1 },
        ],
      }),
    );
    expect(summary.meetings).toEqual({ requested: 12, accepted: 9, declined: 1, cancelled: 0, scheduled: 8, held: 4, noShow: 1 });
  });

  it('groups registrations by delegation, under its current name, and by the top-level delegation it lies within', () => {
    const stuttgart = '6a0b3c1e-1111-4a5b-8c9d-000000000001';
    const ludwigsburg = '6a0b3c1e-1111-4a5b-8c9d-000000000002';
    const summary = summarise(
      input({
        delegations: [
          { delegationId: stuttgart, name: 'Stuttgart Region', parentId: null },
          { delegationId: ludwigsburg, name: 'Ludwigsburg', parentId: stuttgart },
        ],
        registrations: [
          { status: 'confirmed', delegation: 'Stuttgart', delegationId: stuttgart, country: 'DE', count: 2 },
          { status: 'confirmed', delegation: 'Stuttgart Region', delegationId: stuttgart, country: 'DE', count: 1 },
          { status: 'waitlisted', delegation: 'Ludwigsburg', delegationId: ludwigsburg, country: 'DE', count: 2 },
          { status: 'confirmed', delegation: 'Rome', delegationId: null, country: 'IT', count: 1 },
        ],
      }),
    );
    expect(summary.registrations.byDelegation).toEqual([
      expect.objectContaining({ delegation: 'Stuttgart Region', delegationId: stuttgart, parentId: null, parentName: null, total: 3 }),
      expect.objectContaining({ delegation: 'Ludwigsburg', delegationId: ludwigsburg, parentId: stuttgart, parentName: 'Stuttgart Region', total: 2 }),
      expect.objectContaining({ delegation: 'Rome', delegationId: null, total: 1 }),
    ]);
    expect(summary.registrations.byParentDelegation.map((row) => [row.delegation, row.total, row.byStatus.waitlisted])).toEqual([
      ['Stuttgart Region', 5, 2],
      ['Rome', 1, 0],
    ]);
  });

  it('counts registrations by status, by delegation and by country', () => {
    const summary = summarise(
      input({
        position: 42,
        checkedIn: 1,
        registrations: [
          { status: 'confirmed', delegation: 'Barcelona', country: 'ES', count: 3 },
          { status: 'waitlisted', delegation: 'Barcelona', country: 'ES', count: 1 },
          { status: 'confirmed', delegation: 'Granada', country: 'ES', count: 1 },
          { status: 'confirmed', delegation: 'Chengdu', country: 'CN', count: 2 },
          { status: 'cancelled', delegation: null, country: 'IT', count: 1 },
        ],
      }),
    );
    expect(summary.position).toBe(42);
    expect(summary.registrations.total).toBe(8);
    expect(summary.registrations.checkedIn).toBe(1);
    expect(summary.registrations.byStatus).toEqual({ pending_approval: 0, confirmed: 6, waitlisted: 1, rejected: 0, cancelled: 1 });
    expect(summary.registrations.byDelegation.map((entry) => [entry.delegation, entry.total])).toEqual([
      ['Barcelona', 4],
      ['Chengdu', 2],
      ['Granada', 1],
      [null, 1],
    ]);
    expect(summary.registrations.byDelegation[0].byStatus).toMatchObject({ confirmed: 3, waitlisted: 1 });
    expect(summary.registrations.byCountry.map((entry) => [entry.country, entry.total, entry.byStatus.confirmed])).toEqual([
      ['ES', 5, 4],
      ['CN', 2, 2],
      ['IT', 1, 0],
    ]);
  });

  it('fills sessions from their enrolments, also those whose session has not arrived yet', () => {
    const summary = summarise(
      input({
        sessions: [
          {
            sessionId,
            kind: 'visit',
            title: 'Tianfu Software Park',
            startsAt: '2019-06-10T01:00:00.000Z',
            endsAt: '2019-06-10T04:00:00.000Z',
            capacity: 20,
            cancelled: false,
          },
        ],
        enrolments: [
          { sessionId, status: 'confirmed', count: 5 },
          { sessionId, status: 'waitlisted', count: 2 },
          { sessionId: lateSessionId, status: 'confirmed', count: 1 },
        ],
      }),
    );
    expect(summary.sessions).toEqual([
      expect.objectContaining({ sessionId, capacity: 20, enrolments: { confirmed: 5, waitlisted: 2, cancelled: 0 }, fill: 0.25 }),
      expect.objectContaining({
        sessionId: lateSessionId,
        kind: 'unknown',
        capacity: null,
        enrolments: { confirmed: 1, waitlisted: 0, cancelled: 0 },
        fill: null,
      }),
    ]);
  });

  it('counts MoUs by status and notifications by outcome', () => {
    const summary = summarise(
      input({
        mous: [
          { status: 'signed', count: 2 },
          { status: 'draft', count: 1 },
        ],
        notifications: [
          { outcome: 'sent', count: 7 },
          { outcome: 'failed', count: 1 },
        ],
      }),
    );
    expect(summary.mous.total).toBe(3);
    expect(summary.mous.byStatus).toMatchObject({ signed: 2, draft: 1, negotiating: 0 });
    expect(summary.notifications).toEqual({ sent: 7, failed: 1 });
  });
});
