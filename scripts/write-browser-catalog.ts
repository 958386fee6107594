// Writes lib/hardware/devices.browser.json: the validated catalog without its citations, which is
// what lib/hardware/catalog.ts (and so the browser bundle) imports. Run after editing devices.json.
import { writeFileSync } from 'node:fs';
import catalog from '../lib/hardware/devices.json';
import { validateCatalog } from '../lib/hardware/schema';
import { withoutSources } from '../lib/hardware/unsourced';

const devices = withoutSources(validateCatalog(catalog));
writeFileSync('lib/hardware/devices.browser.json', `${JSON.stringify({ devices }, null, 2)}\n`);
console.log(`lib/hardware/devices.browser.json: ${devices.length} devices`);
