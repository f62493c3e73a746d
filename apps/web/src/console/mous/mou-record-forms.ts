import type { FormFields } from './mou-form.js';

/** The forms of an MoU's page, each posting to its own address. */
export type MouForm = 'status' | 'visibility' | 'version' | 'project' | 'milestone' | 'complete';

export const pilotProjectStatuses = ['planned', 'running', 'completed', 'cancelled'] as const;

/** A form's body and where each field of the body is on the page (the project and milestone forms prefix their names, being on one page). */
export interface FormBody {
  body: Record<string, unknown>;
  fieldOf: (path: string) => string;
}

const value = (form: FormFields, name: string) => form[name]?.trim() ?? '';

/** A lifecycle move: the status, and the signing's date and place or a reason when given. */
export function moveOf(form: FormFields): FormBody {
  const body: Record<string, unknown> = { status: value(form, 'status') };
  for (const name of ['signedOn', 'signedPlace', 'reason']) if (value(form, name)) body[name] = value(form, name);
  if (body.status !== 'signed') {
    delete body.signedOn;
    delete body.signedPlace;
  }
  return { body, fieldOf: (path) => path };
}

export function pilotProjectOf(form: FormFields): FormBody {
  const amount = value(form, 'project.budget.amount');
  const currency = value(form, 'project.budget.currency').toUpperCase();
  const body: Record<string, unknown> = {
    title: value(form, 'project.title'),
    leadParty: value(form, 'project.leadParty'),
    status: value(form, 'project.status') || 'planned',
  };
  // A number the registry judges; text that is none is sent as it is, for the registry to name the field.
  if (amount) body.budget = { amount: Number.isFinite(Number(amount)) ? Number(amount) : amount, currency };
  return { body, fieldOf: (path) => (path === 'budget' ? 'project.budget.amount' : `project.${path}`) };
}

export function milestoneOf(form: FormFields): FormBody {
  const email = value(form, 'milestone.owner.email');
  const project = value(form, 'milestone.pilotProjectId');
  const body: Record<string, unknown> = {
    title: value(form, 'milestone.title'),
    dueOn: value(form, 'milestone.dueOn'),
    owner: { name: value(form, 'milestone.owner.name'), ...(email ? { email } : {}) },
    ...(project ? { pilotProjectId: project } : {}),
  };
  return { body, fieldOf: (path) => (path === 'owner' ? 'milestone.owner.name' : `milestone.${path}`) };
}
