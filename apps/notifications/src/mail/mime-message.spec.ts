import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { OutgoingMail } from './mailer.service.js';
import { CAUSE_EVENT_HEADER, deriveMessageId } from './message-id.js';
import { renderMime } from './mime-message.js';

const eventId = '6b0e1a52-8a5e-4c1b-9d57-3f1e2a7c9b10';

function mailTo(to: OutgoingMail['to'], more: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    messageId: deriveMessageId(eventId, to.address),
    causeEventId: eventId,
    from: 'Mission Hub <noreply@mission-hub.example>',
    to,
    subject: 'Registration confirmed',
    text: 'Hello\nSee you in Lyon.\n',
    html: '<p>Hello</p>\n<p>See you in Lyon.</p>\n',
    date: '2026-11-29T00:15:00.000Z',
    ...more,
  };
}

/** The message as a recipient's mail program reads it. */
function read(mail: OutgoingMail): Promise<ParsedMail> {
  return simpleParser(renderMime(mail).raw);
}

function only(address: AddressObject | AddressObject[] | undefined) {
  return [address ?? []].flat().flatMap((entry) => entry.value);
}

/** The header block, one header a line (folding undone). */
function headersOf(raw: Buffer): string[] {
  return raw
    .toString('latin1')
    .split('\r\n\r\n')[0]!
    .split(/\r\n(?![ \t])/);
}

const catalan = 'La vostra inscripció a la sessió «Cooperació entre ciutats: l’aigua i l’energia» a Barcelona ha estat confirmada';
const cases: { language: string; to: OutgoingMail['to']; subject: string; from?: string; fromName?: string }[] = [
  {
    language: 'Chinese',
    to: { name: '王伟', address: 'wang.wei@example.cn' },
    subject: '您的会议日程已更新：欧中城市合作论坛（成都，2026年11月29日）请查收附件中的日历邀请',
  },
  {
    language: 'German',
    to: { name: 'Zoë Müller', address: 'zoe@example.org' },
    subject: 'Ihre Anmeldung für „Städtepartnerschaften“ ist bestätigt – Größe: 30 Plätze',
  },
  { language: 'Catalan', to: { name: 'Núria Puigdomènech i Bofill', address: 'nuria@example.cat' }, subject: catalan },
  { language: 'Italian', to: { name: 'Niccolò Dell’Acqua', address: 'niccolo@example.it' }, subject: 'Perché l’incontro è stato spostato a venerdì?' },
  {
    language: 'Spanish',
    to: { name: 'José Ángel Núñez', address: 'jose@example.es' },
    subject: 'Reunión con la delegación de Chengdú: ¿podéis confirmar la hora?',
    from: 'Misión Hub España <noreply@mission-hub.example>',
    fromName: 'Misión Hub España',
  },
  { language: 'English, a comma', to: { name: 'Smith, John', address: 'john@example.org' }, subject: 'Agenda (draft): "Day 1", <updated>' },
  { language: 'English, quotes', to: { name: 'John "Jack" O\'Neil \\ Jr.', address: 'jack@example.org' }, subject: 'Re: =?not an encoded word?=' },
];

