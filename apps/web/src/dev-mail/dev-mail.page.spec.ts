import { linkified } from './dev-mail.page.js';

describe('mail text in the development mail catcher', () => {
  it('makes addresses links and escapes the rest', () => {
    expect(linkified('Manage your registration: http://127.0.0.1:8080/p/sign-in?link=a.b.c.\n<b>hi</b> & bye').value).toBe(
      'Manage your registration: <a href="http://127.0.0.1:8080/p/sign-in?link=a.b.c">http://127.0.0.1:8080/p/sign-in?link=a.b.c</a>.\n&lt;b&gt;hi&lt;/b&gt; &amp; bye',
    );
  });

  it('takes no markup in an address', () => {
    expect(linkified('see https://example.org/"><script>').value).toBe('see <a href="https://example.org/">https://example.org/</a>&quot;&gt;&lt;script&gt;');
  });
});
