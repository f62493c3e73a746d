import type { EventData } from '#contracts';
import { chineseEntry, directoryEntry } from '../participants/directory-entry.fixture.js';
import { composeMeetingMail, meetingMailParties } from './meeting.mail.js';

const ana = directoryEntry();
const li = chineseEntry();

function meeting(overrides: Partial<EventData<'meeting.requested'>> = {}): EventData<'meeting.requested'> {
  return {
    meetingId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    missionId: ana.missionId,
    requesterId: ana.registrationId,
    inviteeId: li.registrationId,
    priority: 2,
    message: 'We would like to talk about e-bus fleets.',
    slot: null,
    ...overrides,
  };
}

describe('meetingMailParties', () => {
  it('tells the invitee of a request, and the requester of its answer', () => {
    const m = meeting();
    expect(meetingMailParties('meeting.requested', m)).toEqual({ kind: 'requested', recipientId: li.registrationId, counterpartId: ana.registrationId });
    expect(meetingMailParties('meeting.accepted', m)).toEqual({ kind: 'accepted', recipientId: ana.registrationId, counterpartId: li.registrationId });
    expect(meetingMailParties('meeting.declined', m)).toEqual({ kind: 'declined', recipientId: ana.registrationId, counterpartId: li.registrationId });
  });
});

describe('composeMeetingMail', () => {
  it('tells the invitee in Chinese who asks, from which organisation, with the message', () => {
    const mail = composeMeetingMail('meeting.requested', meeting(), li, ana);
    expect(mail).toMatchObject({ template: 'meeting.requested', language: 'zh', to: { address: 'li.wei@example.cn' } });
    expect(mail.subject).toBe('Ana García希望在Smart cities mission to Chengdu期间与您会面');
    expect(mail.text).toContain('尊敬的李伟：');
    expect(mail.text).toContain('Ana García（Ajuntament de Barcelona，Head of international relations，ES）');
    expect(mail.text).toContain('对方留言：“We would like to talk about e-bus fleets.”');
  });

  it('tells the requester in English that the invitee accepted, naming a Chinese name family name first', () => {
    const mail = composeMeetingMail('meeting.accepted', meeting(), ana, li);
    expect(mail).toMatchObject({ template: 'meeting.accepted', language: 'en', to: { address: 'ana.garcia@example.org' } });
    expect(mail.subject).toBe('李伟 has accepted your meeting request');
    expect(mail.text).toContain('李伟 (主任, 成都高新区, CN) has accepted your request');
    expect(mail.text).toContain('Your message: “We would like to talk about e-bus fleets.”');
  });

  it('tells the requester that the invitee declined, without a message line when there was none', () => {
    const mail = composeMeetingMail('meeting.declined', meeting({ message: undefined }), ana, li);
    expect(mail.subject).toBe('李伟 has declined your meeting request');
    expect(mail.text).not.toContain('message');
    const zh = composeMeetingMail('meeting.declined', meeting({ message: '  ' }), li, ana);
    expect(zh.subject).toBe('Ana García已拒绝您的会谈请求');
    expect(zh.text).not.toContain('留言');
  });

  it('speaks of “a participant” when the directory does not know the counterpart (any more)', () => {
    expect(composeMeetingMail('meeting.requested', meeting(), ana, null).text).toContain('A participant would like to meet you');
    expect(composeMeetingMail('meeting.accepted', meeting(), li, null).subject).toBe('一位参会者已接受您的会谈请求');
  });

  it('escapes the message in the HTML body', () => {
    const mail = composeMeetingMail('meeting.requested', meeting({ message: '<img src=x onerror=alert(1)>' }), li, ana);
    expect(mail.html).not.toContain('<img');
  });
});
