import { defineMessages } from '../../kit/messages.js';

export const signInMessages = defineMessages({
  en: {
    title: 'Sign in to the console',
    intro: 'The console is for a mission’s organisers: its registrations, check-in, programme, matchmaking, MoUs and e-mails.',
    token: 'Organiser token',
    tokenHint: 'On a development machine, print one with `npm run -s token -- --role organiser` (every mission) or `--missions <id>` (one), and paste it here.',
    submit: 'Sign in',
    required: 'Paste a token.',
    invalid: 'This token is not valid, or it has expired.',
    ended: 'Your sign-in has ended. Sign in again to go on.',
    signedOut: 'You have signed out.',
    errorSummary: 'The token was not accepted',
    oidc: 'Organisers sign in through the identity provider of the organisation running mission-hub ({issuer}). Signing in with it from this page is not available in this version: use the console with a token the identity provider issued, through the API.',
  },
  zh: {
    title: '登录组织者控制台',
    intro: '控制台供考察团组织者使用：报名、签到、日程、洽谈配对、合作备忘录和邮件。',
    token: '组织者令牌',
    tokenHint: '在开发环境中，可用 `npm run -s token -- --role organiser`（所有考察团）或 `--missions <id>`（单个考察团）生成令牌，然后粘贴到这里。',
    submit: '登录',
    required: '请粘贴令牌。',
    invalid: '此令牌无效或已过期。',
    ended: '您的登录已失效，请重新登录后继续。',
    signedOut: '您已退出。',
    errorSummary: '令牌未被接受',
    oidc: '组织者通过运营 mission-hub 的机构的身份提供方（{issuer}）登录。此版本尚不支持从本页面通过其登录：请通过 API 使用身份提供方签发的令牌。',
  },
});
