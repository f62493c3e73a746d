import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { MailAttachment, OutgoingMail } from './mailer.service.js';
import { CAUSE_EVENT_HEADER } from './message-id.js';

/** A message ready for SMTP: who it goes to (MAIL FROM, RCPT TO) and its bytes (DATA). */
export interface MimeMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/**
 * `mail` laid out as nodemailer's MailComposer lays it out, every body base64, in one pass: nodemailer's
 * rendering was half the CPU an e-mail costs. `nonce` (random; fixed in tests) names the part boundaries.
 */
export function renderMime(mail: OutgoingMail, nonce: string = randomBytes(12).toString('hex')): MimeMessage {
  const from = parseMailbox(mail.from);
  const to = { name: mail.to.name, address: asciiAddress(mail.to.address) };
  const alternative = `=_mh_${nonce}_a`;
  const alternatives = [bodyPart('text/plain; charset=utf-8', mail.text), bodyPart('text/html; charset=utf-8', mail.html)];
  if (mail.calendar) alternatives.push(bodyPart(`text/calendar; charset=utf-8; method=${token(mail.calendar.method)}`, mail.calendar.content));
  let contentType = `multipart/alternative; boundary="${alternative}"`;
  let body = multipart(alternative, alternatives);
  // As nodemailer's icalEvent: the invitation once more as an attached `invite.ics`, after the other files.
  const files: MailAttachment[] = [...(mail.attachments ?? [])];
  if (mail.calendar) files.push({ filename: 'invite.ics', contentType: 'application/ics', content: mail.calendar.content });
  if (files.length) {
    const mixed = `=_mh_${nonce}_m`;
    body = multipart(mixed, [`${header('Content-Type', contentType)}\r\n\r\n${body}`, ...files.map(attachmentPart)]);
    contentType = `multipart/mixed; boundary="${mixed}"`;
  }
  const head = [
    header('From', mailbox(from.name, from.address)),
    header('To', mailbox(to.name, to.address)),
    header('Subject', unstructured(mail.subject)),
    header('Date', rfc5322Date(mail.date)),
    header('Message-ID', messageIdOf(mail.messageId)),
    header(CAUSE_EVENT_HEADER, unstructured(mail.causeEventId)),
    'MIME-Version: 1.0',
    header('Content-Type', contentType),
  ];
  return { envelope: { from: from.address, to: [to.address] }, raw: Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}\r\n`, 'latin1') };
}

/** Bytes of UTF-8 in one encoded word: 56 characters of base64, so `Subject: =?UTF-8?B?…?=` stays within 78. */
const WORD_BYTES = 42;
/** The longest line a header is folded to where it has room to fold (RFC 5322 2.1.1). */
const FOLD_AT = 78;
/** Characters RFC 5322 allows in an atom; a display name of atoms and single spaces goes unquoted. */
const ATOMS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?: [A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

function header(name: string, value: string): string {
  return fold(`${name}: ${value}`, name.length + 2);
}

/** `line` broken before spaces into lines of at most 78 where it has a space to break at; unfolding gives `line` back. */
function fold(line: string, from: number): string {
  if (line.length <= FOLD_AT) return line;
  const lines: string[] = [];
  let rest = line;
  let min = from;
  while (rest.length > FOLD_AT) {
    // Never a line of spaces only: a break comes after some text.
    min = Math.max(min, rest.search(/[^ ]/) + 1);
    let at = rest.lastIndexOf(' ', FOLD_AT);
    if (at < min) at = rest.indexOf(' ', FOLD_AT + 1);
    if (at < min || !/[^ ]/.test(rest.slice(at))) break;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at);
    min = 1;
  }
  lines.push(rest);
  return lines.join('\r\n');
}

/** Text for a header as is when it is printable ASCII that folds, else as RFC 2047 encoded words. */
function unstructured(text: string): string {
  return needsWords(text) ? encodedWords(text) : text;
}

/** Non-ASCII or control characters, something a reader would take for an encoded word, or a word too long to fold. */
function needsWords(text: string): boolean {
  return /[^\x20-\x7e]/.test(text) || text.includes('=?') || /[^ ]{77}/.test(text);
}

/** `=?UTF-8?B?…?=` words of at most 42 bytes each, split between characters, separated by spaces to fold at. */
function encodedWords(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const words: string[] = [];
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(start + WORD_BYTES, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    words.push(`=?UTF-8?B?${bytes.toString('base64', start, end)}?=`);
    start = end;
  }
  return words.join(' ');
}

function mailbox(name: string, address: string): string {
  return name ? `${displayName(name)} <${address}>` : address;
}

/** A display name: atoms as they are, other ASCII as a quoted string, anything else as encoded words. */
function displayName(name: string): string {
  if (needsWords(name)) return encodedWords(name);
  return ATOMS.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
}

/** `Mission Hub <noreply@x>`, `"Hub, Lyon" <noreply@x>` or a bare `noreply@x`. */
function parseMailbox(text: string): { name: string; address: string } {
  const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^<>]*)>\s*$/.exec(text);
  if (!match) return { name: '', address: asciiAddress(text) };
  return { name: match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]!, address: asciiAddress(match[3]!) };
}

/** The address with its domain in punycode, as SMTP without SMTPUTF8 needs; what could break a header is refused. */
function asciiAddress(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 1 || at === trimmed.length - 1 || /[\x00-\x20\x7f<>()",;\\]/.test(trimmed)) throw new Error(`not a mail address: ${JSON.stringify(address)}`);
  const domain = trimmed.slice(at + 1);
  if (!/[^\x00-\x7f]/.test(domain)) return trimmed;
  const ascii = domainToASCII(domain);
  if (!ascii) throw new Error(`not a mail address: ${JSON.stringify(address)}`);
  return `${trimmed.slice(0, at)}@${ascii}`;
}

function messageIdOf(messageId: string): string {
  const id = messageId.trim();
  if (!/^[\x21-\x7e]+$/.test(id)) throw new Error(`not a Message-ID: ${JSON.stringify(messageId)}`);
  return id.startsWith('<') && id.endsWith('>') ? id : `<${id}>`;
}

/** `Sun, 29 Nov 2026 00:15:00 +0000`, as nodemailer writes a UTC date. */
function rfc5322Date(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${JSON.stringify(iso)}`);
  return date.toUTCString().replace('GMT', '+0000');
}

