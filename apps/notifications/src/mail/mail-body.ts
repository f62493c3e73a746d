import type { MailLanguage } from './mail-language.js';

export interface MailText {
  subject: string;
  /** Plain-text paragraphs; the HTML and text bodies are both made from them. */
  paragraphs: string[];
}

export interface MailBody {
  subject: string;
  text: string;
  html: string;
}

/** The text and HTML bodies of a template's paragraphs; everything a participant typed is escaped in the HTML. */
export function renderMailBody(content: MailText, language: MailLanguage): MailBody {
  return { subject: content.subject, text: toText(content), html: toHtml(content, language) };
}

function toText(content: MailText): string {
  return `${content.paragraphs.join('\n\n')}\n`;
}

function toHtml(content: MailText, language: MailLanguage): string {
  const paragraphs = content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`).join('\n');
  return `<!doctype html>\n<html lang="${language}">\n<head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>\n<body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs}\n</body>\n</html>\n`;
}

function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
