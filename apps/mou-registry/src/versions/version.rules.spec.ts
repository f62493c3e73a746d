import { mouStatuses } from '#contracts';
import { checkAmendmentSigning, checkNewVersion } from './version.rules.js';

describe('versions of the text', () => {
  it('are drafts before signing, amendments after, and none once the MoU is finished', () => {
    expect(Object.fromEntries(mouStatuses.map((status) => [status, checkNewVersion(status)]))).toEqual({
      draft: { allowed: true, amendment: false },
      negotiating: { allowed: true, amendment: false },
      signed: { allowed: true, amendment: true },
      in_force: { allowed: true, amendment: true },
      completed: { allowed: false, reason: expect.any(String) },
      terminated: { allowed: false, reason: expect.any(String) },
      expired: { allowed: false, reason: expect.any(String) },
    });
  });

  it('signs an amendment once, while the MoU is signed or in force', () => {
    const amendment = { amendment: true, signedAt: null };
    expect(checkAmendmentSigning('in_force', amendment)).toEqual({ allowed: true });
    expect(checkAmendmentSigning('signed', amendment)).toEqual({ allowed: true });
    expect(checkAmendmentSigning('completed', amendment).allowed).toBe(false);
    expect(checkAmendmentSigning('in_force', { amendment: true, signedAt: new Date() })).toMatchObject({ allowed: false, reason: /frozen/ });
    expect(checkAmendmentSigning('negotiating', { amendment: false, signedAt: null })).toMatchObject({ allowed: false, reason: /move the MoU to signed/ });
  });
});
