import { composeBroadcast } from './broadcast.mail.js';

const text = { subject: 'The coach leaves at 7:30', body: 'The coach to Liuzhou leaves at 7:30, not 8:00.\n\nPlease be in the lobby <by 7:20>.' };

describe('composeBroadcast', () => {
  it('frames the organiser’s words in the recipient’s language, with their sign-in link left to the sending', () => {
    const mail = composeBroadcast(text, { givenName: 'Jordi', familyName: 'Puig', email: 'jordi@example.cat' }, 'ca', 'Smart cities mission');
    expect(mail.subject).toBe('The coach leaves at 7:30 (Smart cities mission)');
    expect(mail.language).toBe('ca');
    expect(mail.template).toBe('broadcast');
    expect(mail.text).toContain('Benvolgut/uda Jordi Puig:');
    expect(mail.text).toContain('Un missatge de l’organització de Smart cities mission:');
    expect(mail.text).toContain('The coach to Liuzhou leaves at 7:30, not 8:00.\n\nPlease be in the lobby <by 7:20>.');
    expect(mail.text).toContain('{{sign-in-link}}');
    // What the organiser typed is escaped in the HTML.
    expect(mail.html).toContain('&lt;by 7:20&gt;');
  });

  it('writes a Chinese name family name first', () => {
    const mail = composeBroadcast(text, { givenName: '伟', familyName: '李', email: 'li@example.cn' }, 'zh', '成都');
    expect(mail.text).toContain('李伟');
    expect(mail.to).toEqual({ name: '伟 李', address: 'li@example.cn' });
  });

  it('keeps an organiser’s braces and apostrophes as they are (never parsed as a message)', () => {
    const mail = composeBroadcast({ subject: "Don't {forget}", body: "It's {tomorrow}" }, { givenName: 'A', familyName: 'B', email: 'a@b.c' }, 'en', 'M');
    expect(mail.subject).toBe("Don't {forget} (M)");
    expect(mail.text).toContain("It's {tomorrow}");
  });
});
