import { byLanguage, mailLocales, type MailLanguage } from '../../mail/mail-language.js';
import { messagesIn } from '../../mail/mail-messages.js';
import { sharedText } from '../../mail/messages/index.js';
import { meetingTimetableCatalogues } from '../messages/index.js';
import type { TimetableLine, TimetableMailView, TimetableTemplates } from './template.js';

export * from './template.js';

/** Each language's timetable e-mails, worded by its catalogues (`../messages/`). */
export const timetableTemplates: Record<MailLanguage, TimetableTemplates> = byLanguage((language) => {
  const messages = messagesIn(meetingTimetableCatalogues, language);
  const shared = sharedText(language);
  const counterpart = (line: TimetableLine) => line.counterpart ?? messages('someone');
  /** In the participant's zone, and the venue's where its clock differs: every time a timetable mail gives. */
  const at = (line: TimetableLine) =>
    line.venueWhen ? messages('atHereAndThere', { when: line.when, venueWhen: line.venueWhen.when, city: line.venueWhen.city }) : line.when;
  const describe = (line: TimetableLine) =>
    messages('describe', {
      at: at(line),
      counterpart: counterpart(line),
      table: line.venue ? messages('tableAt', { table: line.table, venue: line.venue }) : messages('table', { table: line.table }),
    });
  const timetable = (view: TimetableMailView) =>
    view.meetings.length === 0
      ? [messages('none')]
      : [
          messages('heading', { timezone: view.timezone }),
          ...view.meetings.map((line, index) => messages('line', { index: index + 1, meeting: describe(line) })),
        ];
  const change = ({ change, meeting, previous }: TimetableMailView['changes'][number]) => {
    if (change === 'scheduled') return messages('scheduled', { meeting: describe(meeting) });
    const values = { counterpart: counterpart(meeting), at: at(meeting), table: meeting.table };
    if (change === 'cancelled') return messages('cancelled', values);
    return previous ? messages('moved', { ...values, previousAt: at(previous), previousTable: previous.table }) : messages('movedFromUnknown', values);
  };
  return {
    locale: mailLocales[language],
    first: (view) => ({
      subject: messages('firstSubject', { missionTitle: view.missionTitle }),
      paragraphs: [shared.greeting(view.name), messages('first'), ...timetable(view), shared.closing(view.missionTitle)],
    }),
    changed: (view) => ({
      subject: messages('changedSubject', { missionTitle: view.missionTitle }),
      paragraphs: [shared.greeting(view.name), messages('changed'), ...view.changes.map(change), ...timetable(view), shared.closing(view.missionTitle)],
    }),
  };
});
