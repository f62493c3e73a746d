import { directoryEntry } from './directory-entry.fixture.js';
import { recipientsOf } from './recipient.rules.js';

const ana = directoryEntry({ registrationId: 'a' });
const ben = directoryEntry({ registrationId: 'b', email: 'ben@example.org' });

describe('recipientsOf', () => {
  it('mails each named participant the directory knows, once each, in the event’s order', () => {
    expect(recipientsOf(['b', 'a', 'b'], [ana, ben])).toEqual({ recipients: [ben, ana], skipped: [] });
  });

  it('mails nobody when the event names nobody', () => {
    expect(recipientsOf([], [ana])).toEqual({ recipients: [], skipped: [] });
  });

  it('skips an id the directory does not know: never registered here, or erased', () => {
    expect(recipientsOf(['a', 'gone'], [ana])).toEqual({ recipients: [ana], skipped: [{ registrationId: 'gone', why: 'unknown' }] });
  });

  it('skips a registration that was cancelled or rejected since', () => {
    const cancelled = directoryEntry({ registrationId: 'c', status: 'cancelled' });
    const rejected = directoryEntry({ registrationId: 'r', status: 'rejected' });
    expect(recipientsOf(['c', 'r', 'a'], [cancelled, rejected, ana])).toEqual({
      recipients: [ana],
      skipped: [
        { registrationId: 'c', why: 'no-longer-registered' },
        { registrationId: 'r', why: 'no-longer-registered' },
      ],
    });
  });

  it('still mails a participant who is waitlisted or waiting for approval: the producer named them', () => {
    const waiting = directoryEntry({ registrationId: 'w', status: 'waitlisted' });
    const pending = directoryEntry({ registrationId: 'p', status: 'pending_approval' });
    expect(recipientsOf(['w', 'p'], [waiting, pending]).recipients).toEqual([waiting, pending]);
  });
});
