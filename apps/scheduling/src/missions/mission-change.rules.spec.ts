import { Problem } from '#common';
import { changedMission, type MissionDescription } from './mission-change.rules.js';

const chengdu = { name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' };
const liuzhou = { name: 'Liuzhou', country: 'CN', timezone: 'Asia/Shanghai' };
const mission: MissionDescription = {
  title: 'Smart cities mission',
  startsOn: '2019-06-09',
  endsOn: '2019-06-15',
  timezone: 'Asia/Shanghai',
  cities: [chengdu, liuzhou],
  themes: ['smart city'],
};

function problemOf(change: () => unknown) {
  try {
    change();
  } catch (error) {
    if (error instanceof Problem) return error.toProblemDetails();
    throw error;
  }
  throw new Error('the change was taken');
}

describe('changing a mission', () => {
  it('takes a new title and later dates, and leaves the rest as it was', () => {
    expect(changedMission(mission, { title: 'Smart cities and e-mobility', endsOn: '2019-06-16' })).toEqual({
      ...mission,
      title: 'Smart cities and e-mobility',
      endsOn: '2019-06-16',
    });
  });

  it('changes nothing when every field given is as it was, the cities in any order, so that nothing is announced', () => {
    expect(changedMission(mission, { title: mission.title, cities: [{ ...liuzhou }, { ...chengdu }] })).toBeNull();
  });

  it('refuses dates that would end the mission before it starts, naming the field that was given', () => {
    expect(problemOf(() => changedMission(mission, { startsOn: '2019-06-20' }))).toMatchObject({ status: 400, errors: [{ field: 'startsOn' }] });
    expect(problemOf(() => changedMission(mission, { endsOn: '2019-06-01' }))).toMatchObject({ status: 400, errors: [{ field: 'endsOn' }] });
  });

  it('adds a city, and refuses to drop or alter one that venues and sessions may name', () => {
    const guangzhou = { name: 'Guangzhou', country: 'CN', timezone: 'Asia/Shanghai' };
    expect(changedMission(mission, { cities: [chengdu, liuzhou, guangzhou] })?.cities).toEqual([chengdu, liuzhou, guangzhou]);
    expect(problemOf(() => changedMission(mission, { cities: [chengdu] }))).toMatchObject({ status: 422, cities: ['Liuzhou'] });
    expect(problemOf(() => changedMission(mission, { cities: [chengdu, { ...liuzhou, timezone: 'Asia/Urumqi' }] }))).toMatchObject({
      status: 422,
      cities: ['Liuzhou'],
    });
  });
});
