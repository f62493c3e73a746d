import type { DirectoryEntry } from './participants.repository.js';

/** A participant as the directory keeps them, for unit tests: Ana from Barcelona unless told otherwise. */
export function directoryEntry(overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return {
    registrationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    missionId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    status: 'confirmed',
    email: 'ana.garcia@example.org',
    givenName: 'Ana',
    familyName: 'García',
    jobTitle: 'Head of international relations',
    preferredLanguage: 'en',
    timezone: 'Europe/Madrid',
    organisation: { name: 'Ajuntament de Barcelona', type: 'city', country: 'ES' },
    delegation: 'Barcelona',
    mission: { code: 'CN-2019', title: 'Smart cities mission to Chengdu', startsOn: '2019-06-09', endsOn: '2019-06-15', timezone: 'Asia/Shanghai' },
    ...overrides,
  };
}

/** Li Wei from Chengdu, who reads Chinese. */
export function chineseEntry(overrides: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return directoryEntry({
    registrationId: '5a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    email: 'li.wei@example.cn',
    givenName: '伟',
    familyName: '李',
    jobTitle: '主任',
    preferredLanguage: 'zh-CN',
    timezone: 'Asia/Shanghai',
    organisation: { name: '成都高新区', type: 'government', country: 'CN' },
    delegation: 'Chengdu',
    ...overrides,
  });
}
