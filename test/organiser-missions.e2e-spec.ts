import { call, listAll, missionInput, openMission } from './support/api.js';
import { participant } from './support/programme.js';
import { useSystem } from './support/system.js';

describe("the organiser's missions", () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });
  const missions = () => `${system.url('scheduling')}/api/missions`;

  async function createMission(startsOn: string, endsOn: string): Promise<string> {
    const created = await call(missions(), { token: system.organiserToken(), body: missionInput({ startsOn, endsOn }) });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('lists to an organiser of one mission that mission only, and every mission to an organiser of all, latest start first, in pages', async () => {
    const chengdu = await createMission('2019-06-09', '2019-06-15');
    const lyon = await createMission('2018-10-01', '2018-10-05');
    const guangzhou = await createMission('2020-01-10', '2020-01-12');

    const own = await call(missions(), { token: system.organiserToken([chengdu]) });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({
      items: [
        {
          id: chengdu,
          code: expect.any(String),
          title: 'Smart cities mission to Chengdu and Liuzhou',
          startsOn: '2019-06-09',
          endsOn: '2019-06-15',
          timezone: 'Asia/Shanghai',
          cities: [
            { name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' },
            { name: 'Liuzhou', country: 'CN', timezone: 'Asia/Shanghai' },
          ],
          themes: ['smart city', 'e-mobility'],
        },
      ],
      nextCursor: null,
    });
    // Two of the three; what else the token names (not an id, or no mission) lists nothing.
    const two = await call(missions(), { token: system.organiserToken([lyon, 'not-a-mission', guangzhou, '00000000-0000-4000-8000-000000000000']) });
    expect(two.body.items.map((mission: { id: string }) => mission.id)).toEqual([guangzhou, lyon]);

    const everyone = system.organiserToken(['*']);
    const first = await call(`${missions()}?limit=2`, { token: everyone });
    expect(first.status).toBe(200);
    expect(first.body.items.map((mission: { id: string }) => mission.id)).toEqual([guangzhou, chengdu]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(`${missions()}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: everyone });
    expect(second.body.items.map((mission: { id: string }) => mission.id)).toEqual([lyon]);
    expect(second.body.nextCursor).toBeNull();
    expect((await listAll(`${missions()}?limit=1`, everyone)).map((mission) => mission.id)).toEqual([guangzhou, chengdu, lyon]);
  });

  it('is for organisers only, and refuses a cursor it did not write', async () => {
    const { missionId } = await openMission(system);
    const ana = await participant(system, missionId, 1);

    expect((await call(missions())).status).toBe(401);
    expect((await call(missions(), { token: 'not-a-token' })).status).toBe(401);
    expect((await call(missions(), { token: ana.token })).status).toBe(403);

    const crafted = await call(`${missions()}?cursor=${Buffer.from(JSON.stringify(['99999-01-01', missionId])).toString('base64url')}`, {
      token: system.organiserToken(),
    });
    expect(crafted.status).toBe(400);
    expect(crafted.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    expect((await call(`${missions()}?limit=0`, { token: system.organiserToken() })).status).toBe(400);
  });
});
