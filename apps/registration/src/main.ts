import { loadServiceConfig, runService } from '#common';
import { registrationApplication } from './registration.application.js';

const config = loadServiceConfig('registration');
const { module, options } = registrationApplication(config);
await runService(module, config, options);
