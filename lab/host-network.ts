import { formatRuleSpec, matchesPacket, type FirewallRule, type RuleProtocol } from './firewall-rule.ts';
import type { TruthEventInput } from './truth-log.ts';

export type Chain = 'INPUT' | 'FORWARD' | 'OUTPUT';
export const CHAINS: Chain[] = ['INPUT', 'FORWARD', 'OUTPUT'];

export interface NetworkInterface {
  index: number;
  name: string;
  up: boolean;
  mac: string;
  loopback: boolean;
}

type PathListener = () => void;

/**
 * A host's network as far as faults care: the loopback and one Ethernet interface carrying
 * the host's estate address, and the iptables filter table (policy ACCEPT everywhere).
 * Whether the host can reach an address is decided as the kernel would for an outgoing
 * packet: the interface must be up and the first matching OUTPUT rule must not drop it.
 * SSH stays on 127.0.0.1, like a management network the faults never touch.
 */
export class HostNetwork {
  readonly interfaces: NetworkInterface[];
  private readonly chains = new Map<Chain, FirewallRule[]>(CHAINS.map((chain) => [chain, []]));
  private readonly listeners: PathListener[] = [];

  constructor(
    readonly host: string,
    readonly address: string,
    private readonly emit: (event: TruthEventInput) => void,
    hostIndex: number,
  ) {
    const mac = `52:54:00:00:00:${(hostIndex + 0x10).toString(16).padStart(2, '0')}`;
    this.interfaces = [
      { index: 1, name: 'lo', up: true, mac: '00:00:00:00:00:00', loopback: true },
      { index: 2, name: 'eth0', up: true, mac, loopback: false },
    ];
  }

  /** `iptables -I chain [position]` (1-based; beyond the end appends) or `-A` when position is undefined. */
  addRule(chain: Chain, rule: FirewallRule, position?: number): void {
    const rules = this.rulesOf(chain);
    const at = position === undefined ? rules.length : Math.min(Math.max(position - 1, 0), rules.length);
    rules.splice(at, 0, rule);
    this.emit({ event: 'rule-added', host: this.host, rule: `-A ${chain} ${formatRuleSpec(rule)}` });
    this.pathMayHaveChanged();
  }

  /** `iptables -D chain rule-spec`: removes the first identical rule; false when there is none. */
  deleteRule(chain: Chain, rule: FirewallRule): boolean {
    const rules = this.rulesOf(chain);
    const index = this.indexOf(chain, rule);
    if (index < 0) return false;
    rules.splice(index, 1);
    this.emit({ event: 'rule-removed', host: this.host, rule: `-A ${chain} ${formatRuleSpec(rule)}` });
    this.pathMayHaveChanged();
    return true;
  }

  hasRule(chain: Chain, rule: FirewallRule): boolean {
    return this.indexOf(chain, rule) >= 0;
  }

  /** `iptables -S [chain]`. */
  listRules(chain?: Chain): string[] {
    const chains = chain ? [chain] : CHAINS;
    return [
      ...chains.map((c) => `-P ${c} ACCEPT`),
      ...chains.flatMap((c) => this.rulesOf(c).map((rule) => `-A ${c} ${formatRuleSpec(rule)}`)),
    ];
  }

  interfaceNamed(name: string): NetworkInterface | undefined {
    return this.interfaces.find((i) => i.name === name);
  }

  /** `ip link set <name> up|down`. */
  setLinkUp(name: string, up: boolean): boolean {
    const link = this.interfaceNamed(name);
    if (!link) return false;
    if (link.up === up) return true;
    link.up = up;
    this.emit({ event: 'link-state', host: this.host, interface: name, up });
    this.pathMayHaveChanged();
    return true;
  }

  /** What `hostname -I` prints: the addresses of interfaces that are up, loopback excluded. */
  listAddresses(): string[] {
    return this.interfaceNamed('eth0')?.up ? [this.address] : [];
  }

  canReach(address: string, protocol: RuleProtocol, port: number): boolean {
    if (!this.interfaceNamed('eth0')?.up) return false;
    const packet = { from: this.address, to: address, protocol, port };
    const rule = this.rulesOf('OUTPUT').find((r) => matchesPacket(r, packet));
    return rule === undefined || rule.target === 'ACCEPT';
  }

  /** Told after every rule or link change; the listener re-evaluates the paths it cares about. */
  onPathChange(listener: PathListener): void {
    this.listeners.push(listener);
  }

  private pathMayHaveChanged(): void {
    for (const listener of this.listeners) listener();
  }

  private indexOf(chain: Chain, rule: FirewallRule): number {
    const spec = formatRuleSpec(rule);
    return this.rulesOf(chain).findIndex((r) => formatRuleSpec(r) === spec);
  }

  private rulesOf(chain: Chain): FirewallRule[] {
    return this.chains.get(chain)!;
  }
}
