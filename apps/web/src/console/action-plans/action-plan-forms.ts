/** A form's fields as the registry's body, and each body path back to the form field that holds it (for errors beside fields). */
export interface PlanFormBody {
  body: Record<string, unknown>;
  fieldOf: (path: string) => string;
}

export const CITY_ROWS = 4;

const trimmed = (fields: Record<string, string>, name: string) => (fields[name] ?? '').trim();
const optional = (value: string) => (value === '' ? undefined : value);
const numberOf = (value: string) => (value === '' ? undefined : Number(value.replace(',', '.')));

/** A new plan: its city rows with a name kept (the others left out), the kept ones' paths mapped back to their rows. */
export function newPlanOf(fields: Record<string, string>, missionId: string): PlanFormBody {
  const rows = Array.from({ length: CITY_ROWS }, (_, row) => row).filter((row) => trimmed(fields, `cities.${row}.name`) !== '');
  const cities = rows.map((row) => ({ name: trimmed(fields, `cities.${row}.name`), country: trimmed(fields, `cities.${row}.country`).toUpperCase() }));
  return {
    body: {
      missionId,
      title: trimmed(fields, 'title'),
      scope: trimmed(fields, 'scope'),
      cities,
      theme: optional(trimmed(fields, 'theme')),
      summary: optional(trimmed(fields, 'summary')),
      visibility: trimmed(fields, 'visibility') || 'organisers',
    },
    fieldOf: (path) => {
      const match = /^cities\.(\d+)(\..*)?$/.exec(path);
      if (!match) return path;
      const row = rows[Number(match[1])];
      return row === undefined ? 'cities.0.name' : `cities.${row}${match[2] ?? '.name'}`;
    },
  };
}

/** A pilot project: partners one per line (or separated by `;`), an MoU or none, a budget when an amount is given. */
export function pilotProjectOf(fields: Record<string, string>): PlanFormBody {
  const amount = numberOf(trimmed(fields, 'budget.amount'));
  return {
    body: {
      title: trimmed(fields, 'title'),
      mouId: optional(trimmed(fields, 'mouId')),
      responsible: { name: trimmed(fields, 'responsible.name'), email: optional(trimmed(fields, 'responsible.email')) },
      partners: (fields.partners ?? '')
        .split(/[\n;]/)
        .map((partner) => partner.trim())
        .filter(Boolean),
      means: optional(trimmed(fields, 'means')),
      budget: amount === undefined ? undefined : { amount, currency: trimmed(fields, 'budget.currency').toUpperCase() || 'EUR' },
    },
    fieldOf: (path) => path,
  };
}

export function indicatorOf(fields: Record<string, string>): PlanFormBody {
  return {
    body: {
      name: trimmed(fields, 'name'),
      unit: trimmed(fields, 'unit'),
      baseline: numberOf(trimmed(fields, 'baseline')),
      target: numberOf(trimmed(fields, 'target')),
    },
    fieldOf: (path) => path,
  };
}

export function reportOf(fields: Record<string, string>): PlanFormBody {
  return {
    body: { value: numberOf(trimmed(fields, 'value')), asOf: trimmed(fields, 'asOf'), note: optional(trimmed(fields, 'note')) },
    fieldOf: (path) => path,
  };
}

export function milestoneOf(fields: Record<string, string>): PlanFormBody {
  return {
    body: {
      title: trimmed(fields, 'title'),
      dueOn: trimmed(fields, 'dueOn'),
      owner: { name: trimmed(fields, 'owner.name'), email: optional(trimmed(fields, 'owner.email')) },
      pilotProjectId: optional(trimmed(fields, 'pilotProjectId')),
    },
    fieldOf: (path) => path,
  };
}
