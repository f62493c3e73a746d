import { SERVICE_CONFIG, type ServiceConfig } from '#common';
import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { renderMime } from './mime-message.js';

/** An e-mail exactly as the delivery log keeps it, so that a re-send is the same message. */
export interface OutgoingMail {
  messageId: string;
  causeEventId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** The `Date` header: the time of the cause event, so that a re-sent copy is identical. */
  date: string;
  attachments?: readonly MailAttachment[];
  /** Added later: the iCalendar invitation (`text/calendar; method=…`), an alternative part of the message. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/** A file sent with the message (an iCalendar invitation, say), kept in the delivery log with it. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailReceipt {
  messageId: string;
  response: string;
}

/** SMTP connections kept open to the server; as many e-mails as this are sent at once. */
const SMTP_CONNECTIONS = 10;

/** The SMTP connection of the service (`SMTP_URL`), pooled; nothing else sends mail. */
@Injectable()
export class MailerService {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(config.smtpUrl).hostname);
    this.transport = createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      maxMessages: 1000,
      // Every attempt must end well within its delivery's lease (MAIL_SEND_LEASE_MS), so none may hang for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // A local sink (smtp-server, Mailpit) often offers STARTTLS with a self-signed certificate; on loopback there is no one in between to verify.
      ...(loopback ? { tls: { rejectUnauthorized: false } } : {}),
    });
  }

  /** Sends `mail` as it is kept, rendered by renderMime: nodemailer only carries the bytes (pool, TLS, SMTP errors). */
  async send(mail: OutgoingMail): Promise<MailReceipt> {
    const info = await this.transport.sendMail(messageOf(mail));
    return { messageId: mail.messageId, response: String(info.response ?? '') };
  }

  /** Called by the dispatcher once its last batch is recorded. */
  close(): void {
    this.transport.close();
  }
}

/** What `send` hands nodemailer for `mail`: the rendered message as it is (`raw`) and its envelope, so a re-send is the same message. */
export function messageOf(mail: OutgoingMail): SendMailOptions {
  return renderMime(mail);
}
