// Approve and reject without leaving the list: the same form posts, answered with the new row and a
// sentence (the server renders both), which replace the row and fill the notice. Without this
// script the forms post and come back to the list.

interface DecisionAnswer {
  ok: boolean;
  notice?: string;
  row?: string;
  message?: string;
  signIn?: string;
}

const notice = document.getElementById('decision-notice');

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-inline')) return;
  event.preventDefault();
  void decide(form);
});

async function decide(form: HTMLFormElement): Promise<void> {
  const buttons = [...form.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  const row = form.closest('tr');
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
    });
    const answer = (await response.json()) as DecisionAnswer;
    if (response.status === 401 && answer.signIn) {
      location.assign(answer.signIn);
      return;
    }
    say(answer.notice ?? answer.message ?? '', answer.ok);
    if (answer.row && row) {
      const template = document.createElement('template');
      template.innerHTML = answer.row.trim();
      const fresh = template.content.firstElementChild;
      if (fresh) row.replaceWith(fresh);
    }
  } catch {
    // Not answered (offline, a server away): the form posts the ordinary way instead.
    form.submit();
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

function say(text: string, ok: boolean): void {
  if (!notice) return;
  notice.textContent = text;
  notice.className = `notice ${ok ? 'notice--ok' : 'notice--error'}`;
  notice.hidden = false;
  notice.focus();
}
