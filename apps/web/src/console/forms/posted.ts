import { randomUUID } from 'node:crypto';

/** A text field of a posted form (urlencoded bodies give strings; anything else is nothing). */
export function textOf(body: Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

/** Every text field of a posted form, by name. */
export function fieldsOf(body: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(body ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

const KEY = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The `Idempotency-Key` a form carries in a hidden field, made when the page was shown: the same form sent
 * twice (a double click, a reload) does its work once. A form without one gets a key of its own.
 */
export function idempotencyKeyOf(body: Record<string, unknown> | undefined): string {
  const key = textOf(body, 'idempotencyKey');
  return KEY.test(key) ? key : randomUUID();
}
