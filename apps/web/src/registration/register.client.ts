// The registration form with JavaScript: the same post, sent by fetch, and the answer's <main> put
// in place of this one, without a reload. Without JavaScript the form posts as a plain form does.
// The visitor's time zone preselected: bundled in, so that the form needs one script, not two.
import '../kit/visitor-time.client.js';

const form = document.querySelector<HTMLFormElement>('form[data-register-form]');

function focusFirst(): void {
  const target =
    document.querySelector<HTMLElement>('main [aria-invalid="true"]') ??
    document.querySelector<HTMLElement>('main [data-focus-on-load]') ??
    document.querySelector<HTMLElement>('main .error-summary');
  target?.focus();
}

/** Only the chosen category's questions are shown (without this script, every category's are). */
function categoryQuestions(): void {
  const choice = document.querySelector<HTMLElement>('main [data-category-choice]');
  if (!choice) return;
  const show = () => {
    const chosen = choice.querySelector<HTMLInputElement>('input[name="category"]:checked')?.value;
    for (const questions of document.querySelectorAll<HTMLElement>('main fieldset[data-category]')) questions.hidden = questions.dataset.category !== chosen;
  };
  choice.addEventListener('change', show);
  show();
}

function enhance(form: HTMLFormElement): void {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button?.disabled) return;
    const label = button?.textContent ?? '';
    if (button) {
      button.disabled = true;
      button.textContent = form.dataset.submitting ?? label;
    }
    try {
      const answer = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        headers: { accept: 'text/html' },
        credentials: 'same-origin',
      });
      const next = new DOMParser().parseFromString(await answer.text(), 'text/html');
      const main = next.querySelector('main');
      if (!main) throw new Error('no page in the answer');
      document.querySelector('main')!.innerHTML = main.innerHTML;
      document.title = next.title;
      const again = document.querySelector<HTMLFormElement>('form[data-register-form]');
      if (again) enhance(again);
      categoryQuestions();
      focusFirst();
    } catch {
      // The network or the page failed us: the plain post still works.
      form.submit();
    }
  });
}

if (form) enhance(form);
categoryQuestions();
document.querySelector<HTMLElement>('main [data-focus-on-load]')?.focus();
