// While a run works, its page follows it: it is read again every two seconds until the run has
// finished (without JavaScript, the "Check again" link does the same by hand).
const status = document.querySelector<HTMLElement>('[data-run-status]')?.dataset.runStatus;
if (status === 'queued' || status === 'running') setTimeout(() => window.location.reload(), 2000);
