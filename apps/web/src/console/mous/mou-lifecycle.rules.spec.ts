import { mouStatuses } from '#contracts';
import { nextStatuses, takesVersions } from './mou-lifecycle.rules.js';

describe('the MoU moves the console offers', () => {
  it('leads a draft through negotiation and signing to completion, and ends nowhere after that', () => {
    expect(nextStatuses('draft')).toEqual(['negotiating', 'terminated']);
    expect(nextStatuses('negotiating')).toContain('signed');
    expect(nextStatuses('signed')).toEqual(['in_force', 'terminated']);
    expect(nextStatuses('in_force')).toEqual(['completed', 'terminated']);
    for (const end of ['completed', 'terminated', 'expired'] as const) expect(nextStatuses(end)).toEqual([]);
  });

  it('never offers expiry, which is the registry clock’s alone', () => {
    for (const status of mouStatuses) expect(nextStatuses(status)).not.toContain('expired');
  });

  it('takes versions until the MoU is finished', () => {
    expect(mouStatuses.filter(takesVersions)).toEqual(['draft', 'negotiating', 'signed', 'in_force']);
  });
});
