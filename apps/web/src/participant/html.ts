/** Markup that is already safe to send: what `html` returns, and what it inserts as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Hole = Html | string | number | null | undefined | false | readonly Hole[];

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

function render(hole: Hole): string {
  if (hole === null || hole === undefined || hole === false) return '';
  if (hole instanceof Html) return hole.value;
  if (Array.isArray(hole)) return hole.map(render).join('');
  return escapeHtml(String(hole));
}

/** A template whose holes are escaped, unless they are `Html` themselves (or arrays of it). */
export function html(strings: TemplateStringsArray, ...holes: Hole[]): Html {
  return new Html(strings.reduce((out, part, i) => out + part + (i < holes.length ? render(holes[i]!) : ''), ''));
}
