import { Problem } from '#common';
import type { DelegationOfSeats } from '../seats/seats.rules.js';

/** The 422 for a delegation the mission does not have, listing those it has so that a form can offer them. */
export function unknownDelegationOf(delegations: readonly DelegationOfSeats[]): Problem {
  return Problem.unprocessable(
    'unknown-delegation',
    'Unknown delegation',
    `The mission has no such delegation; choose one of: ${delegations.map((delegation) => delegation.name).join(', ')}.`,
    { delegations: delegations.map(({ id, name, names, parentId }) => ({ id, name, names, parentId })) },
  );
}
