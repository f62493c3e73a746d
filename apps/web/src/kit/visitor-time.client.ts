// The visitor's own time zone, which only the browser knows: fills in the "your time" of each
// moment (`<time data-visitor-time datetime="…">`) and preselects it in a time-zone field
// (`<select data-browser-time-zone>`) that the server left at its default. `[data-visitor-zone]` gets the zone's name.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const locale = document.documentElement.lang || undefined;

for (const element of document.querySelectorAll<HTMLTimeElement>('time[data-visitor-time]')) {
  const instant = new Date(element.dateTime);
  if (Number.isNaN(instant.getTime())) continue;
  const options: Intl.DateTimeFormatOptions =
    element.dataset.visitorTime === 'time' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { dateStyle: 'medium', timeStyle: 'short' };
  element.textContent = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(instant);
  element.closest('[hidden]')?.removeAttribute('hidden');
}
for (const element of document.querySelectorAll<HTMLElement>('[data-visitor-zone]')) element.textContent = zone;

for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-browser-time-zone]')) {
  if (select.dataset.browserTimeZone === 'keep') continue;
  if ([...select.options].some((option) => option.value === zone)) select.value = zone;
}
