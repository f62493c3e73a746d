/** An organiser's broadcast: the frame around their own words (which are never parsed as messages). */
export const en = {
  subject: '{subject} ({missionTitle})',
  intro: 'A message from the organisers of {missionTitle}:',
  onYourPage: 'You will also find this message on your page, with the others the organisers sent you.',
};
export type BroadcastMessage = keyof typeof en;
