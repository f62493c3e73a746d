// The EU Smart Cities mission to Chengdu and Liuzhou, 9-15 June 2019, as the demo creates it.
// People are invented (their addresses are @example.org and @example.cn); organisations, places and
// the programme follow the mission's report.

export const mission = {
  code: 'EU-SC-CN-2019',
  title: 'EU Smart Cities mission to Chengdu and Liuzhou',
  startsOn: '2019-06-09',
  endsOn: '2019-06-15',
  timezone: 'Asia/Shanghai',
  cities: [
    { name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' },
    { name: 'Liuzhou', country: 'CN', timezone: 'Asia/Shanghai' },
  ],
  themes: ['smart city', 'innovation', 'e-mobility', 'urban data', 'green development'],
};

/** Delegations by their main (English) name, as registrations and the lists name them. */
export const delegations = {
  barcelona: 'Barcelona',
  granada: 'Granada',
  rome: 'Rome',
  stuttgart: 'Stuttgart Region',
  ludwigsburg: 'Ludwigsburg',
  eu: 'EU staff',
  hosts: 'Chinese hosts',
} as const;

export interface Delegation {
  /** Its main name: one of `delegations`. */
  name: string;
  names: Record<string, string>;
  country: string;
  city?: string;
  /** The delegation it travels within, by main name: listed before it. */
  parent?: string;
  /** Most confirmed seats, its sub-delegations' included. */
  quota: number;
  /** Its head, by person key. */
  head: string;
}

/** In order of precedence. */
export const delegationList: Delegation[] = [
  { name: delegations.barcelona, names: { en: 'Barcelona', ca: 'Barcelona', 'zh-CN': '巴塞罗那' }, country: 'ES', city: 'Barcelona', quota: 10, head: 'marta' },
  { name: delegations.granada, names: { en: 'Granada', es: 'Granada', 'zh-CN': '格拉纳达' }, country: 'ES', city: 'Granada', quota: 8, head: 'lucia' },
  { name: delegations.rome, names: { en: 'Rome', it: 'Roma', 'zh-CN': '罗马' }, country: 'IT', city: 'Rome', quota: 8, head: 'giulia' },
  {
    name: delegations.stuttgart,
    names: { en: 'Stuttgart Region', de: 'Region Stuttgart', 'zh-CN': '斯图加特地区' },
    country: 'DE',
    city: 'Stuttgart',
    quota: 10,
    head: 'katrin',
  },
  {
    name: delegations.ludwigsburg,
    names: { en: 'Ludwigsburg', de: 'Ludwigsburg', 'zh-CN': '路德维希堡' },
    country: 'DE',
    city: 'Ludwigsburg',
    parent: delegations.stuttgart,
    quota: 3,
    head: 'stefan',
  },
  { name: delegations.eu, names: { en: 'EU staff', 'zh-CN': '欧盟工作人员' }, country: 'EU', city: 'Brussels', quota: 6, head: 'sophie' },
  { name: delegations.hosts, names: { en: 'Chinese hosts', 'zh-CN': '中方' }, country: 'CN', quota: 30, head: 'wangfang' },
];

/** The mission's capacity and approval; the quotas are the delegations'. */
export const registrationSettings = {
  capacity: 80,
  approval: 'automatic',
};

const diet = {
  key: 'diet',
  kind: 'choice',
  required: true,
  labels: { en: 'Dietary needs', 'zh-CN': '饮食要求', es: 'Necesidades alimentarias', de: 'Ernährung' },
  options: [
    { value: 'none', labels: { en: 'None', 'zh-CN': '无' } },
    { value: 'vegetarian', labels: { en: 'Vegetarian', 'zh-CN': '素食' } },
    { value: 'halal', labels: { en: 'Halal', 'zh-CN': '清真' } },
    { value: 'no-pork', labels: { en: 'No pork', 'zh-CN': '不吃猪肉' } },
  ],
};
const arrival = {
  key: 'arrival',
  kind: 'date',
  required: true,
  labels: { en: 'Arrival in Chengdu', 'zh-CN': '抵达成都日期', es: 'Llegada a Chengdu', de: 'Ankunft in Chengdu' },
  options: [],
};

/** Registration categories: each its own capacity, and the questions its form asks. */
export const categories: { code: string; body: Record<string, unknown> }[] = [
  {
    code: 'delegate',
    body: {
      names: { en: 'EU delegate', 'zh-CN': '欧盟代表团成员' },
      capacity: 40,
      waitlist: true,
      approval: 'automatic',
      questions: [diet, arrival],
      position: 0,
    },
  },
  {
    code: 'host',
    body: { names: { en: 'Chinese host', 'zh-CN': '中方接待人员' }, capacity: 30, waitlist: true, approval: 'automatic', questions: [diet], position: 1 },
  },
  {
    code: 'staff',
    body: { names: { en: 'EU staff', 'zh-CN': '欧盟工作人员' }, capacity: 8, waitlist: false, approval: 'automatic', questions: [diet, arrival], position: 2 },
  },
];

/** The category a person registers in, and their answers to its questions. */
export function categoryOf(person: Person): { category: string; answers: Record<string, string> } {
  const diets: Record<string, string> = { lucia: 'vegetarian', francesca: 'vegetarian', markus: 'no-pork', sophie: 'vegetarian' };
  const dietary = diets[person.key] ?? 'none';
  if (person.delegation === delegations.hosts) return { category: 'host', answers: { diet: dietary } };
  // EU staff arrive a day ahead to prepare the visits.
  const arriving = person.delegation === delegations.eu ? '2019-06-08' : '2019-06-09';
  return { category: person.delegation === delegations.eu ? 'staff' : 'delegate', answers: { diet: dietary, arrival: arriving } };
}

type OrganisationType = 'city' | 'government' | 'business' | 'research' | 'education';

export interface Person {
  /** How the demo refers to the person (meetings, speakers, signatories). */
  key: string;
  givenName: string;
  familyName: string;
  email: string;
  jobTitle: string;
  preferredLanguage: string;
  timezone: string;
  organisation: { name: string; type: OrganisationType; country: string; city?: string };
  delegation: string;
}

const madrid = 'Europe/Madrid';
const romeZone = 'Europe/Rome';
const berlin = 'Europe/Berlin';
const brussels = 'Europe/Brussels';
const shanghai = 'Asia/Shanghai';

const bcn = { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES', city: 'Barcelona' } as const;
const granada = { name: 'Ayuntamiento de Granada', type: 'city', country: 'ES', city: 'Granada' } as const;
const roma = { name: 'Roma Capitale', type: 'city', country: 'IT', city: 'Rome' } as const;
const vrs = { name: 'Verband Region Stuttgart', type: 'government', country: 'DE', city: 'Stuttgart' } as const;
const ludwigsburg = { name: 'City of Ludwigsburg', type: 'city', country: 'DE', city: 'Ludwigsburg' } as const;
const commission = { name: 'European Commission, DG REGIO', type: 'government', country: 'BE', city: 'Brussels' } as const;
const liugong = { name: 'LiuGong Group', type: 'business', country: 'CN', city: 'Liuzhou' } as const;
const liuzhouGovernment = { name: 'Liuzhou Municipal Government', type: 'government', country: 'CN', city: 'Liuzhou' } as const;

export const people: Person[] = [
  // Barcelona
  {
    key: 'marta',
    givenName: 'Marta',
    familyName: 'Puig i Ferrer',
    email: 'marta.puig@example.org',
    jobTitle: 'Directora de Relacions Internacionals',
    preferredLanguage: 'ca',
    timezone: madrid,
    organisation: bcn,
    delegation: delegations.barcelona,
  },
  {
    key: 'jordi',
    givenName: 'Jordi',
    familyName: 'Casals Vidal',
    email: 'jordi.casals@example.org',
    jobTitle: 'Cap del programa Smart City',
    preferredLanguage: 'ca',
    timezone: madrid,
    organisation: bcn,
    delegation: delegations.barcelona,
  },
  {
    key: 'nuria',
    givenName: 'Núria',
    familyName: 'Soler Roca',
    email: 'nuria.soler@example.org',
    jobTitle: 'Responsable d’internacionalització',
    preferredLanguage: 'ca',
    timezone: madrid,
    organisation: { name: 'Barcelona Activa', type: 'government', country: 'ES', city: 'Barcelona' },
    delegation: delegations.barcelona,
  },
  {
    key: 'carlos',
    givenName: 'Carlos',
    familyName: 'Martínez López',
    email: 'carlos.martinez@example.org',
    jobTitle: 'Director general',
    preferredLanguage: 'es',
    timezone: madrid,
    organisation: { name: 'Sensórica Urbana S.L.', type: 'business', country: 'ES', city: 'Barcelona' },
    delegation: delegations.barcelona,
  },
  // Granada
  {
    key: 'lucia',
    givenName: 'Lucía',
    familyName: 'Fernández Ruiz',
    email: 'lucia.fernandez@example.org',
    jobTitle: 'Concejala de Innovación',
    preferredLanguage: 'es',
    timezone: madrid,
    organisation: granada,
    delegation: delegations.granada,
  },
  {
    key: 'javier',
    givenName: 'Javier',
    familyName: 'Morales García',
    email: 'javier.morales@example.org',
    jobTitle: 'Catedrático de Ingeniería Civil',
    preferredLanguage: 'es',
    timezone: madrid,
    organisation: { name: 'Universidad de Granada', type: 'research', country: 'ES', city: 'Granada' },
    delegation: delegations.granada,
  },
  {
    key: 'elena',
    givenName: 'Elena',
    familyName: 'Castillo Moreno',
    email: 'elena.castillo@example.org',
    jobTitle: 'Fundadora',
    preferredLanguage: 'es',
    timezone: madrid,
    organisation: { name: 'Patrimonio Inteligente S.L.', type: 'business', country: 'ES', city: 'Granada' },
    delegation: delegations.granada,
  },
  // Rome
  {
    key: 'giulia',
    givenName: 'Giulia',
    familyName: 'Rossi',
    email: 'giulia.rossi@example.org',
    jobTitle: 'Responsabile Relazioni Internazionali',
    preferredLanguage: 'it',
    timezone: romeZone,
    organisation: roma,
    delegation: delegations.rome,
  },
  {
    key: 'marco',
    givenName: 'Marco',
    familyName: 'Bianchi',
    email: 'marco.bianchi@example.org',
    jobTitle: 'Direttore Mobilità Sostenibile',
    preferredLanguage: 'it',
    timezone: romeZone,
    organisation: { name: 'Roma Servizi per la Mobilità', type: 'business', country: 'IT', city: 'Rome' },
    delegation: delegations.rome,
  },
  {
    key: 'francesca',
    givenName: 'Francesca',
    familyName: 'Romano',
    email: 'francesca.romano@example.org',
    jobTitle: 'Professoressa associata di Urbanistica',
    preferredLanguage: 'it',
    timezone: romeZone,
    organisation: { name: 'Sapienza Università di Roma', type: 'research', country: 'IT', city: 'Rome' },
    delegation: delegations.rome,
  },
  // Stuttgart Region, with Ludwigsburg's delegation travelling within it
  {
    key: 'katrin',
    givenName: 'Katrin',
    familyName: 'Schäfer',
    email: 'katrin.schaefer@example.org',
    jobTitle: 'Leiterin Europa und Internationales',
    preferredLanguage: 'de',
    timezone: berlin,
    organisation: vrs,
    delegation: delegations.stuttgart,
  },
  {
    key: 'thomas',
    givenName: 'Thomas',
    familyName: 'Weber',
    email: 'thomas.weber@example.org',
    jobTitle: 'Projektleiter Elektromobilität',
    preferredLanguage: 'de',
    timezone: berlin,
    organisation: { name: 'Wirtschaftsförderung Region Stuttgart GmbH', type: 'government', country: 'DE', city: 'Stuttgart' },
    delegation: delegations.stuttgart,
  },
  {
    key: 'markus',
    givenName: 'Markus',
    familyName: 'Braun',
    email: 'markus.braun@example.org',
    jobTitle: 'Wissenschaftlicher Mitarbeiter, Urban Data',
    preferredLanguage: 'de',
    timezone: berlin,
    organisation: { name: 'Fraunhofer IAO', type: 'research', country: 'DE', city: 'Stuttgart' },
    delegation: delegations.stuttgart,
  },
  {
    key: 'stefan',
    givenName: 'Stefan',
    familyName: 'Hoffmann',
    email: 'stefan.hoffmann@example.org',
    jobTitle: 'Referatsleiter Nachhaltige Stadtentwicklung',
    preferredLanguage: 'de',
    timezone: berlin,
    organisation: ludwigsburg,
    delegation: delegations.ludwigsburg,
  },
  {
    key: 'anna',
    givenName: 'Anna',
    familyName: 'Becker',
    email: 'anna.becker@example.org',
    jobTitle: 'Smart-City-Koordinatorin',
    preferredLanguage: 'de',
    timezone: berlin,
    organisation: ludwigsburg,
    delegation: delegations.ludwigsburg,
  },
  // EU staff
  {
    key: 'sophie',
    givenName: 'Sophie',
    familyName: 'Laurent',
    email: 'sophie.laurent@example.org',
    jobTitle: 'Policy Officer, International Relations',
    preferredLanguage: 'en',
    timezone: brussels,
    organisation: commission,
    delegation: delegations.eu,
  },
  {
    key: 'daniel',
    givenName: 'Daniel',
    familyName: 'Murphy',
    email: 'daniel.murphy@example.org',
    jobTitle: 'Team Leader, International Urban Cooperation',
    preferredLanguage: 'en',
    timezone: brussels,
    organisation: { name: 'International Urban and Regional Cooperation (IURC) programme', type: 'government', country: 'BE', city: 'Brussels' },
    delegation: delegations.eu,
  },
  // Chinese hosts and the organisations of the mission report
  {
    key: 'yangfan',
    givenName: '帆',
    familyName: '杨',
    email: 'yang.fan@example.cn',
    jobTitle: '国际合作处处长',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Chengdu Hi-tech Zone Administrative Committee', type: 'government', country: 'CN', city: 'Chengdu' },
    delegation: delegations.hosts,
  },
  {
    key: 'wangfang',
    givenName: '芳',
    familyName: '王',
    email: 'wang.fang@example.cn',
    jobTitle: '副市长',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: liuzhouGovernment,
    delegation: delegations.hosts,
  },
  {
    key: 'liuyang',
    givenName: '洋',
    familyName: '刘',
    email: 'liu.yang@example.cn',
    jobTitle: '局长',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Liuzhou Big Data Bureau', type: 'government', country: 'CN', city: 'Liuzhou' },
    delegation: delegations.hosts,
  },
  {
    key: 'chenjing',
    givenName: '静',
    familyName: '陈',
    email: 'chen.jing@example.cn',
    jobTitle: '副局长',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Liuzhou Bureau of Industry and Information Technology', type: 'government', country: 'CN', city: 'Liuzhou' },
    delegation: delegations.hosts,
  },
  {
    key: 'huanglei',
    givenName: '磊',
    familyName: '黄',
    email: 'huang.lei@example.cn',
    jobTitle: '国际交流科科长',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Liuzhou Education Bureau', type: 'government', country: 'CN', city: 'Liuzhou' },
    delegation: delegations.hosts,
  },
  {
    key: 'liqiang',
    givenName: '强',
    familyName: '李',
    email: 'li.qiang@example.cn',
    jobTitle: '管委会副主任',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Liudong New District', type: 'government', country: 'CN', city: 'Liuzhou' },
    delegation: delegations.hosts,
  },
  {
    key: 'weiming',
    givenName: '明',
    familyName: '韦',
    email: 'wei.ming@example.cn',
    jobTitle: '海外业务总监',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: liugong,
    delegation: delegations.hosts,
  },
  {
    key: 'moxiaodong',
    givenName: '晓东',
    familyName: '莫',
    email: 'mo.xiaodong@example.cn',
    jobTitle: '电动装载机产品经理',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: liugong,
    delegation: delegations.hosts,
  },
  {
    key: 'zhouting',
    givenName: '婷',
    familyName: '周',
    email: 'zhou.ting@example.cn',
    jobTitle: '工厂经理',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'UAES Liuzhou Plant', type: 'business', country: 'CN', city: 'Liuzhou' },
    delegation: delegations.hosts,
  },
  {
    key: 'qinhai',
    givenName: '海',
    familyName: '覃',
    email: 'qin.hai@example.cn',
    jobTitle: '国际合作处副处长',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Guangxi University of Science and Technology', type: 'research', country: 'CN', city: 'Liuzhou' },
    delegation: delegations.hosts,
  },
  {
    key: 'mengli',
    givenName: '丽',
    familyName: '蒙',
    email: 'meng.li@example.cn',
    jobTitle: '副院长',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Liuzhou Vocational & Technical College', type: 'education', country: 'CN', city: 'Liuzhou' },
    delegation: delegations.hosts,
  },
  {
    key: 'zhangwei',
    givenName: '伟',
    familyName: '张',
    email: 'zhang.wei@example.cn',
    jobTitle: '首席执行官',
    preferredLanguage: 'zh-CN',
    timezone: shanghai,
    organisation: { name: 'Hangzhou ShuliangTech', type: 'business', country: 'CN', city: 'Hangzhou' },
    delegation: delegations.hosts,
  },
];

/** The EU side of the mission: whom the programme's visits and the forum are for. */
export const travellers = people.filter((person) => person.delegation !== delegations.hosts).map((person) => person.key);

export interface Venue {
  key: string;
  name: string;
  address: string;
  city: 'Chengdu' | 'Liuzhou';
  coordinates?: { latitude: number; longitude: number };
}

export const venues: Venue[] = [
  {
    key: 'jingronghui',
    name: 'Jingronghui high-tech business incubation plaza',
    address: 'Tianfu Avenue, Chengdu Hi-tech Zone',
    city: 'Chengdu',
    coordinates: { latitude: 30.55, longitude: 104.07 },
  },
  { key: 'planningHall', name: 'Science City Planning Hall', address: 'Tianfu New Area Science City', city: 'Chengdu' },
  { key: 'xinglong', name: 'Xinglong Lake', address: 'Xinglong Lake, Tianfu New Area', city: 'Chengdu', coordinates: { latitude: 30.4, longitude: 104.08 } },
  { key: 'tsinghua', name: 'Chengdu Energy Internet Institute of Tsinghua University', address: 'Tianfu New Area', city: 'Chengdu' },
  {
    key: 'gief',
    name: 'Chengdu Century City New International Convention and Exhibition Centre',
    address: 'Century City Road, Chengdu Hi-tech Zone',
    city: 'Chengdu',
  },
  { key: 'liudong', name: 'Liudong New District', address: 'Liudong New District Administrative Committee', city: 'Liuzhou' },
  { key: 'northern', name: 'Northern Ecological District', address: 'Northern Ecological New District', city: 'Liuzhou' },
  { key: 'liuzhouCentre', name: 'Liuzhou International Convention and Exhibition Centre', address: 'Liudong New District', city: 'Liuzhou' },
  { key: 'cityHall', name: 'Liuzhou Municipal Government', address: '1 Sanzhong Road, Chengzhong District', city: 'Liuzhou' },
];

export const transferTime = { between: ['Chengdu', 'Liuzhou'] as [string, string], minutes: 270 };

const at = (dayAndTime: string) => `2019-06-${dayAndTime}:00+08:00`;

export interface Session {
  key: string;
  body: Record<string, unknown>;
  /** Venue by key (none for a transfer). */
  venue?: string;
  /** A room of the venue, by name (see `rooms`). */
  room?: string;
  /** The session that holds this one, by key: created before it. */
  parent?: string;
  /** Who the demo enrols (by person key). */
  enrol: string[];
}

/** Rooms of venues, by venue key. */
export const rooms: Record<string, { name: string; names?: Record<string, string>; capacity: number }[]> = {
  gief: [{ name: 'Forum hall', names: { 'zh-CN': '论坛厅' }, capacity: 300 }],
};

const hosts = (keys: string[]) => keys;
export const GIEF = 'Chengdu Global Innovation and Entrepreneurship Fair (GIEF)';
const panel = (title: string, starts: string, ends: string, moderator: string, panellists: string[]) => ({
  kind: 'panel_discussion',
  title,
  startsAt: at(starts),
  endsAt: at(ends),
  capacity: 200,
  languages: ['en', 'zh-CN'],
  interpretation: [
    { from: 'en', to: 'zh-CN' },
    { from: 'zh-CN', to: 'en' },
  ],
  speakers: [{ role: 'moderator', name: moderator }, ...panellists.map((name) => ({ role: 'panellist', name }))],
});

export const sessions: Session[] = [
  {
    key: 'jingronghui',
    venue: 'jingronghui',
    body: {
      kind: 'site_visit',
      title: 'Visit: Jingronghui high-tech business incubation plaza',
      startsAt: at('10T09:00'),
      endsAt: at('10T10:30'),
      capacity: 40,
      languages: ['zh-CN', 'en'],
      interpretation: [{ from: 'zh-CN', to: 'en' }],
    },
    enrol: travellers,
  },
  {
    key: 'planningHall',
    venue: 'planningHall',
    body: {
      kind: 'site_visit',
      title: 'Visit: Science City Planning Hall',
      startsAt: at('10T11:00'),
      endsAt: at('10T12:00'),
      capacity: 40,
      languages: ['zh-CN', 'en'],
      interpretation: [{ from: 'zh-CN', to: 'en' }],
    },
    enrol: travellers,
  },
  {
    key: 'xinglong',
    venue: 'xinglong',
    body: {
      kind: 'site_visit',
      title: 'Visit: Xinglong Lake',
      startsAt: at('10T14:00'),
      endsAt: at('10T15:00'),
      capacity: 40,
      languages: ['zh-CN', 'en'],
      interpretation: [{ from: 'zh-CN', to: 'en' }],
    },
    enrol: travellers,
  },
  {
    key: 'tsinghua',
    venue: 'tsinghua',
    body: {
      kind: 'site_visit',
      title: 'Visit: Chengdu Energy Internet Institute of Tsinghua University',
      startsAt: at('10T15:30'),
      endsAt: at('10T17:00'),
      capacity: 40,
      languages: ['zh-CN', 'en'],
      interpretation: [{ from: 'zh-CN', to: 'en' }],
    },
    enrol: travellers,
  },
  // The forum and its three panels: the forum spans the day in its hall (a room of the convention
  // centre) and holds the panels, each in the same room; being at the forum is being at its panels.
  {
    key: 'forum',
    venue: 'gief',
    room: 'Forum hall',
    body: {
      kind: 'side_event',
      title: 'EU-China forum on smart city and innovation',
      description: `A side event of the ${GIEF}: opening and keynotes, followed by three panels.`,
      hostEvent: GIEF,
      startsAt: at('11T09:00'),
      endsAt: at('11T15:30'),
      capacity: 300,
      languages: ['en', 'zh-CN'],
      interpretation: [
        { from: 'en', to: 'zh-CN' },
        { from: 'zh-CN', to: 'en' },
      ],
      speakers: [
        { role: 'speaker', name: 'Sophie Laurent' },
        { role: 'speaker', name: '杨帆' },
      ],
    },
    enrol: [...travellers, ...hosts(['yangfan', 'zhangwei'])],
  },
  {
    key: 'panel1',
    venue: 'gief',
    room: 'Forum hall',
    parent: 'forum',
    body: panel('Forum panel 1: Smart city governance and urban data', '11T10:00', '11T11:15', 'Daniel Murphy', ['Jordi Casals Vidal', 'Markus Braun', '张伟']),
    enrol: [...travellers, 'zhangwei'],
  },
  {
    key: 'panel2',
    venue: 'gief',
    room: 'Forum hall',
    parent: 'forum',
    body: panel('Forum panel 2: Innovation ecosystems, incubators and start-ups', '11T11:30', '11T12:45', 'Núria Soler Roca', [
      'Lucía Fernández Ruiz',
      'Thomas Weber',
      '杨帆',
    ]),
    enrol: [...travellers, 'yangfan'],
  },
  {
    key: 'panel3',
    venue: 'gief',
    room: 'Forum hall',
    parent: 'forum',
    body: panel('Forum panel 3: Green mobility and low-carbon urban development', '11T14:00', '11T15:30', 'Katrin Schäfer', [
      'Marco Bianchi',
      'Francesca Romano',
      'Stefan Hoffmann',
    ]),
    enrol: travellers,
  },
  {
    key: 'transfer',
    body: {
      kind: 'transfer',
      title: 'Flight from Chengdu to Liuzhou',
      route: { from: 'Chengdu', to: 'Liuzhou' },
      startsAt: at('12T08:30'),
      endsAt: at('12T13:00'),
      languages: ['en'],
    },
    enrol: travellers,
  },
  {
    key: 'liudong',
    venue: 'liudong',
    body: {
      kind: 'site_visit',
      title: 'Field visit: Liudong New District (LiuGong Group, UAES Liuzhou Plant)',
      startsAt: at('12T15:00'),
      endsAt: at('12T18:00'),
      capacity: 40,
      languages: ['zh-CN', 'en'],
      interpretation: [{ from: 'zh-CN', to: 'en' }],
    },
    enrol: [...travellers, 'liqiang', 'weiming', 'zhouting'],
  },
  {
    key: 'northern',
    venue: 'northern',
    body: {
      kind: 'site_visit',
      title: 'Field visit: Northern Ecological District',
      startsAt: at('13T09:00'),
      endsAt: at('13T11:30'),
      capacity: 40,
      languages: ['zh-CN', 'en'],
      interpretation: [{ from: 'zh-CN', to: 'en' }],
    },
    enrol: travellers,
  },
  {
    key: 'matchmaking',
    venue: 'liuzhouCentre',
    body: {
      kind: 'b2b_meeting_block',
      title: 'EU-China matchmaking: smart city, industry and education',
      startsAt: at('13T14:00'),
      endsAt: at('13T18:00'),
      languages: ['en', 'zh-CN'],
    },
    enrol: [],
  },
  {
    key: 'signing',
    venue: 'cityHall',
    body: {
      kind: 'signing_ceremony',
      title: 'Signing of the memoranda of understanding',
      startsAt: at('14T10:00'),
      endsAt: at('14T11:30'),
      languages: ['zh-CN', 'en'],
      interpretation: [{ from: 'zh-CN', to: 'en' }],
    },
    enrol: [...travellers, 'wangfang', 'liuyang', 'liqiang', 'qinhai'],
  },
];

export const meetingBlock = {
  session: 'matchmaking',
  slotMinutes: 30,
  tables: 12,
  breaks: [{ startsAt: at('13T16:00'), endsAt: at('13T16:30') }],
};

export const profiles: Record<string, { offers: string; seeks: string; themes: string[]; sectors: string[]; languages: string[] }> = {
  marta: {
    offers: 'Barcelona’s open data and urban platform (Sentilo) experience',
    seeks: 'Partners for an urban data platform pilot in Liuzhou',
    themes: ['urban data', 'smart city'],
    sectors: ['public administration'],
    languages: ['ca', 'es', 'en'],
  },
  jordi: {
    offers: 'Smart lighting and sensor networks run by the city',
    seeks: 'Manufacturers of electric construction machinery for urban works',
    themes: ['smart city', 'e-mobility'],
    sectors: ['public works'],
    languages: ['ca', 'es', 'en'],
  },
  carlos: {
    offers: 'Low-cost air-quality and noise sensors',
    seeks: 'Data platform partners in China',
    themes: ['urban data'],
    sectors: ['sensors'],
    languages: ['es', 'en'],
  },
  lucia: {
    offers: 'Smart tourism and heritage management in Granada',
    seeks: 'Twinning with Liuzhou on green and liveable districts',
    themes: ['smart city', 'green development'],
    sectors: ['public administration'],
    languages: ['es', 'en'],
  },
  javier: {
    offers: 'Research on resilient infrastructure',
    seeks: 'University partners for joint research and exchanges',
    themes: ['innovation'],
    sectors: ['research'],
    languages: ['es', 'en'],
  },
  elena: {
    offers: 'Digital twins of historic centres',
    seeks: 'Data analytics partners',
    themes: ['urban data'],
    sectors: ['software'],
    languages: ['es', 'en'],
  },
  giulia: {
    offers: 'Rome’s experience with vocational training for city services',
    seeks: 'Vocational colleges for student and teacher exchanges',
    themes: ['innovation'],
    sectors: ['education'],
    languages: ['it', 'en'],
  },
  katrin: {
    offers: 'The Stuttgart Region’s automotive cluster and e-mobility programmes',
    seeks: 'Automotive suppliers in Liuzhou for cluster cooperation',
    themes: ['e-mobility'],
    sectors: ['automotive'],
    languages: ['de', 'en'],
  },
  markus: {
    offers: 'Applied research on urban data and mobility',
    seeks: 'Big data companies for joint pilots',
    themes: ['urban data', 'e-mobility'],
    sectors: ['research'],
    languages: ['de', 'en'],
  },
  stefan: {
    offers: 'Ludwigsburg’s smart district and e-mobility plans',
    seeks: 'A new district in Liuzhou to pilot them with',
    themes: ['smart city', 'e-mobility', 'green development'],
    sectors: ['public administration'],
    languages: ['de', 'en'],
  },
  sophie: {
    offers: 'EU support for city-to-city cooperation (IURC)',
    seeks: 'Host cities for Urban Cooperative Action Plans',
    themes: ['smart city'],
    sectors: ['public administration'],
    languages: ['en', 'fr'],
  },
  wangfang: {
    offers: 'Liuzhou’s cooperation with European cities',
    seeks: 'European partner cities for smart city pilots',
    themes: ['smart city', 'green development'],
    sectors: ['public administration'],
    languages: ['zh-CN'],
  },
  liuyang: {
    offers: 'Liuzhou’s city data and the Big Data Bureau’s projects',
    seeks: 'European experience with urban data platforms',
    themes: ['urban data', 'smart city'],
    sectors: ['public administration'],
    languages: ['zh-CN', 'en'],
  },
  liqiang: {
    offers: 'Land and support for pilots in a new district',
    seeks: 'European smart district and e-mobility know-how',
    themes: ['smart city', 'e-mobility'],
    sectors: ['public administration'],
    languages: ['zh-CN'],
  },
  weiming: {
    offers: 'Electric loaders and excavators',
    seeks: 'European cities to pilot electric construction machinery',
    themes: ['e-mobility'],
    sectors: ['machinery'],
    languages: ['zh-CN', 'en'],
  },
  zhouting: {
    offers: 'Powertrain electronics made in Liuzhou',
    seeks: 'Automotive cluster partners in Germany',
    themes: ['e-mobility'],
    sectors: ['automotive'],
    languages: ['zh-CN', 'de'],
  },
  qinhai: {
    offers: 'Engineering faculties and laboratories',
    seeks: 'European universities for joint research',
    themes: ['innovation'],
    sectors: ['research'],
    languages: ['zh-CN', 'en'],
  },
  mengli: {
    offers: 'Vocational training for the automotive industry',
    seeks: 'Exchanges with European vocational schools',
    themes: ['innovation'],
    sectors: ['education'],
    languages: ['zh-CN'],
  },
  zhangwei: {
    offers: 'Big data analytics for city governments',
    seeks: 'European partners and pilot cities',
    themes: ['urban data'],
    sectors: ['software'],
    languages: ['zh-CN', 'en'],
  },
};

export interface MeetingWish {
  requester: string;
  invitee: string;
  priority: number;
  message: string;
  /** The organisers propose it between the two, rather than the requester asking. */
  proposedByOrganiser?: boolean;
  /** A group meeting: who comes with the requester and with the invitee (who lead their sides). */
  team?: { requester: string[]; invitee: string[] };
  /** The MoU it led to, by title: the organisers record it with the outcome. */
  mou?: string;
}

/** Meeting requests: the requester asks (with their own token), the invitee accepts (for their side, in a group meeting). */
export const meetings: MeetingWish[] = [
  {
    requester: 'marta',
    invitee: 'liuyang',
    priority: 5,
    message: 'An urban data platform pilot for Liuzhou, on Barcelona’s experience?',
    mou: 'Cooperation on urban data platforms between Barcelona and Liuzhou',
  },
  {
    requester: 'jordi',
    invitee: 'weiming',
    priority: 4,
    message: 'Electric loaders for Barcelona’s public works? Our public works and innovation people would like to meet your team.',
    team: { requester: ['nuria', 'carlos'], invitee: ['moxiaodong'] },
  },
  { requester: 'carlos', invitee: 'zhangwei', priority: 3, message: 'Our sensors and your analytics?' },
  { requester: 'katrin', invitee: 'zhouting', priority: 5, message: 'Cooperation between our automotive clusters' },
  {
    requester: 'stefan',
    invitee: 'liqiang',
    priority: 5,
    message: 'A smart district partnership between Ludwigsburg and Liudong',
    mou: 'Smart district and e-mobility partnership between Ludwigsburg, the Stuttgart Region and Liudong New District',
  },
  { requester: 'markus', invitee: 'zhangwei', priority: 4, message: 'Joint research on mobility data' },
  { requester: 'giulia', invitee: 'mengli', priority: 4, message: 'Exchanges between our vocational schools' },
  {
    requester: 'javier',
    invitee: 'qinhai',
    priority: 4,
    message: 'A research agreement between our universities',
    mou: 'Research and training cooperation between the Universidad de Granada and Guangxi University of Science and Technology',
  },
  { requester: 'lucia', invitee: 'wangfang', priority: 3, message: 'Granada and Liuzhou: green and liveable districts' },
  { requester: 'elena', invitee: 'zhangwei', priority: 2, message: 'Digital twins and data analytics' },
  { requester: 'sophie', invitee: 'wangfang', priority: 5, message: 'Urban Cooperative Action Plans with Liuzhou', proposedByOrganiser: true },
];

/** Time a participant declared they cannot meet. */
export const unavailability = [{ person: 'katrin', startsAt: at('13T14:00'), endsAt: at('13T15:00'), note: 'Call with the Stuttgart Region' }];

export interface Mou {
  title: string;
  summary: Record<string, string>;
  themes: string[];
  parties: { name: string; kind: 'city' | 'government_body' | 'business' | 'research' | 'education'; country: string; city?: string }[];
  signatories: { name: string; title: string; party: string }[];
  /** The status the demo brings it to. */
  status: 'negotiating' | 'in_force';
  entryIntoForceOn?: string;
  /** After today, or none: the registry lets an MoU expire by itself the day after, and the demo's would be found expired. */
  expiresOn?: string;
  text: string;
  pilotProjects: { title: string; leadParty: string; budget?: { amount: number; currency: string }; status: 'planned' | 'running' | 'completed' }[];
  milestones: { title: string; dueOn: string; pilotProject?: string; owner: string; completed: boolean }[];
}

const liuzhouBigData = { name: 'Liuzhou Big Data Bureau', kind: 'government_body', country: 'CN', city: 'Liuzhou' } as const;
const liudong = { name: 'Liudong New District', kind: 'government_body', country: 'CN', city: 'Liuzhou' } as const;

export const mous: Mou[] = [
  {
    title: 'Cooperation on urban data platforms between Barcelona and Liuzhou',
    summary: {
      en: 'Barcelona and Liuzhou share their experience of urban data platforms and pilot open city data in Liuzhou.',
      ca: 'Barcelona i Liuzhou comparteixen la seva experiència en plataformes de dades urbanes.',
      'zh-CN': '巴塞罗那与柳州分享城市数据平台经验，并在柳州试点开放城市数据。',
    },
    themes: ['urban data', 'smart city'],
    parties: [{ name: 'Ajuntament de Barcelona', kind: 'city', country: 'ES', city: 'Barcelona' }, liuzhouBigData],
    signatories: [
      { name: 'Marta Puig i Ferrer', title: 'Directora de Relacions Internacionals', party: 'Ajuntament de Barcelona' },
      { name: '刘洋', title: '局长', party: 'Liuzhou Big Data Bureau' },
    ],
    status: 'in_force',
    entryIntoForceOn: '2019-07-01',
    expiresOn: '2029-06-30',
    text: 'Memorandum of understanding on cooperation on urban data platforms between the Ajuntament de Barcelona and the Liuzhou Big Data Bureau.',
    pilotProjects: [
      { title: 'Liuzhou open city data portal', leadParty: 'Liuzhou Big Data Bureau', budget: { amount: 1_200_000, currency: 'CNY' }, status: 'running' },
    ],
    milestones: [
      {
        title: 'Data inventory of the city’s departments',
        dueOn: '2019-10-31',
        pilotProject: 'Liuzhou open city data portal',
        owner: 'liuyang',
        completed: true,
      },
      { title: 'Portal open to the public', dueOn: '2020-06-30', pilotProject: 'Liuzhou open city data portal', owner: 'liuyang', completed: false },
    ],
  },
  {
    title: 'Smart district and e-mobility partnership between Ludwigsburg, the Stuttgart Region and Liudong New District',
    summary: {
      en: 'Ludwigsburg and the Stuttgart Region work with Liudong New District on a smart district and electric mobility.',
      de: 'Ludwigsburg und die Region Stuttgart arbeiten mit dem Neuen Bezirk Liudong an einem intelligenten Quartier und an Elektromobilität.',
      'zh-CN': '路德维希堡与斯图加特地区同柳东新区合作建设智慧城区和发展电动出行。',
    },
    themes: ['smart city', 'e-mobility'],
    parties: [
      { name: 'City of Ludwigsburg', kind: 'city', country: 'DE', city: 'Ludwigsburg' },
      { name: 'Verband Region Stuttgart', kind: 'government_body', country: 'DE', city: 'Stuttgart' },
      liudong,
    ],
    signatories: [
      { name: 'Stefan Hoffmann', title: 'Referatsleiter Nachhaltige Stadtentwicklung', party: 'City of Ludwigsburg' },
      { name: 'Katrin Schäfer', title: 'Leiterin Europa und Internationales', party: 'Verband Region Stuttgart' },
      { name: '李强', title: '管委会副主任', party: 'Liudong New District' },
    ],
    status: 'in_force',
    entryIntoForceOn: '2019-07-01',
    text: 'Memorandum of understanding on a smart district and e-mobility partnership between the City of Ludwigsburg, the Verband Region Stuttgart and Liudong New District.',
    pilotProjects: [
      { title: 'Electric bus depot with smart charging', leadParty: 'Liudong New District', budget: { amount: 2_500_000, currency: 'CNY' }, status: 'running' },
      {
        title: 'Smart street lighting in a Liudong neighbourhood',
        leadParty: 'City of Ludwigsburg',
        budget: { amount: 250_000, currency: 'EUR' },
        status: 'planned',
      },
    ],
    milestones: [
      {
        title: 'Feasibility study of the depot',
        dueOn: '2019-12-01',
        pilotProject: 'Electric bus depot with smart charging',
        owner: 'liqiang',
        completed: true,
      },
      {
        title: 'Lighting specification agreed',
        dueOn: '2020-03-31',
        pilotProject: 'Smart street lighting in a Liudong neighbourhood',
        owner: 'anna',
        completed: true,
      },
      { title: 'Depot in service', dueOn: '2020-12-31', pilotProject: 'Electric bus depot with smart charging', owner: 'liqiang', completed: false },
    ],
  },
  {
    title: 'Research and training cooperation between the Universidad de Granada and Guangxi University of Science and Technology',
    summary: {
      en: 'Joint research on resilient urban infrastructure, and exchanges of students and staff.',
      es: 'Investigación conjunta en infraestructuras urbanas resilientes e intercambio de estudiantes y personal.',
      'zh-CN': '联合开展韧性城市基础设施研究，并开展师生交流。',
    },
    themes: ['innovation'],
    parties: [
      { name: 'Universidad de Granada', kind: 'research', country: 'ES', city: 'Granada' },
      { name: 'Guangxi University of Science and Technology', kind: 'education', country: 'CN', city: 'Liuzhou' },
    ],
    signatories: [
      { name: 'Javier Morales García', title: 'Catedrático de Ingeniería Civil', party: 'Universidad de Granada' },
      { name: '覃海', title: '国际合作处副处长', party: 'Guangxi University of Science and Technology' },
    ],
    status: 'in_force',
    entryIntoForceOn: '2019-09-01',
    expiresOn: '2029-08-31',
    text: 'Memorandum of understanding on research and training cooperation between the Universidad de Granada and Guangxi University of Science and Technology.',
    pilotProjects: [
      {
        title: 'Joint summer school on smart and resilient cities',
        leadParty: 'Guangxi University of Science and Technology',
        budget: { amount: 60_000, currency: 'EUR' },
        status: 'completed',
      },
    ],
    milestones: [
      {
        title: 'First summer school held in Liuzhou',
        dueOn: '2020-08-31',
        pilotProject: 'Joint summer school on smart and resilient cities',
        owner: 'qinhai',
        completed: true,
      },
    ],
  },
  {
    title: 'Vocational education exchanges between Roma Capitale and Liuzhou',
    summary: {
      en: 'Exchanges of students and teachers between Rome’s vocational schools and the Liuzhou Vocational & Technical College.',
      it: 'Scambi di studenti e docenti tra le scuole professionali di Roma e il Liuzhou Vocational & Technical College.',
    },
    themes: ['innovation'],
    parties: [
      { name: 'Roma Capitale', kind: 'city', country: 'IT', city: 'Rome' },
      { name: 'Liuzhou Vocational & Technical College', kind: 'education', country: 'CN', city: 'Liuzhou' },
    ],
    signatories: [],
    status: 'negotiating',
    text: 'Draft memorandum of understanding on vocational education exchanges between Roma Capitale and the Liuzhou Vocational & Technical College.',
    pilotProjects: [],
    milestones: [],
  },
];

/** Where and when the MoUs that the demo brings into force were signed. */
export const signing = { signedOn: '2019-06-14', signedPlace: 'Liuzhou' };

export interface ActionPlan {
  title: string;
  body: Record<string, unknown>;
  /** Authors by person key, with their role. */
  authors: { person: string; role: 'city_representative' | 'cluster_manager' | 'other' }[];
  pilotProjects: {
    title: string;
    /** The MoU it carries out, by title; none for a project of the plan alone. */
    mou?: string;
    responsible: string;
    body: Record<string, unknown>;
    indicators: { name: string; unit: string; baseline: number; target: number; reports: { value: number; asOf: string; note?: string }[] }[];
  }[];
  milestones: { title: string; dueOn: string; pilotProject?: string; owner: string; completed: boolean }[];
  /** The status the demo brings it to. */
  status: 'draft' | 'submitted' | 'approved' | 'in_implementation';
}

/** The Urban Cooperative Action Plan that followed the mission: Ludwigsburg and Liuzhou, one pilot project carrying out their MoU, one of the plan alone. */
export const actionPlan: ActionPlan = {
  title: 'UCAP Ludwigsburg – Liuzhou: a smart and low-carbon district',
  body: {
    scope: 'city_pair',
    cities: [
      { name: 'Ludwigsburg', country: 'DE' },
      { name: 'Liuzhou', country: 'CN' },
    ],
    theme: 'green development',
    summary: 'Ludwigsburg and Liuzhou pilot electric mobility and energy-efficient buildings in Liudong New District.',
    visibility: 'public',
  },
  authors: [
    { person: 'stefan', role: 'city_representative' },
    { person: 'liqiang', role: 'city_representative' },
    { person: 'daniel', role: 'cluster_manager' },
  ],
  pilotProjects: [
    {
      title: 'E-mobility living lab in Liudong New District',
      mou: 'Smart district and e-mobility partnership between Ludwigsburg, the Stuttgart Region and Liudong New District',
      responsible: 'liqiang',
      body: {
        leadParty: 'Liudong New District',
        partners: ['City of Ludwigsburg', 'Verband Region Stuttgart'],
        means: 'Charging points, shared electric vehicles and a mobility data platform; staff exchanges between the two cities.',
        budget: { amount: 3_000_000, currency: 'CNY' },
        budgetSources: [
          { source: 'Liudong New District', amount: 2_000_000 },
          { source: 'IURC programme', amount: 500_000 },
        ],
        status: 'running',
      },
      indicators: [
        {
          name: 'Public charging points',
          unit: 'charging points',
          baseline: 0,
          target: 200,
          reports: [{ value: 60, asOf: '2020-06-30', note: 'First phase built' }],
        },
        { name: 'Electric share of new vehicles', unit: '%', baseline: 5, target: 30, reports: [{ value: 12, asOf: '2020-06-30' }] },
      ],
    },
    {
      title: 'Energy-efficient retrofit of a Liudong school',
      responsible: 'anna',
      body: {
        leadParty: 'City of Ludwigsburg',
        partners: ['Liudong New District', 'Liuzhou Education Bureau'],
        means: 'Ludwigsburg’s retrofit standards, an energy audit and the retrofit works.',
        budget: { amount: 400_000, currency: 'EUR' },
        status: 'planned',
      },
      indicators: [
        { name: 'Energy use of the school', unit: 'MWh/year', baseline: 1200, target: 800, reports: [{ value: 1150, asOf: '2020-06-30', note: 'Audit done' }] },
      ],
    },
  ],
  milestones: [
    { title: 'Living lab opened', dueOn: '2020-03-31', pilotProject: 'E-mobility living lab in Liudong New District', owner: 'liqiang', completed: true },
    { title: 'Retrofit works tendered', dueOn: '2020-12-31', pilotProject: 'Energy-efficient retrofit of a Liudong school', owner: 'anna', completed: false },
  ],
  status: 'in_implementation',
};
