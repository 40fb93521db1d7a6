// Writes each fault kind's suite schema fragment, defined in its module under
// activities/faults/, to suites/schemas/faults/<kind>.schema.json, where editors and the
// suite validator find it. `npm run fault-schemas`; a unit test fails when they differ.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_MODULES } from '../activities/faults/fault-catalog.ts';
import { schemasDir } from '../suites/suite-schemas.ts';

for (const module of FAULT_MODULES) {
  const file = join(schemasDir, 'faults', `${module.kind}.schema.json`);
  writeFileSync(file, `${JSON.stringify(module.schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
