import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.ts';

describe('Pacer', () => {
  it('Pacer - spaces calls at the rate', () => {
    const pacer = new Pacer(100);
    pacer.took(1, 1_000);
    expect(pacer.waitMs(1_000)).toBe(10);
    pacer.took(5, 1_010);
    expect(pacer.waitMs(1_010)).toBe(50);
  });

  it('Pacer - after a stall it goes on at its rate instead of bursting', () => {
    const pacer = new Pacer(100);
    pacer.took(1, 1_000);
    expect(pacer.waitMs(4_000)).toBe(0);
    pacer.took(1, 4_000);
    expect(pacer.waitMs(4_000)).toBe(10);
    pacer.took(1, 4_010);
    expect(pacer.waitMs(4_010)).toBe(10);
  });

  it('Pacer - a rate of 0 never waits', () => {
    const pacer = new Pacer(0);
    pacer.took(1_000, 1_000);
    expect(pacer.waitMs(1_000)).toBe(0);
  });
});
