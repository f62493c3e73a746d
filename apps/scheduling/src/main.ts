import { loadServiceConfig, runService } from '#common';
import { schedulingApplication } from './scheduling.application.js';

const config = loadServiceConfig('scheduling');
const { module, options } = schedulingApplication(config);
await runService(module, config, options);
