/**
 * One iptables filter rule as the lab understands it: the matches an NFS fault needs
 * (`-s`, `-d`, `-p tcp|udp`, `--sport`, `--dport`, `-m comment --comment`) and a target.
 * `formatRuleSpec` prints it the way `iptables -S` does, which is also how two rules are
 * compared for `-D` and `-C` (iptables compares the whole rule, match order included).
 */
export type RuleTarget = 'ACCEPT' | 'DROP' | 'REJECT';
export type RuleProtocol = 'tcp' | 'udp';

export interface FirewallRule {
  /** Address in CIDR form (`10.0.0.5/32`). */
  source?: string;
  destination?: string;
  protocol?: RuleProtocol;
  /** Match modules in the order given: the port match of the protocol, a comment. */
  matches: RuleMatch[];
  target: RuleTarget;
}

export type RuleMatch =
  | { module: RuleProtocol; sourcePort?: number; destinationPort?: number }
  | { module: 'comment'; comment: string };

export type RuleParse = { ok: true; rule: FirewallRule } | { ok: false; error: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const TARGETS: RuleTarget[] = ['ACCEPT', 'DROP', 'REJECT'];

/** Parses the rule part of an iptables command line (everything after the chain). */
export function parseRuleSpec(args: readonly string[]): RuleParse {
  const rule: FirewallRule = { matches: [], target: 'ACCEPT' };
  const unknown = (option: string): RuleParse => ({ ok: false, error: `unknown option "${option}"` });
  const portMatch = (): Extract<RuleMatch, { module: RuleProtocol }> | undefined => {
    if (!rule.protocol) return undefined;
    let match = rule.matches.find((m): m is Extract<RuleMatch, { module: RuleProtocol }> => m.module === rule.protocol);
    if (!match) {
      match = { module: rule.protocol };
      rule.matches.push(match);
    }
    return match;
  };
  let target: RuleTarget | undefined;
  for (let i = 0; i < args.length; i++) {
    const option = args[i] as string;
    const value = args[i + 1];
    if (option === '!') return { ok: false, error: 'the lab does not model inverted matches ("!")' };
    if (value === undefined) return { ok: false, error: `option "${option}" requires an argument` };
    i += 1;
    switch (option) {
      case '-s':
      case '--source':
      case '-d':
      case '--destination': {
        const cidr = normalizeAddress(value);
        if (!cidr) return { ok: false, error: `host/network \`${value}' not found` };
        if (option === '-s' || option === '--source') rule.source = cidr;
        else rule.destination = cidr;
        break;
      }
      case '-p':
      case '--protocol':
        if (value !== 'tcp' && value !== 'udp') return { ok: false, error: `unknown protocol "${value}" specified` };
        rule.protocol = value;
        break;
      case '-m':
      case '--match':
        if (value === 'comment') rule.matches.push({ module: 'comment', comment: '' });
        else if (value === 'tcp' || value === 'udp') {
          if (rule.protocol !== value) return { ok: false, error: `Couldn't load match \`${value}' without -p ${value}` };
          portMatch();
        } else return { ok: false, error: `Couldn't load match \`${value}':No such file or directory` };
        break;
      case '--dport':
      case '--destination-port':
      case '--sport':
      case '--source-port': {
        const match = portMatch();
        if (!match) return unknown(option);
        const port = Number(value);
        if (!/^\d{1,5}$/.test(value) || port > 65535) return { ok: false, error: `invalid port/service \`${value}' specified` };
        if (option.includes('dport') || option.includes('destination')) match.destinationPort = port;
        else match.sourcePort = port;
        break;
      }
      case '--comment': {
        const comment = [...rule.matches].reverse().find((m) => m.module === 'comment');
        if (!comment || comment.module !== 'comment') return unknown(option);
        if (value.length > 256) return { ok: false, error: 'COMMENT must be shorter than 256 characters' };
        comment.comment = value;
        break;
      }
      case '-j':
      case '--jump':
        if (!TARGETS.includes(value as RuleTarget)) return { ok: false, error: `Couldn't load target \`${value}':No such file or directory` };
        target = value as RuleTarget;
        break;
      default:
        return unknown(option);
    }
  }
  if (!target) return { ok: false, error: 'the lab needs a target (-j ACCEPT|DROP|REJECT)' };
  rule.target = target;
  return { ok: true, rule };
}

/** The rule as `iptables -S` prints it after `-A <chain>`. */
export function formatRuleSpec(rule: FirewallRule): string {
  const parts: string[] = [];
  if (rule.source) parts.push('-s', rule.source);
  if (rule.destination) parts.push('-d', rule.destination);
  if (rule.protocol) parts.push('-p', rule.protocol);
  for (const match of rule.matches) {
    if (match.module === 'comment') {
      parts.push('-m', 'comment', '--comment', quoteSaveString(match.comment));
      continue;
    }
    parts.push('-m', match.module);
    if (match.sourcePort !== undefined) parts.push('--sport', String(match.sourcePort));
    if (match.destinationPort !== undefined) parts.push('--dport', String(match.destinationPort));
  }
  parts.push('-j', rule.target);
  return parts.join(' ');
}

/** Whether a packet from `fromAddress` to `toAddress:port` over `protocol` matches the rule. */
export function matchesPacket(rule: FirewallRule, packet: { from: string; to: string; protocol: RuleProtocol; port: number }): boolean {
  if (rule.source && !containsAddress(rule.source, packet.from)) return false;
  if (rule.destination && !containsAddress(rule.destination, packet.to)) return false;
  if (rule.protocol && rule.protocol !== packet.protocol) return false;
  for (const match of rule.matches) {
    if (match.module === 'comment') continue;
    if (match.destinationPort !== undefined && match.destinationPort !== packet.port) return false;
  }
  return true;
}

/** `10.0.0.5` → `10.0.0.5/32`; a network keeps its prefix with host bits cleared. */
export function normalizeAddress(text: string): string | undefined {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = match[5] === undefined ? 32 : Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const value = octets.reduce((acc, o) => acc * 256 + o, 0);
  const masked = prefix === 0 ? 0 : value - (value % 2 ** (32 - prefix));
  return `${[24, 16, 8, 0].map((shift) => Math.floor(masked / 2 ** shift) % 256).join('.')}/${prefix}`;
}

function containsAddress(cidr: string, address: string): boolean {
  const [network, prefix] = cidr.split('/');
  return normalizeAddress(`${address}/${prefix}`) === `${network}/${prefix}`;
}

/** xtables_save_string: bare when only [A-Za-z0-9_-], otherwise double-quoted with \\ before " \\ '. */
function quoteSaveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}
