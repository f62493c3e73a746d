import { html, type Html } from '../../kit/html.js';
import type { PageContext } from '../../kit/page-context.js';

const zones = Intl.supportedValuesOf('timeZone');

/**
 * A small GET form that shows a page's times also on the viewer's clock: without JavaScript one picks the
 * zone; with it, the browser's own zone is preselected (`kit/visitor-time.client.ts`) and the times are
 * already filled in where the page left them to the browser.
 */
export function zoneChoice(page: PageContext, chosen: string | undefined, fallback: string, label: string, button: string): Html {
  const kept = Object.entries(page.query).filter(([name]) => name !== 'tz' && name !== 'published' && name !== 'cursor');
  return html`<form method="get" class="zone-choice">
    ${kept.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`)}
    <label for="tz">${label}</label>
    <select id="tz" name="tz" ${chosen ? '' : html` data-browser-time-zone`}>
      ${zones.map((zone) => html`<option${zone === (chosen ?? fallback) ? html` selected` : ''}>${zone}</option>`)}
    </select>
    <button type="submit">${button}</button>
  </form>`;
}
