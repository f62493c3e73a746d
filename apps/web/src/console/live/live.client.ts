// The live page's events as they happen: the dashboard's stream through the web entry (the session
// cookie is the credential, same-origin), resumed by EventSource with Last-Event-ID after a drop.
// Everything shown is set as text, never as markup.

interface Texts {
  labels: Record<string, string>;
  connecting: string;
  live: string;
  reconnecting: string;
  stopped: string;
}

interface CloudEvent {
  type: string;
  time: string;
  subject?: string;
  data: Record<string, any>;
}

/** How many events the list keeps: the newest; the counters hold the rest. */
const KEPT = 200;

const section = document.querySelector<HTMLElement>('[data-live-mission]');
if (section) follow(section);

function follow(section: HTMLElement): void {
  const missionId = section.dataset.liveMission!;
  const types = JSON.parse(section.dataset.liveTypes ?? '[]') as string[];
  const texts = JSON.parse(section.dataset.liveTexts ?? '{}') as Texts;
  const status = document.getElementById('stream-status')!;
  const stopped = document.getElementById('stream-stopped')!;
  const list = document.getElementById('events')!;
  const clock = new Intl.DateTimeFormat(section.dataset.liveLocale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const dayAndClock = new Intl.DateTimeFormat(section.dataset.liveLocale, { dateStyle: 'short', timeStyle: 'medium' });
  const today = new Date().toDateString();
  /** Participants' names as registration events told them, for the events that carry only an id. */
  const names = new Map<string, string>();
  /** The last position the counters on the page include. */
  let counted = Number(document.getElementById('counters')?.dataset.position ?? 0);
  let pending: HTMLElement[] = [];
  let flushing: ReturnType<typeof setTimeout> | undefined;
  let refreshing: ReturnType<typeof setTimeout> | undefined;

  const nameOf = (registrationId: unknown) => (typeof registrationId === 'string' ? (names.get(registrationId) ?? registrationId.slice(0, 8)) : '');

  function describe(event: CloudEvent): string {
    const data = event.data ?? {};
    if (data.participant && typeof data.registrationId === 'string') {
      const person = data.participant;
      const name = `${person.givenName ?? ''} ${person.familyName ?? ''}`.trim();
      if (name) names.set(data.registrationId, name);
      return [name, person.organisation?.name, person.delegation].filter(Boolean).join(' · ');
    }
    if (event.type.startsWith('participant.')) return nameOf(data.registrationId);
    if (event.type.startsWith('enrolment.')) return [nameOf(data.registrationId), data.session?.title].filter(Boolean).join(' · ');
    if (event.type.startsWith('meeting.') && data.requesterId) return `${nameOf(data.requesterId)} ↔ ${nameOf(data.inviteeId)}`;
    if (event.type.startsWith('mou.')) return [data.reference, data.mouTitle, data.title].filter(Boolean).join(' · ');
    if (event.type.startsWith('notification.')) return [data.template, nameOf(data.recipientRegistrationId)].filter(Boolean).join(' · ');
    return typeof data.title === 'string' ? data.title : (event.subject ?? '');
  }

  function item(event: CloudEvent, position: string): HTMLElement {
    const row = document.createElement('li');
    row.dataset.type = event.type;
    row.dataset.position = position;
    const time = document.createElement('time');
    const at = new Date(event.time);
    time.dateTime = event.time;
    time.textContent = at.toDateString() === today ? clock.format(at) : dayAndClock.format(at);
    const label = document.createElement('span');
    label.className = 'event-type';
    label.textContent = texts.labels[event.type] ?? event.type;
    const what = document.createElement('span');
    what.className = 'event-what';
    what.textContent = describe(event);
    row.append(time, ' ', label, ' ', what);
    return row;
  }

  // Events come one task each (a replay, thousands): the list changes once per batch.
  function flush(): void {
    flushing = undefined;
    const newest = pending.reverse().slice(0, KEPT);
    pending = [];
    list.prepend(...newest);
    while (list.childElementCount > KEPT) list.lastElementChild!.remove();
  }

  async function refreshCounters(): Promise<void> {
    refreshing = undefined;
    const response = await fetch(`/console/m/${encodeURIComponent(missionId)}/live/counters`, { headers: { accept: 'text/html' }, redirect: 'manual' }).catch(
      () => undefined,
    );
    if (!response?.ok) return;
    const template = document.createElement('template');
    template.innerHTML = await response.text();
    const fresh = template.content.firstElementChild as HTMLElement | null;
    const current = document.getElementById('counters');
    if (!fresh || !current) return;
    counted = Math.max(counted, Number(fresh.dataset.position ?? 0));
    current.replaceWith(fresh);
  }

  function receive(message: MessageEvent<string>): void {
    const event = JSON.parse(message.data) as CloudEvent;
    pending.push(item(event, message.lastEventId));
    flushing ??= setTimeout(flush, 30);
    // Events the counters already include (the replay up to the page's summary) change nothing there.
    if (Number(message.lastEventId) > counted) {
      clearTimeout(refreshing);
      refreshing = setTimeout(() => void refreshCounters(), 250);
    }
  }

  status.textContent = texts.connecting;
  const source = new EventSource(`/api/missions/${encodeURIComponent(missionId)}/stream`);
  source.addEventListener('open', () => {
    status.textContent = texts.live;
    stopped.hidden = true;
  });
  // EventSource retries a dropped connection by itself, with Last-Event-ID; it gives up for good on a refusal (401: the token ended).
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      status.textContent = texts.stopped;
      stopped.hidden = false;
    } else {
      status.textContent = texts.reconnecting;
    }
  });
  // Each message is named after its event type, so EventSource needs a listener per type.
  for (const type of types) source.addEventListener(type, (message) => receive(message as MessageEvent<string>));
}
