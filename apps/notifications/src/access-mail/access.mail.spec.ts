import { chineseEntry, directoryEntry } from '../participants/directory-entry.fixture.js';
import { composeAccessMail } from './access.mail.js';

describe('composeAccessMail', () => {
  it('sends a participant who asked for it their sign-in link, in English, leaving the link to the sending', () => {
    const mail = composeAccessMail('participant.access_link_requested', directoryEntry(), 14);
    expect(mail).toMatchObject({ template: 'participant.link_requested', language: 'en', to: { address: 'ana.garcia@example.org' } });
    expect(mail.subject).toBe('Your sign-in link for Smart cities mission to Chengdu');
    expect(mail.text).toContain('Sign in to manage your registration: {{sign-in-link}}');
    expect(mail.text).toContain('valid for 14 days');
    expect(mail.html).toContain('{{sign-in-link}}');
  });

  it('says that access was revoked, in Chinese', () => {
    const mail = composeAccessMail('participant.access_revoked', chineseEntry(), 14);
    expect(mail).toMatchObject({ template: 'participant.access_revoked', language: 'zh' });
    expect(mail.text).toContain('尊敬的李伟：');
    expect(mail.text).toContain('已被撤销');
    expect(mail.text).toContain('登录以管理您的报名：{{sign-in-link}}');
  });
});
