import type { ProblemDetails } from '#common';
import { html, type Html } from '../../kit/html.js';

/** A form's errors by field name (the first message of each); `''` holds what belongs to no field. */
export type FieldErrors = Record<string, string>;

/** The problem's `errors[].field` (dotted body paths) as the form's field names, through `fieldOf`. */
export function formErrorsOf(problem: ProblemDetails | undefined, fieldOf: (path: string) => string = (path) => path): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of problem?.errors ?? []) {
    const name = field && field !== '(body)' ? fieldOf(field) : '';
    errors[name] = errors[name] ? `${errors[name]}; ${message}` : message;
  }
  return errors;
}

/** An element id from a field's name (`parties.0.name` → `f-parties-0-name`). */
export function idOf(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export interface FieldOptions {
  name: string;
  label: string;
  errors: FieldErrors;
  value?: string;
  type?: 'text' | 'date' | 'datetime-local' | 'number' | 'email' | 'file';
  hint?: string;
  required?: boolean;
  /** Further attributes, written by us (`min="1"`), never from input. */
  attributes?: Html;
  multiline?: boolean;
  choices?: readonly { value: string; label: string }[];
}

/** A labelled control with its hint and its error beside it, tied together for screen readers. */
export function field(options: FieldOptions): Html {
  const id = idOf(options.name);
  const error = options.errors[options.name];
  const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}"
  name="${options.name}"${options.required ? html` required` : ''}${error ? html` aria-invalid="true"` : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }${options.attributes ? html` ${options.attributes}` : ''}`;
  const control = options.choices
    ? html`<select ${common}>
        ${options.choices.map((choice) => html`<option value="${choice.value}" ${choice.value === options.value ? html` selected` : ''}>${choice.label}</option>`)}
      </select>`
    : options.multiline
      ? html`<textarea ${common} rows="3">${options.value ?? ''}</textarea>`
      : html`<input ${common} type="${options.type ?? 'text'}" ${options.type === 'file' ? '' : html` value="${options.value ?? ''}"`} />`;
  return html`<div class="field${error ? ' field--invalid' : ''}">
    <label for="${id}">${options.label}</label>
    ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : ''} ${control}
    ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
  </div>`;
}

/**
 * Above a form that was refused: its heading, the problem's own words when it names no field, and each
 * field's error (a link to the field when `labels` names it; the field's error is also beside it).
 */
export function errorSummary(problem: ProblemDetails | undefined, errors: FieldErrors, heading: string, labels: Record<string, string> = {}): Html {
  if (!problem) return html``;
  const named = Object.keys(errors).filter((name) => name !== '');
  const said = named.length === 0 ? (problem.detail ?? problem.title) : undefined;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2>${heading}</h2>
    ${said ? html`<p>${said}</p>` : ''}${errors[''] ? html`<p>${errors['']}</p>` : ''}
    ${
      named.length
        ? html`<ul>
            ${named.map((name) => (labels[name] ? html`<li><a href="#${idOf(name)}">${labels[name]}: ${errors[name]}</a></li>` : html`<li>${name}: ${errors[name]}</li>`))}
          </ul>`
        : ''
    }
  </div>`;
}
