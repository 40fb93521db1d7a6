import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MQC } from './mq-constants.ts';
import { readMqString, WIRE, writeMqString } from './wire-protocol.ts';

const WIRE_H = new URL('../native/wire.h', import.meta.url);

/** The #define WIRE_* values of the C header, evaluated (they are sums of literals and other WIRE_ names). */
function readWireHeader(): Record<string, number> {
  const values: Record<string, number> = {};
  for (const match of readFileSync(WIRE_H, 'utf8').matchAll(/^#define WIRE_(\w+) (.+?)\s*(\/\*.*)?$/gm)) {
    const expression = (match[2] as string).replace(/WIRE_(\w+)/g, (_, name: string) => String(values[name]));
    if (!/^[\d\s+*()x0-9a-fA-F]+$/.test(expression)) throw new Error(`unexpected expression ${expression}`);
    values[match[1] as string] = Function(`return (${expression});`)() as number;
  }
  return values;
}

describe('wire protocol', () => {
  it('wire protocol - every constant of lab/native/wire.h has the same value in WIRE, and the other way round', () => {
    const header = readWireHeader();
    expect(header).toEqual({ ...WIRE });
  });

  it('wire protocol - MQ character fields are blank padded and read back without padding', () => {
    const field = Buffer.alloc(10, 0xff);
    writeMqString(field, 2, 6, 'QM1');
    expect(field.toString('latin1', 2, 8)).toBe('QM1   ');
    expect(readMqString(field, 2, 6)).toBe('QM1');
  });

  it('MQC - every constant the lab uses has the value of the ibmmq package definitions', () => {
    const packageConstants = createRequire(import.meta.url)('ibmmq/lib/mqidefs.js') as Record<string, number>;
    const mismatches = Object.entries(MQC).filter(([name, value]) => packageConstants[name] !== value);
    expect(mismatches).toEqual([]);
  });
});
