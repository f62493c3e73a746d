import { defineMessages } from './messages.js';

export const layoutMessages = defineMessages({
  en: {
    site: 'mission-hub',
    skip: 'Skip to the content',
    language: 'Language',
    footer: 'mission-hub · city-to-city cooperation missions',
    notFoundTitle: 'Page not found',
    notFound: 'There is no page at this address.',
    errorTitle: 'Something went wrong',
    error: 'The page could not be shown. Please try again shortly.',
    unavailable: 'This part of the service is unavailable right now. Please try again shortly.',
  },
  zh: {
    site: 'mission-hub',
    skip: '跳到正文',
    language: '语言',
    footer: 'mission-hub · 城市间合作考察团',
    notFoundTitle: '找不到页面',
    notFound: '此地址没有页面。',
    errorTitle: '出错了',
    error: '无法显示此页面，请稍后再试。',
    unavailable: '此服务暂时不可用，请稍后再试。',
  },
});
