import { escapeHtml, html, raw } from './html.js';

describe('html', () => {
  it('escapes what it is given', () => {
    const name = '<script>alert("x")</script> & \'co\'';
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('keeps nested templates and raw fragments, joins lists and drops nothing-values', () => {
    const items = ['a<', 'b'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const markup = html`<ul>${items}</ul>${raw('<hr>')}${null}${undefined}${false}${0}`;
    expect(markup.toString()).toBe('<ul><li>a&lt;</li><li>b</li></ul><hr>0');
  });

  it('escapes a backtick too', () => {
    expect(escapeHtml('`')).toBe('&#96;');
  });
});
