import { instantOf } from './local-time.js';
import { conflictsAfterMove, findConflict, overlaps, TransferTimes, type TimedSession } from './conflict.rules.js';

let n = 0;
function session(city: string | null, zone: string, startsLocal: string, endsLocal: string, endCity: string | null = city): TimedSession {
  n += 1;
  return {
    sessionId: `s-${n}`,
    title: `Session ${n}`,
    startsAt: instantOf(startsLocal, zone),
    endsAt: instantOf(endsLocal, zone),
    startCity: city,
    endCity,
  };
}

const chinaTransfers = new TransferTimes([{ cityA: 'Liuzhou', cityB: 'Chengdu', minutes: 240 }]);

describe('conflicts between a participant’s sessions', () => {
  it('refuses two sessions at once, naming the one it overlaps; touching ends are fine', () => {
    const forum = session('Chengdu', 'Asia/Shanghai', '2019-06-10T09:00', '2019-06-10T12:00');
    const visit = session('Chengdu', 'Asia/Shanghai', '2019-06-10T11:30', '2019-06-10T13:00');
    const lunch = session('Chengdu', 'Asia/Shanghai', '2019-06-10T12:00', '2019-06-10T13:00');
    expect(findConflict(visit, [forum], chinaTransfers)).toEqual({ kind: 'overlap', session: forum });
    expect(findConflict(lunch, [forum], chinaTransfers)).toBeNull();
    expect(overlaps(forum, lunch)).toBe(false);
  });

  it('refuses consecutive sessions in two cities closer than the transfer, either way round', () => {
    const chengdu = session('Chengdu', 'Asia/Shanghai', '2019-06-11T09:00', '2019-06-11T11:00');
    const liuzhouSoon = session('Liuzhou', 'Asia/Shanghai', '2019-06-11T14:00', '2019-06-11T16:00');
    const liuzhouLater = session('Liuzhou', 'Asia/Shanghai', '2019-06-11T15:00', '2019-06-11T16:00');
    expect(findConflict(liuzhouSoon, [chengdu], chinaTransfers)).toMatchObject({
      kind: 'transfer',
      session: chengdu,
      fromCity: 'Chengdu',
      toCity: 'Liuzhou',
      transferMinutes: 240,
      gapMinutes: 180,
    });
    expect(findConflict(chengdu, [liuzhouSoon], chinaTransfers)).toMatchObject({ kind: 'transfer', session: liuzhouSoon });
    expect(findConflict(liuzhouLater, [chengdu], chinaTransfers)).toBeNull();
  });

  it('only looks at the sessions just before and after: an earlier day in another city does not matter', () => {
    const dayOne = session('Chengdu', 'Asia/Shanghai', '2019-06-10T09:00', '2019-06-10T18:00');
    const morning = session('Liuzhou', 'Asia/Shanghai', '2019-06-12T09:00', '2019-06-12T10:00');
    const later = session('Liuzhou', 'Asia/Shanghai', '2019-06-12T10:30', '2019-06-12T11:00');
    expect(findConflict(later, [dayOne, morning], chinaTransfers)).toBeNull();
  });

  it('follows a transfer session: it starts in one city and ends in the other', () => {
    const train = session('Chengdu', 'Asia/Shanghai', '2019-06-12T08:00', '2019-06-12T12:00', 'Liuzhou');
    const liuzhou = session('Liuzhou', 'Asia/Shanghai', '2019-06-12T13:00', '2019-06-12T14:00');
    const chengdu = session('Chengdu', 'Asia/Shanghai', '2019-06-12T13:00', '2019-06-12T14:00');
    expect(findConflict(liuzhou, [train], chinaTransfers)).toBeNull();
    expect(findConflict(chengdu, [train], chinaTransfers)).toMatchObject({ kind: 'transfer', session: train });
  });

  it('compares instants across time zones, not wall clocks', () => {
    const transfers = new TransferTimes([{ cityA: 'Barcelona', cityB: 'Chengdu', minutes: 60 }]);
    // 09:00 in Barcelona and 15:00 in Chengdu are the same instant in June (UTC+2 and UTC+8).
    const barcelonaCall = session('Barcelona', 'Europe/Madrid', '2019-06-10T09:00', '2019-06-10T10:00');
    const chengduCall = session('Chengdu', 'Asia/Shanghai', '2019-06-10T15:30', '2019-06-10T16:00');
    expect(findConflict(chengduCall, [barcelonaCall], transfers)).toMatchObject({ kind: 'overlap', session: barcelonaCall });
  });

  it('sees an overlap across the date line, though the two sessions are on different local dates', () => {
    const transfers = new TransferTimes([{ cityA: 'Auckland', cityB: 'Honolulu', minutes: 540 }]);
    // Monday 09:00–10:00 in Auckland is Sunday 11:00–12:00 in Honolulu.
    const auckland = session('Auckland', 'Pacific/Auckland', '2019-06-10T09:00', '2019-06-10T10:00');
    const honoluluSunday = session('Honolulu', 'Pacific/Honolulu', '2019-06-09T11:30', '2019-06-09T12:30');
    expect(findConflict(honoluluSunday, [auckland], transfers)).toMatchObject({ kind: 'overlap', session: auckland });
    // Sunday 18:00 in Honolulu is only 8 hours after the Auckland session ends, less than the 9-hour flight.
    const honoluluEvening = session('Honolulu', 'Pacific/Honolulu', '2019-06-09T20:00', '2019-06-09T21:00');
    expect(findConflict(honoluluEvening, [auckland], transfers)).toMatchObject({ kind: 'transfer', gapMinutes: 480, transferMinutes: 540 });
    const honoluluNight = session('Honolulu', 'Pacific/Honolulu', '2019-06-09T21:00', '2019-06-09T22:00');
    expect(findConflict(honoluluNight, [auckland], transfers)).toBeNull();
  });

  it('counts the real time on a DST change day: two clock hours apart are one hour apart', () => {
    const transfers = new TransferTimes([{ cityA: 'Madrid', cityB: 'Barcelona', minutes: 150 }]);
    // Clocks in Spain go from 02:00 to 03:00 on 31 March 2019.
    const madrid = session('Madrid', 'Europe/Madrid', '2019-03-31T00:00', '2019-03-31T01:00');
    const barcelona = session('Barcelona', 'Europe/Madrid', '2019-03-31T04:00', '2019-03-31T05:00');
    expect(findConflict(barcelona, [madrid], transfers)).toMatchObject({ kind: 'transfer', gapMinutes: 120, transferMinutes: 150 });
    const barcelonaLater = session('Barcelona', 'Europe/Madrid', '2019-03-31T04:30', '2019-03-31T05:00');
    expect(findConflict(barcelonaLater, [madrid], transfers)).toBeNull();
  });

  it('does not check cities without a transfer time, nor sessions without a place', () => {
    const chengdu = session('Chengdu', 'Asia/Shanghai', '2019-06-11T09:00', '2019-06-11T11:00');
    const online = session(null, 'Asia/Shanghai', '2019-06-11T11:00', '2019-06-11T12:00');
    expect(findConflict(online, [chengdu], chinaTransfers)).toBeNull();
    const xian = session('Xi’an', 'Asia/Shanghai', '2019-06-11T11:10', '2019-06-11T12:00');
    expect(findConflict(xian, [chengdu], chinaTransfers)).toBeNull();
  });
});

