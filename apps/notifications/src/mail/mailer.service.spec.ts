import { createTransport } from 'nodemailer';
import { messageOf, type OutgoingMail } from './mailer.service.js';
import { CAUSE_EVENT_HEADER, deriveMessageId } from './message-id.js';

const eventId = '6b0e1a52-8a5e-4c1b-9d57-3f1e2a7c9b10';
const mail: OutgoingMail = {
  messageId: deriveMessageId(eventId, 'zoe@example.org'),
  causeEventId: eventId,
  from: 'Mission Hub <noreply@mission-hub.example>',
  to: { name: 'Zoë Müller', address: 'zoe@example.org' },
  subject: 'Inscription confirmée – Lyon',
  text: 'Bonjour Zoë',
  html: '<p>Bonjour Zoë</p>',
  date: '2026-11-29T00:15:00.000Z',
};

/** What nodemailer puts on the wire for `mail` as MailerService.send hands it over (a stream transport keeps it instead of sending it). */
async function rendered(mail: OutgoingMail) {
  const info = await createTransport({ streamTransport: true, buffer: true }).sendMail(messageOf(mail));
  return { envelope: info.envelope, raw: info.message as Buffer };
}

describe('the message MailerService.send renders', () => {
  it('carries the derived Message-ID, the cause event and its time, so a re-sent copy is the same message', async () => {
    const composed = await rendered(mail);
    // Unfolded: a long header (the Message-ID) goes on over more lines.
    const headers = composed.raw
      .toString('utf8')
      .split('\r\n\r\n')[0]!
      .replace(/\r\n[ \t]+/g, ' ');
    expect(headers).toContain(`Message-ID: ${mail.messageId}`);
    expect(headers).toContain(`${CAUSE_EVENT_HEADER}: ${eventId}`);
    expect(headers).toContain('Date: Sun, 29 Nov 2026 00:15:00 +0000');
  });

  it('is addressed, on the envelope too, to the recipient only, from the sender address', async () => {
    const composed = await rendered(mail);
    expect(composed.envelope).toEqual({ from: 'noreply@mission-hub.example', to: ['zoe@example.org'] });
    expect(composed.raw.toString('utf8')).toMatch(/^To: .*<zoe@example\.org>$/m);
  });

  it('goes out as rendered: nodemailer adds no header of its own', async () => {
    const composed = await rendered(mail);
    const names = composed.raw
      .toString('utf8')
      .split('\r\n\r\n')[0]!
      .split('\r\n')
      .filter((line) => !/^[ \t]/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')));
    expect(names).toEqual(['From', 'To', 'Subject', 'Date', 'Message-ID', CAUSE_EVENT_HEADER, 'MIME-Version', 'Content-Type']);
  });
});
