// Child process for kill.test.ts: writes site variant A or B into the given folder and says
// "ready" just before writeSite starts, so the parent can aim its SIGKILL at the write itself.
import { writeSite } from '../../../src/stages/write/index.js';
import { sitePages } from './kill-site.js';

const [outDir, variant] = process.argv.slice(2) as [string, 'A' | 'B'];
process.stdout.write('ready\n');
await writeSite(sitePages(variant), outDir);
process.stdout.write('done\n');
