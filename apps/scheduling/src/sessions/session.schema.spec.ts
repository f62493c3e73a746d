import { sessionSchema } from './session.schema.js';

const venueId = '3f1c2a4e-1b7b-4a57-9a1e-2b5f7e0c9d11';
const base = {
  kind: 'site_visit',
  title: 'Bus factory',
  startsAt: '2019-06-12T14:00:00+08:00',
  endsAt: '2019-06-12T16:00:00+08:00',
  venueId,
  languages: ['zh'],
};

function fieldsOf(input: unknown): string[] {
  const parsed = sessionSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('a session’s fields and the rules between them', () => {
  it('accepts every kind with what it needs', () => {
    expect(fieldsOf(base)).toEqual([]);
    expect(fieldsOf({ ...base, kind: 'side_event', hostEvent: 'Western China Fair' })).toEqual([]);
    expect(fieldsOf({ ...base, kind: 'transfer', venueId: undefined, route: { from: 'Chengdu', to: 'Liuzhou' } })).toEqual([]);
    expect(
      fieldsOf({
        ...base,
        kind: 'panel_discussion',
        speakers: [
          { role: 'moderator', name: 'Laura' },
          { role: 'panellist', name: 'Wang Fang' },
        ],
      }),
    ).toEqual([]);
  });

  it('names the field at fault', () => {
    expect(fieldsOf({ ...base, endsAt: base.startsAt })).toEqual(['endsAt']);
    expect(fieldsOf({ ...base, startsAt: '2019-06-12 14:00' })).toEqual(['startsAt']);
    expect(fieldsOf({ ...base, kind: 'party' })).toEqual(['kind']);
    expect(fieldsOf({ ...base, languages: ['Chinese'] })).toEqual(['languages.0']);
    expect(fieldsOf({ ...base, capacity: 0 })).toEqual(['capacity']);
    expect(fieldsOf({ ...base, venueId: undefined })).toEqual(['venueId']);
    expect(fieldsOf({ ...base, interpretation: [{ from: 'zh', to: 'zh' }] })).toEqual(['interpretation.0.to']);
    expect(fieldsOf({ ...base, audience: { kind: 'delegations', delegations: [] } })).toEqual(['audience.delegations']);
  });

  it('keeps each kind’s own fields to it', () => {
    expect(fieldsOf({ ...base, kind: 'side_event' })).toEqual(['hostEvent']);
    expect(fieldsOf({ ...base, hostEvent: 'Fair' })).toEqual(['hostEvent']);
    expect(fieldsOf({ ...base, kind: 'transfer', venueId: undefined })).toEqual(['route']);
    expect(fieldsOf({ ...base, kind: 'transfer', route: { from: 'Chengdu', to: 'Chengdu' } })).toEqual(['route.to']);
    expect(fieldsOf({ ...base, route: { from: 'Chengdu', to: 'Liuzhou' } })).toEqual(['route']);
    expect(fieldsOf({ ...base, speakers: [{ role: 'moderator', name: 'Laura' }] })).toEqual(['speakers']);
    expect(fieldsOf({ ...base, kind: 'panel_discussion', speakers: [{ role: 'panellist', name: 'Wang Fang' }] })).toEqual(['speakers']);
  });
});

describe('the programme’s structure in a session’s fields', () => {
  const hotel = '9a7d3c2b-5e4f-4a1b-8c6d-0e9f8a7b6c5d';
  const coach = { ...base, kind: 'transfer', venueId: undefined, route: { from: 'Chengdu', to: 'Chengdu', fromVenueId: hotel, toVenueId: venueId } };

  it('takes a transfer within a city when it names its two venues, and only then', () => {
    expect(fieldsOf(coach)).toEqual([]);
    expect(fieldsOf({ ...coach, route: { ...coach.route, toVenueId: hotel } })).toEqual(['route.toVenueId']);
    expect(fieldsOf({ ...coach, route: { from: 'Chengdu', to: 'Chengdu', fromVenueId: hotel } })).toEqual(['route.to']);
  });

  it('takes a parent, a room of the venue and translations by language tag', () => {
    expect(fieldsOf({ ...base, parentSessionId: hotel, roomId: hotel, titles: { zh: '公交工厂' }, descriptions: { 'zh-CN': '参观' } })).toEqual([]);
    expect(fieldsOf({ ...coach, roomId: hotel })).toEqual(['roomId']);
    expect(fieldsOf({ ...base, titles: { Chinese: '公交工厂' } })).toEqual(['titles.Chinese']);
    expect(fieldsOf({ ...base, titles: { zh: ' ' } })).toEqual(['titles.zh']);
  });
});
