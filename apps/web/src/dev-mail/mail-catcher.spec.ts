import nodemailer from 'nodemailer';
import { mailCatcherUrl } from './dev-mail.config.js';
import { MailCatcher } from './mail-catcher.js';

describe('the development mail catcher', () => {
  it('keeps what it is sent over SMTP, newest first, parsed', async () => {
    const catcher = new MailCatcher(2);
    const port = await catcher.listen('smtp://127.0.0.1:0');
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      for (const n of [1, 2, 3]) {
        await transport.sendMail({
          from: 'no-reply@mission-hub.local',
          to: `delegate${n}@example.org`,
          subject: `Mail ${n}`,
          text: 'Hello',
          html: '<p>Hello</p>',
        });
      }
      expect(catcher.messages.map((mail) => [mail.subject, mail.to])).toEqual([
        ['Mail 3', ['delegate3@example.org']],
        ['Mail 2', ['delegate2@example.org']],
      ]);
      expect(catcher.messages[0]).toMatchObject({ text: 'Hello', html: '<p>Hello</p>' });
    } finally {
      await catcher.close();
    }
  });

  it('runs only when configured, and never in production', () => {
    expect(mailCatcherUrl({})).toBeNull();
    expect(mailCatcherUrl({ MAIL_CATCHER_URL: 'smtp://127.0.0.1:1025' })).toBe('smtp://127.0.0.1:1025');
    expect(() => mailCatcherUrl({ MAIL_CATCHER_URL: 'smtp://127.0.0.1:1025', NODE_ENV: 'production' })).toThrow(/development only/);
  });
});
