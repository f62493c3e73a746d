import { loadServiceConfig, runService } from '#common';
import { notificationsApplication } from './notifications.application.js';

const config = loadServiceConfig('notifications');
const { module, options } = notificationsApplication(config);
await runService(module, config, options);