describe('renderMime', () => {
  it.each(cases)('gives a $language subject and names back as written', async ({ to, subject, from, fromName }) => {
    const parsed = await read(mailTo(to, { subject, ...(from ? { from } : {}) }));
    expect(parsed.subject).toBe(subject);
    expect(only(parsed.to)).toEqual([{ name: to.name, address: to.address }]);
    expect(only(parsed.from)).toEqual([{ name: fromName ?? 'Mission Hub', address: 'noreply@mission-hub.example' }]);
  });

  it('writes non-ASCII as encoded words of at most 75 characters, each whole UTF-8 characters, folded on lines under 78', () => {
    const { raw } = renderMime(mailTo({ name: '王伟', address: 'wang.wei@example.cn' }, { subject: cases[0]!.subject }));
    const subject = headersOf(raw).find((line) => line.startsWith('Subject: '))!;
    const words = subject.match(/=\?[^?]+\?B\?[^?]*\?=/g)!;
    expect(words.length).toBeGreaterThan(2);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      const bytes = Buffer.from(word.slice('=?UTF-8?B?'.length, -2), 'base64');
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    }
    expect(subject.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(
      subject
        .split('\r\n')
        .slice(1)
        .every((line) => line.startsWith(' ')),
    ).toBe(true);
  });

  it('quotes an ASCII display name with specials and leaves a plain one as it is', () => {
    const headers = headersOf(renderMime(mailTo({ name: 'Smith, John', address: 'john@example.org' }, { from: 'noreply@mission-hub.example' })).raw);
    expect(headers).toContain('To: "Smith, John" <john@example.org>');
    expect(headers).toContain('From: noreply@mission-hub.example');
    expect(headersOf(renderMime(mailTo({ name: 'Ana Lopez', address: 'ana@example.es' })).raw)).toContain('To: Ana Lopez <ana@example.es>');
  });

  it('folds a long ASCII subject at its spaces', async () => {
    const subject = 'The programme of the EU-China forum on sustainable urban development has changed: please check the new times';
    const { raw } = renderMime(mailTo({ name: 'Ana Lopez', address: 'ana@example.es' }, { subject }));
    const lines = headersOf(raw)
      .find((line) => line.startsWith('Subject: '))!
      .split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.length <= 78)).toBe(true);
    expect((await simpleParser(raw)).subject).toBe(subject);
  });

  it('carries the text and the html exactly, as alternatives, text first', async () => {
    const text = 'Hola José,\n\nla reunión es el viernes a las 10:00 (hora de Barcelona).\n\n你好！\n';
    const html = '<p>Hola José,</p>\n<p>la reunión es el <b>viernes</b> a las 10:00.</p>\n<p>你好！</p>';
    const mail = mailTo({ name: 'José', address: 'jose@example.es' }, { text, html });
    const parsed = await read(mail);
    expect(parsed.text).toBe(text);
    expect(parsed.html).toBe(html);
    expect(parsed.attachments).toEqual([]);
    const types = renderMime(mail)
      .raw.toString('latin1')
      .match(/^Content-Type: [^;\r]+/gm);
    expect(types).toEqual(['Content-Type: multipart/alternative', 'Content-Type: text/plain', 'Content-Type: text/html']);
  });

  it('sends a body of short plain-ASCII lines as it is, and any other in base64', async () => {
    const text = 'Dear Ana,\n\nyour registration is confirmed.\n';
    const html = `<p>${'Hola José '.repeat(3)}</p>`;
    const mail = mailTo({ name: 'Ana Lopez', address: 'ana@example.es' }, { text, html });
    const raw = renderMime(mail).raw.toString('latin1');
    expect(raw).toContain('Content-Transfer-Encoding: 7bit\r\n\r\nDear Ana,\r\n\r\nyour registration is confirmed.\r\n');
    expect(raw.match(/Content-Transfer-Encoding: \w+/g)).toEqual(['Content-Transfer-Encoding: 7bit', 'Content-Transfer-Encoding: base64']);
    const parsed = await read(mail);
    expect(parsed.text).toBe(text);
    expect(parsed.html).toBe(html);
    // A line too long for SMTP goes in base64 even when it is ASCII.
    expect(renderMime(mailTo(mail.to, { text: 'x'.repeat(1200) })).raw.toString('latin1')).not.toContain('7bit\r\n\r\nxxx');
  });

  it('carries the Date, the Message-ID and the cause event as given', async () => {
    const mail = mailTo({ name: 'Zoë Müller', address: 'zoe@example.org' });
    const { raw } = renderMime(mail);
    const headers = headersOf(raw).map((line) => line.replace(/\r\n[ \t]+/g, ' '));
    expect(headers).toContain('Date: Sun, 29 Nov 2026 00:15:00 +0000');
    expect(headers).toContain(`Message-ID: ${mail.messageId}`);
    expect(headers).toContain(`${CAUSE_EVENT_HEADER}: ${eventId}`);
    const parsed = await simpleParser(raw);
    expect(parsed.date?.toISOString()).toBe(mail.date);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.headers.get(CAUSE_EVENT_HEADER.toLowerCase())).toBe(eventId);
  });

  it('is addressed on the envelope from the sender address to the recipient only', () => {
    const mail = mailTo({ name: 'Zoë Müller', address: 'zoe@example.org' }, { from: '"Mission Hub, Lyon" <noreply@mission-hub.example>' });
    expect(renderMime(mail).envelope).toEqual({ from: 'noreply@mission-hub.example', to: ['zoe@example.org'] });
    expect(renderMime(mailTo({ name: '', address: 'zoe@bücher.example' })).envelope.to).toEqual(['zoe@xn--bcher-kva.example']);
  });

  it('refuses an address that would break the headers', () => {
    expect(() => renderMime(mailTo({ name: 'Eve', address: 'eve@example.org>\r\nBcc: all@example.org' }))).toThrow(/not a mail address/);
  });

  it('carries the calendar as an alternative with its method, and as invite.ics, as nodemailer does', async () => {
    const content = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nSUMMARY:Fòrum d’alcaldes\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const mail = mailTo({ name: 'Núria', address: 'nuria@example.cat' }, { calendar: { method: 'CANCEL', content } });
    const parsed = await read(mail);
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    const calendars = parsed.attachments.filter((part) => part.contentType.startsWith('text/calendar'));
    expect(calendars.map((part) => part.content.toString('utf8'))).toEqual([content]);
    expect(calendars[0]!.headers.get('content-type')).toEqual({ value: 'text/calendar', params: { charset: 'utf-8', method: 'CANCEL' } });
    const invite = parsed.attachments.find((part) => part.filename === 'invite.ics')!;
    expect([invite.contentType, invite.contentDisposition, invite.content.toString('utf8')]).toEqual(['application/ics', 'attachment', content]);
    const types = renderMime(mail)
      .raw.toString('latin1')
      .match(/^Content-Type: [^;\r]+/gm);
    expect(types).toEqual([
      'Content-Type: multipart/mixed',
      'Content-Type: multipart/alternative',
      'Content-Type: text/plain',
      'Content-Type: text/html',
      'Content-Type: text/calendar',
      'Content-Type: application/ics',
    ]);
  });

  it('attaches files with their names, types and contents, after the message and before invite.ics', async () => {
    const longName = 'Programa de la misión de cooperación entre Barcelona, Chengdú y Lyon — versión definitiva revisada.ics';
    const attachments = [
      { filename: 'agenda.txt', contentType: 'text/plain; charset=utf-8', content: 'Día 1: llegada\nDía 2: foro\n' },
      {
        filename: '会议日程.ics',
        contentType: 'text/calendar; charset=utf-8; method=REQUEST',
        content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n',
      },
      { filename: longName, contentType: 'text/calendar; charset=utf-8; method=CANCEL', content: 'BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n' },
    ];
    const calendar = { method: 'REQUEST' as const, content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nUID:first\r\nEND:VCALENDAR\r\n' };
    const parsed = await read(mailTo({ name: '王伟', address: 'wang.wei@example.cn' }, { attachments, calendar }));
    expect(parsed.text).toBe('Hello\nSee you in Lyon.\n');
    expect(parsed.attachments.map((part) => [part.filename, part.contentType, part.contentDisposition, part.content.toString('utf8')])).toEqual([
      [undefined, 'text/calendar', undefined, calendar.content],
      ...attachments.map((file) => [file.filename, file.contentType.split(';')[0], 'attachment', file.content]),
      ['invite.ics', 'application/ics', 'attachment', calendar.content],
    ]);
    // The e2e sink reads the invitation first, then the further calendars.
    expect(parsed.attachments.filter((part) => part.contentType.startsWith('text/calendar')).map((part) => part.content.toString('utf8'))).toEqual([
      calendar.content,
      attachments[1]!.content,
      attachments[2]!.content,
    ]);
  });

  it('ends every line with CRLF, none over 998 octets, whatever it carries', () => {
    const long = 'x'.repeat(3000);
    const { raw } = renderMime(
      mailTo(
        { name: `Zoë ${'Müller-'.repeat(200)}`, address: 'zoe@example.org' },
        {
          subject: `${catalan} ${long} ${'你好'.repeat(400)}`,
          text: `${long}\n${'ü'.repeat(2000)}\r\nend`,
          html: `<p>${long}</p>`,
          attachments: [{ filename: `${'日程'.repeat(100)}.ics`, contentType: 'text/calendar; charset=utf-8', content: long }],
          calendar: { method: 'REQUEST', content: long },
        },
      ),
    );
    const text = raw.toString('latin1');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.filter((line) => /[\r\n]/.test(line))).toEqual([]);
    expect(lines.filter((line) => line.length > 998)).toEqual([]);
    expect([...raw].every((byte) => byte < 0x80)).toBe(true);
  });

  it('keeps header lines under 78 but for the Message-ID, which has no space to fold at', () => {
    const mail = mailTo(
      { name: 'Núria Puigdomènech i Bofill', address: 'nuria@example.cat' },
      { subject: catalan, calendar: { method: 'REQUEST', content: 'x' } },
    );
    const long = renderMime(mail)
      .raw.toString('latin1')
      .split('\r\n')
      .filter((line) => line.length > 78);
    expect(long).toEqual([`Message-ID: ${mail.messageId}`]);
  });

  it('draws new part boundaries for every message, or takes the nonce given', () => {
    const mail = mailTo({ name: 'Zoë', address: 'zoe@example.org' });
    expect(renderMime(mail).raw.equals(renderMime(mail).raw)).toBe(false);
    expect(renderMime(mail, 'fixed').raw.equals(renderMime(mail, 'fixed').raw)).toBe(true);
    expect(renderMime(mail, 'fixed').raw.toString('latin1')).toContain('boundary="=_mh_fixed_a"');
  });
});
