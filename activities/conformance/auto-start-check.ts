import type { CheckFacts } from '../../checkers/conformance-facts.ts';
import { parseStatLines } from '../host/parse-stat.ts';
import { parseUnitFileState, startsAtBoot } from '../host/parse-systemctl.ts';
import { fillPath, instanceHosts, readNode, runReading, type CheckContext, type FactsAndWords } from './check-context.ts';

/**
 * Automatic start-up disabled where an HA manager owns the queue manager: the configured
 * probe, `systemctl is-enabled UNIT` (enabled means it starts at boot; no such unit means it
 * does not) and/or an init script (present and executable means it starts at boot).
 */
export async function checkAutoStart(context: CheckContext): Promise<CheckFacts> {
  const probe = context.config.autoStart ?? {};
  const unit = probe.systemdUnit && fillPath(probe.systemdUnit, context.queueManager);
  const script = probe.initScript && fillPath(probe.initScript, context.queueManager);
  const nodes = await Promise.all(
    instanceHosts(context).map((host) =>
      readNode(host.name, async (): Promise<FactsAndWords> => {
        const reasons: string[] = [];
        const facts: FactsAndWords['facts'] = {};
        if (unit) {
          const result = await runReading(context, host, ['systemctl', 'is-enabled', unit]);
          const state = parseUnitFileState(result.stdout, result.stderr);
          facts.unitState = state ?? 'not-found';
          if (state && startsAtBoot(state)) reasons.push(`systemd unit ${unit} is ${state}`);
        }
        if (script) {
          const result = await runReading(context, host, ['stat', '-L', '-c', '%U:%G:%a:%F:%n', script]);
          const line = parseStatLines(result.stdout)[0];
          facts.initScript = line ? line.mode : 'absent';
          if (line && (Number.parseInt(line.mode, 8) & 0o111) !== 0) reasons.push(`init script ${script} is installed and executable`);
        }
        facts.startsAtBoot = unit || script ? reasons.length > 0 : null;
        return { facts, words: { startsAtBoot: `${reasons.join('; ')}: ${context.queueManager} starts at boot outside the HA manager` } };
      }),
    ),
  );
  return { check: 'auto-start', title: 'automatic start-up disabled (the HA manager starts the queue manager)', queueManager: context.queueManager, nodes };
}