/** A MIME token (the calendar method) as it is, or refused: it goes unquoted into a header. */
function token(value: string): string {
  if (!/^[A-Za-z0-9!#$%&'*+\-.^_`{|}~]+$/.test(value)) throw new Error(`not a MIME token: ${JSON.stringify(value)}`);
  return value;
}

/** A body as it is when it is short lines of plain ASCII (spam filters frown on base64 text that need not be), else base64. */
function bodyPart(contentType: string, content: string): string {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  if (/^[\x20-\x7e\t\n\r]*$/.test(content) && lines.every((line) => line.length <= 998)) {
    return `${header('Content-Type', contentType)}\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${lines.join('\r\n')}`;
  }
  return `${header('Content-Type', contentType)}\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(content)}`;
}

function attachmentPart(file: MailAttachment): string {
  if (/[^\x20-\x7e]/.test(file.contentType)) throw new Error(`not a content type: ${JSON.stringify(file.contentType)}`);
  return [
    header('Content-Type', `${file.contentType}; ${parameter('name', file.filename)}`),
    'Content-Transfer-Encoding: base64',
    header('Content-Disposition', `attachment; ${parameter('filename', file.filename)}`),
    '',
    base64Lines(file.content),
  ].join('\r\n');
}

/** Characters an RFC 2231 value keeps as they are; every other byte is `%XX`. */
const ATTRIBUTE_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;
/** Characters of one RFC 2231 piece, so each goes on a line of its own under 78. */
const PIECE_CHARS = 60;

/** `key="value"` for short plain ASCII; else RFC 2231 UTF-8, in numbered pieces (`key*0*=`…) when long. */
function parameter(key: string, value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && !/["\\]/.test(value) && value.length <= PIECE_CHARS) return `${key}="${value}"`;
  const pieces: string[] = [];
  let piece = '';
  for (const char of value) {
    const encoded = ATTRIBUTE_CHAR.test(char)
      ? char
      : [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    if (piece.length + encoded.length > PIECE_CHARS) {
      pieces.push(piece);
      piece = '';
    }
    piece += encoded;
  }
  pieces.push(piece);
  if (pieces.length === 1) return `${key}*=utf-8''${pieces[0]}`;
  return pieces.map((text, n) => (n === 0 ? `${key}*0*=utf-8''${text}` : `${key}*${n}*=${text}`)).join('; ');
}

/** `--boundary` before each part and `--boundary--` after the last (RFC 2046 5.1.1); the CRLF before a delimiter is the delimiter's. */
function multipart(boundary: string, parts: readonly string[]): string {
  return `--${boundary}\r\n${parts.join(`\r\n--${boundary}\r\n`)}\r\n--${boundary}--`;
}

/** `content` as UTF-8 in base64, 76 characters a line (RFC 2045 6.8). */
function base64Lines(content: string): string {
  const base64 = Buffer.from(content, 'utf8').toString('base64');
  if (base64.length <= 76) return base64;
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 76) lines.push(base64.slice(at, at + 76));
  return lines.join('\r\n');
}
