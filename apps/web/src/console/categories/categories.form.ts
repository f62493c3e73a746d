/** A category as registration's organiser API answers it (`GET /api/missions/:id/categories`). */
export interface ConsoleCategory {
  id: string;
  code: string;
  names: Record<string, string>;
  capacity: number | null;
  waitlist: boolean;
  approval: 'automatic' | 'manual';
  opensAt: string | null;
  closesAt: string | null;
  questions: unknown[];
  position: number;
}

/** The category form's fields as posted (and shown again): all text. */
export interface CategoryFormValues {
  code: string;
  names: string;
  capacity: string;
  waitlist: string;
  approval: string;
  opensAt: string;
  closesAt: string;
  position: string;
  questions: string;
}

export const categoryFormFields = ['code', 'names', 'capacity', 'waitlist', 'approval', 'opensAt', 'closesAt', 'position', 'questions'] as const;

/** A stored category as the form shows it: names one `tag: text` a line, questions as JSON. */
export function valuesOf(category: ConsoleCategory): CategoryFormValues {
  return {
    code: category.code,
    names: Object.entries(category.names)
      .map(([tag, text]) => `${tag}: ${text}`)
      .join('\n'),
    capacity: category.capacity === null ? '' : String(category.capacity),
    waitlist: String(category.waitlist),
    approval: category.approval,
    opensAt: category.opensAt ?? '',
    closesAt: category.closesAt ?? '',
    position: String(category.position),
    questions: JSON.stringify(category.questions, null, 2),
  };
}

export function readCategoryForm(body: Record<string, unknown>): CategoryFormValues {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  return Object.fromEntries(categoryFormFields.map((name) => [name, text(name)])) as unknown as CategoryFormValues;
}

/**
 * The body of `PUT /api/missions/:id/categories/:code` from the form, or the fields it cannot make
 * one of (JSON that does not parse); what registration refuses, it says itself.
 */
export function categoryBodyOf(values: CategoryFormValues): { ok: true; body: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const line of values.names.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      errors.names = 'one name a line, as "en: Delegate"';
      break;
    }
    names[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  let questions: unknown = [];
  if (values.questions.trim() !== '') {
    try {
      questions = JSON.parse(values.questions);
    } catch {
      errors.questions = 'is not JSON: a list of questions, as shown in the hint';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const number = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  return {
    ok: true,
    body: {
      names,
      capacity: number(values.capacity),
      waitlist: values.waitlist !== 'false',
      approval: values.approval || 'automatic',
      opensAt: values.opensAt.trim() || null,
      closesAt: values.closesAt.trim() || null,
      position: number(values.position) ?? 0,
      questions,
    },
  };
}
