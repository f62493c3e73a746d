import { eventTypes } from '#contracts';

/**
 * The organisers' live page: the mission's counters and its events as they happen. Plain HTML and
 * a few lines of script, served by the dashboard itself, so an organiser needs nothing but a
 * browser and a token. Everything shown is set as text, never as markup.
 */
export const dashboardPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mission-hub · live dashboard</title>
<link rel="icon" href="data:,">
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; color: #1d2433; background: #f5f6f8; }
  header { background: #1d2433; color: #fff; padding: 12px 20px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 17px; margin: 0 16px 0 0; }
  input { font: inherit; padding: 5px 8px; border-radius: 4px; border: 1px solid #8892a6; min-width: 18em; }
  button { font: inherit; padding: 5px 14px; border-radius: 4px; border: 0; background: #3b82f6; color: #fff; cursor: pointer; }
  main { display: grid; grid-template-columns: minmax(280px, 1fr) 2fr; gap: 20px; padding: 20px; }
  section { background: #fff; border-radius: 6px; padding: 14px 18px; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 15px; margin: 0 0 10px; }
  table { border-collapse: collapse; width: 100%; }
  td, th { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eceef2; font-variant-numeric: tabular-nums; }
  #events li { padding: 4px 0; border-bottom: 1px solid #eceef2; font-family: ui-monospace, monospace; font-size: 13px; list-style: none; }
  #events { margin: 0; padding: 0; max-height: 75vh; overflow: auto; }
  #status { font-size: 13px; opacity: .85; }
</style>
</head>
<body>
<header>
  <h1>mission-hub · live</h1>
  <input id="mission" placeholder="mission id" aria-label="mission id">
  <input id="token" placeholder="organiser token" aria-label="organiser token" type="password">
  <button id="connect">Watch</button>
  <span id="status">not connected</span>
</header>
<main>
  <section><h2>Registrations</h2><table id="registrations"></table><h2 style="margin-top:16px">By delegation</h2><table id="delegations"></table><h2 style="margin-top:16px">Notifications</h2><table id="notifications"></table><h2 style="margin-top:16px">Broadcasts</h2><table id="broadcasts"></table></section>
  <section><h2>Events, newest first</h2><ul id="events"></ul></section>
</main>
<script type="module">
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  $('mission').value = params.get('mission') ?? sessionStorage.getItem('mission') ?? '';
  $('token').value = sessionStorage.getItem('token') ?? '';
  let source;
  let refresh;

  function rows(table, entries) {
    table.replaceChildren(...entries.map(([name, value]) => {
      const row = document.createElement('tr');
      for (const text of [name, value]) { const cell = document.createElement('td'); cell.textContent = String(text); row.append(cell); }
      return row;
    }));
  }

  async function summary(mission, token) {
    const response = await fetch('/api/missions/' + encodeURIComponent(mission) + '/summary', { headers: { authorization: 'Bearer ' + token } });
    if (!response.ok) { $('status').textContent = 'summary: ' + response.status + ' ' + ((await response.json()).detail ?? ''); return; }
    const s = await response.json();
    rows($('registrations'), [['total', s.registrations.total], ...Object.entries(s.registrations.byStatus), ['checked in', s.registrations.checkedIn]]);
    rows($('delegations'), s.registrations.byDelegation.map((d) => [(d.delegation ?? '(none)') + (d.parentName ? ' (within ' + d.parentName + ')' : ''), d.byStatus.confirmed + ' confirmed · ' + d.total + ' in all']));
    rows($('notifications'), [['sent', s.notifications.sent], ['failed', s.notifications.failed]]);
    rows($('broadcasts'), s.broadcasts.map((b) => [b.subject ?? b.broadcastId, (b.queued ?? '?') + ' queued · ' + b.sent + ' sent · ' + b.failed + ' failed · ' + b.bounced + ' bounced']));
  }

  $('connect').addEventListener('click', () => {
    const mission = $('mission').value.trim();
    const token = $('token').value.trim();
    sessionStorage.setItem('mission', mission);
    sessionStorage.setItem('token', token);
    source?.close();
    $('events').replaceChildren();
    summary(mission, token);
    // EventSource cannot send headers; the stream accepts the token as a query parameter.
    source = new EventSource('/api/missions/' + encodeURIComponent(mission) + '/stream?access_token=' + encodeURIComponent(token));
    source.onopen = () => { $('status').textContent = 'live'; };
    // EventSource gives up for good on an answer such as 401 (the stream ends when the token expires).
    source.onerror = () => { $('status').textContent = source.readyState === EventSource.CLOSED ? 'stopped: the token may have expired; paste a new one' : 'reconnecting…'; };
    const show = (message) => {
      const event = JSON.parse(message.data);
      const item = document.createElement('li');
      item.textContent = '#' + message.lastEventId + '  ' + event.time.slice(11, 19) + '  ' + event.type + '  ' + event.subject;
      $('events').prepend(item);
      while ($('events').childElementCount > 500) $('events').lastElementChild.remove();
      clearTimeout(refresh);
      refresh = setTimeout(() => summary(mission, token), 300);
    };
    // Each SSE message is named after its event type, so EventSource needs a listener per type.
    for (const type of ${JSON.stringify(eventTypes)}) source.addEventListener(type, show);
  });
</script>
</body>
</html>
`;
