import { describe, expect, it } from 'vitest';
import { formatRuleSpec, matchesPacket, normalizeAddress, parseRuleSpec } from './firewall-rule.ts';

function parsed(args: string[]) {
  const result = parseRuleSpec(args);
  if (!result.ok) throw new Error(result.error);
  return result.rule;
}

describe('firewall rule - parsing and iptables -S form', () => {
  it('firewall rule - an NFS drop rule prints as iptables -S does, the tcp match made explicit and the comment quoted', () => {
    const rule = parsed(['-d', '10.0.0.5', '-p', 'tcp', '--dport', '2049', '-m', 'comment', '--comment', 'mqchaos:run-1', '-j', 'DROP']);
    expect(formatRuleSpec(rule)).toBe('-d 10.0.0.5/32 -p tcp -m tcp --dport 2049 -m comment --comment "mqchaos:run-1" -j DROP');
  });

  it('firewall rule - the -S form parses back to the same rule (what a restore deletes with)', () => {
    const rule = parsed(['-d', '10.0.0.5/32', '-p', 'tcp', '-m', 'tcp', '--dport', '2049', '-m', 'comment', '--comment', 'mqchaos:run-1', '-j', 'DROP']);
    expect(formatRuleSpec(rule)).toBe(formatRuleSpec(parsed(['-d', '10.0.0.5', '-p', 'tcp', '--dport', '2049', '-m', 'comment', '--comment', 'mqchaos:run-1', '-j', 'DROP'])));
  });

  it('firewall rule - a plain comment stays bare; quotes and backslashes are escaped', () => {
    expect(formatRuleSpec(parsed(['-m', 'comment', '--comment', 'plain_word-1', '-j', 'ACCEPT']))).toBe('-m comment --comment plain_word-1 -j ACCEPT');
    expect(formatRuleSpec(parsed(['-m', 'comment', '--comment', `it's "x"`, '-j', 'ACCEPT']))).toBe(`-m comment --comment "it\\'s \\"x\\"" -j ACCEPT`);
  });

  it('firewall rule - what iptables refuses is refused with its words', () => {
    expect(parseRuleSpec(['--dport', '2049', '-j', 'DROP'])).toEqual({ ok: false, error: 'unknown option "--dport"' });
    expect(parseRuleSpec(['-d', 'nfs.example.com', '-j', 'DROP'])).toEqual({ ok: false, error: 'host/network `nfs.example.com\' not found' });
    expect(parseRuleSpec(['-p', 'tcp', '--dport', '99999', '-j', 'DROP'])).toEqual({ ok: false, error: "invalid port/service `99999' specified" });
    expect(parseRuleSpec(['-j', 'TARPIT'])).toEqual({ ok: false, error: "Couldn't load target `TARPIT':No such file or directory" });
  });

  it('firewall rule - packets match on address (with prefix), protocol and port', () => {
    const rule = parsed(['-d', '10.0.0.0/24', '-p', 'tcp', '--dport', '2049', '-j', 'DROP']);
    expect(matchesPacket(rule, { from: '10.0.0.11', to: '10.0.0.5', protocol: 'tcp', port: 2049 })).toBe(true);
    expect(matchesPacket(rule, { from: '10.0.0.11', to: '10.0.1.5', protocol: 'tcp', port: 2049 })).toBe(false);
    expect(matchesPacket(rule, { from: '10.0.0.11', to: '10.0.0.5', protocol: 'tcp', port: 1414 })).toBe(false);
    expect(matchesPacket(rule, { from: '10.0.0.11', to: '10.0.0.5', protocol: 'udp', port: 2049 })).toBe(false);
  });

  it('firewall rule - addresses normalise to CIDR with host bits cleared', () => {
    expect(normalizeAddress('10.0.0.5')).toBe('10.0.0.5/32');
    expect(normalizeAddress('10.0.0.77/24')).toBe('10.0.0.0/24');
    expect(normalizeAddress('10.0.0.256')).toBeUndefined();
  });
});
