import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../checkers/result-document.ts';
import { renderHealthSection } from './health-section.ts';

const withHealth = (health: ScenarioResult['health']) => ({ health }) as ScenarioResult;

describe('health section', () => {
  it('health section - shows when each check was healthy again and the reason codes it saw', () => {
    const html = renderHealthSection(
      withHealth({
        'put-get': { timeToHealthySeconds: 4.53, healthyAt: '2026-11-21T20:00:04.530Z', attempts: 23, lastError: 'MQCONNX 2538', reasonCodes: { '2009': 1, '2538': 8 } },
        'agent-<ping>': { timeToHealthySeconds: null, healthyAt: null, attempts: 40, lastError: null, reasonCodes: {} },
      }),
    );
    expect(html).toContain('<td>put-get</td><td>4.53 s</td><td>23</td><td>2009 \u00d71, 2538 \u00d78</td><td>MQCONNX 2538</td>');
    expect(html).toContain('agent-&lt;ping&gt;');
    expect(html).toContain('<strong>never</strong>');
  });

  it('health section - a scenario without health checks draws nothing', () => {
    expect(renderHealthSection(withHealth(undefined))).toBe('');
  });
});
