import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuiteSchemas, schemasDir } from '../../suites/suite-schemas.ts';
import { FAULT_MODULES, faultModule } from './fault-catalog.ts';

describe('fault catalog', () => {
  it.each(FAULT_MODULES.map((module) => [module.kind, module] as const))(
    'the published suites/schemas/faults/%s.schema.json is the fragment its module defines (npm run fault-schemas)',
    (kind, module) => {
      const published = JSON.parse(readFileSync(join(schemasDir, 'faults', `${kind}.schema.json`), 'utf8')) as unknown;
      expect(published).toEqual(module.schema);
    },
  );

  it('the suite schema offers exactly the kinds of the catalog', () => {
    expect([...loadSuiteSchemas().faults.keys()].sort()).toEqual(FAULT_MODULES.map((m) => m.kind).sort());
  });

  it('names an unknown kind', () => {
    expect(() => faultModule('unplug-datacentre')).toThrow('unknown fault kind "unplug-datacentre"');
  });
});