describe('who a moved session puts in conflict', () => {
  it('names each participant whose other sessions now clash with the new time or place, and no one else', () => {
    const panelBefore = session('Chengdu', 'Asia/Shanghai', '2019-06-10T09:00', '2019-06-10T11:00');
    const panel = { ...panelBefore, startsAt: instantOf('2019-06-10T13:00', 'Asia/Shanghai'), endsAt: instantOf('2019-06-10T15:00', 'Asia/Shanghai') };
    const lunchTalk = session('Chengdu', 'Asia/Shanghai', '2019-06-10T12:30', '2019-06-10T13:30');
    const liuzhouVisit = session('Liuzhou', 'Asia/Shanghai', '2019-06-10T17:00', '2019-06-10T18:00');
    const morningVisit = session('Chengdu', 'Asia/Shanghai', '2019-06-10T09:00', '2019-06-10T11:00');
    const participants = new Map<string, TimedSession[]>([
      ['reg-c', [panelBefore, liuzhouVisit]],
      ['reg-a', [panelBefore, lunchTalk]],
      // At the panel's old time: the move frees them.
      ['reg-b', [panelBefore, morningVisit]],
      ['reg-d', [panelBefore]],
    ]);
    const found = conflictsAfterMove(panel, participants, chinaTransfers);
    expect(found).toEqual([
      { registrationId: 'reg-a', conflict: { kind: 'overlap', session: lunchTalk } },
      { registrationId: 'reg-c', conflict: expect.objectContaining({ kind: 'transfer', session: liuzhouVisit, transferMinutes: 240, gapMinutes: 120 }) },
    ]);
  });
});

describe('conflicts between sessions that hold one another', () => {
  it('lets a participant be at the forum and its panels, but not at two panels at once', () => {
    const forum = { ...session('Chengdu', 'Asia/Shanghai', '2019-06-12T09:00', '2019-06-12T12:30'), ancestors: [] };
    const panel = (from: string, to: string) => ({ ...session('Chengdu', 'Asia/Shanghai', from, to), ancestors: [forum.sessionId] });
    const energy = panel('2019-06-12T10:30', '2019-06-12T11:30');
    const water = panel('2019-06-12T10:45', '2019-06-12T11:30');
    expect(findConflict(energy, [forum], chinaTransfers)).toBeNull();
    expect(findConflict(forum, [energy], chinaTransfers)).toBeNull();
    expect(findConflict(water, [forum, energy], chinaTransfers)).toEqual({ kind: 'overlap', session: energy });
    // A break-out group of a panel is held by the forum too, at any depth.
    const breakout = { ...session('Chengdu', 'Asia/Shanghai', '2019-06-12T10:30', '2019-06-12T11:00'), ancestors: [energy.sessionId, forum.sessionId] };
    expect(findConflict(breakout, [forum, energy], chinaTransfers)).toBeNull();
  });
});
