import { html, type Html } from '../kit/html.js';
import type { CaughtMail } from './mail-catcher.js';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** Plain text with its addresses made links, everything else escaped. */
export function linkified(text: string): Html {
  const parts: (Html | string)[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    parts.push(text.slice(at, match.index));
    parts.push(html`<a href="${match[0]}">${match[0]}</a>`);
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return html`${parts}`;
}

function when(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** `listeningAt`: where the catcher takes mail; null when it could not listen at the configured address (another server holds the port). */
export function mailListPage(messages: readonly CaughtMail[], listeningAt: string | null, configured: string): Html {
  return html`<h1>Mail sent</h1>
    <p>
      ${
        listeningAt
          ? html`Every message the system sent since the web entry started (the last 300 at most), newest first. Mail reaches this catcher at
              <code>${listeningAt}</code>.`
          : html`The mail catcher could not listen at <code>${configured}</code> (another server holds the port?): mail goes there, not here.`
      }
    </p>
    ${
      messages.length
        ? html`<div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                </tr>
              </thead>
              <tbody>
                ${messages.map(
                  (mail) =>
                    html`<tr>
                      <td>${when(mail.receivedAt)}</td>
                      <td>${mail.to.join(', ')}</td>
                      <td><a href="/dev/mail/${mail.id}">${mail.subject || '(no subject)'}</a></td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>No mail yet.</p>`
    }`;
}

export function mailPage(mail: CaughtMail): Html {
  return html`<p><a href="/dev/mail">All messages</a></p>
    <h1>${mail.subject || '(no subject)'}</h1>
    <dl class="participant-details">
      <dt>From</dt>
      <dd>${mail.from}</dd>
      <dt>To</dt>
      <dd>${mail.to.join(', ')}</dd>
      <dt>Time</dt>
      <dd>${when(mail.receivedAt)}</dd>
    </dl>
    ${
      mail.html
        ? html`<h2>As sent</h2>
            <iframe
              class="mail-html"
              title="${mail.subject}"
              src="/dev/mail/${mail.id}/html"
              sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
            ></iframe>`
        : ''
    }
    <h2>Text</h2>
    <pre class="dev-mail-text" ${mail.language ? html` lang="${mail.language}"` : ''}>${linkified(mail.text)}</pre>`;
}

/** The message's own HTML, for the sandboxed frame: its links open in the page that holds the frame. */
export function mailHtml(mail: CaughtMail): string {
  const source = mail.html ?? '';
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(source) ? source.replace(/<head[^>]*>/i, (head) => head + base) : base + source;
}
