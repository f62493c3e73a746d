// `npm run asyncapi`: writes docs/asyncapi.yaml from the event contracts.
import { buildAsyncApiDocument } from '#contracts';
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

writeFileSync('docs/asyncapi.yaml', stringify(buildAsyncApiDocument(), { aliasDuplicateObjects: false, lineWidth: 0 }));
console.log('wrote docs/asyncapi.yaml');
