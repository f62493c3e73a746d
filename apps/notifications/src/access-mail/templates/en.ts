import type { AccessMailView, AccessTemplates } from './template.js';

const greeting = (view: AccessMailView) => `Dear ${view.givenName} ${view.familyName},`;
const link = (view: AccessMailView) =>
  `Sign in to manage your registration: ${view.link}\nThe link is valid for ${view.days} days and is yours alone: please do not forward it.`;
const closing = (view: AccessMailView) => `Kind regards,\nThe organisers of ${view.mission.title}`;

export const en: AccessTemplates = {
  kinds: {
    link_requested: (view) => ({
      subject: `Your sign-in link for ${view.mission.title}`,
      paragraphs: [
        greeting(view),
        `You asked for a new link to your registration for ${view.mission.title} (${view.mission.code}). Any link we sent you before no longer works.`,
        link(view),
        'If you did not ask for it, you can ignore this e-mail.',
        closing(view),
      ],
    }),
    access_revoked: (view) => ({
      subject: `Your new sign-in link for ${view.mission.title}`,
      paragraphs: [
        greeting(view),
        `Access to your registration for ${view.mission.title} (${view.mission.code}) has been revoked: every earlier link and sign-in has ended. Here is a new link.`,
        link(view),
        closing(view),
      ],
    }),
  },
};
