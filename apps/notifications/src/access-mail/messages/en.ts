/** A participant’s sign-in link, asked for again or after a revocation. */
export const en = {
  link_requestedSubject: 'Your sign-in link for {missionTitle}',
  link_requested: 'You asked for a new link to your registration for {missionTitle} ({missionCode}). Any link we sent you before no longer works.',
  access_revokedSubject: 'Your new sign-in link for {missionTitle}',
  access_revoked:
    'Access to your registration for {missionTitle} ({missionCode}) has been revoked: every earlier link and sign-in has ended. Here is a new link.',
  link: 'Sign in to manage your registration: {link}\nThe link is valid for {days, plural, one {# day} other {# days}} and is yours alone: please do not forward it.',
  ignore: 'If you did not ask for it, you can ignore this e-mail.',
};
export type AccessMessage = keyof typeof en;
