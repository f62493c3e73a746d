import { loadServiceConfig, runService } from '#common';
import { mouRegistryApplication } from './mou-registry.application.js';

const config = loadServiceConfig('mou-registry');
const { module, options } = mouRegistryApplication(config);
await runService(module, config, options);
