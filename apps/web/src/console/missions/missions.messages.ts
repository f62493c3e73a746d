import { defineMessages } from '../../kit/messages.js';

export const missionsMessages = defineMessages({
  en: {
    title: 'Your missions',
    code: 'Code',
    mission: 'Mission',
    dates: 'Dates',
    cities: 'Cities',
    none: 'No missions yet. Creating a mission goes through the API for now (`POST /api/missions`), or `npm run demo` creates the EU Smart Cities mission to Chengdu and Liuzhou.',
    open: 'Open a mission by its id',
    missionId: 'Mission id',
    go: 'Open',
    dateRange: '{from} – {to}',
  },
  zh: {
    title: '我的考察团',
    code: '编号',
    mission: '考察团',
    dates: '日期',
    cities: '城市',
    none: '还没有考察团。目前通过 API（`POST /api/missions`）创建考察团，或运行 `npm run demo` 创建欧盟智慧城市成都、柳州考察团。',
    open: '按编号打开考察团',
    missionId: '考察团 ID',
    go: '打开',
    dateRange: '{from} 至 {to}',
  },
});
