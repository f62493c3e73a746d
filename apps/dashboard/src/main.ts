import { loadServiceConfig, runService } from '#common';
import { dashboardApplication } from './dashboard.application.js';

const config = loadServiceConfig('dashboard');
const { module, options } = dashboardApplication(config);
await runService(module, config, options);
