import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNfsServers } from './parse-findmnt.ts';
import { parseIptablesRules, toHostCidr } from './parse-iptables.ts';

const fixture = readFileSync(new URL('./fixtures/iptables-s-nfs-drop.txt', import.meta.url), 'utf8');

describe('parse iptables - iptables -S rules', () => {
  it('parse iptables - keeps each rule with the exact spec iptables -D takes, comments unquoted', () => {
    const rules = parseIptablesRules(fixture);
    expect(rules.map((r) => r.chain)).toEqual(['INPUT', 'OUTPUT', 'OUTPUT']);
    expect(rules[1]).toEqual({
      chain: 'OUTPUT',
      spec: ['-d', '10.0.0.5/32', '-p', 'tcp', '-m', 'tcp', '--dport', '2049', '-m', 'comment', '--comment', 'mqchaos:20261121-193000-mi-drop-nfs-ab12', '-j', 'DROP'],
      destination: '10.0.0.5/32',
      comment: 'mqchaos:20261121-193000-mi-drop-nfs-ab12',
      line: '-A OUTPUT -d 10.0.0.5/32 -p tcp -m tcp --dport 2049 -m comment --comment "mqchaos:20261121-193000-mi-drop-nfs-ab12" -j DROP',
    });
    expect(rules[2]?.comment).toBe('keep: "ops" rule');
  });

  it('parse iptables - policies only means no rules', () => {
    expect(parseIptablesRules('-P OUTPUT ACCEPT\n')).toEqual([]);
  });

  it('parse iptables - host addresses compare in /32 form', () => {
    expect(toHostCidr('10.0.0.5')).toBe('10.0.0.5/32');
    expect(toHostCidr('10.0.0.0/24')).toBe('10.0.0.0/24');
  });
});

describe('parse findmnt - NFS servers of a host', () => {
  it('parse findmnt - one server per distinct source, export paths dropped', () => {
    expect(parseNfsServers('10.0.0.5:/export/mqm/log\n10.0.0.5:/export/mqm/qmgrs\nnfs2.example.com:/mqha\n[fd00::5]:/x\n')).toEqual([
      '10.0.0.5',
      'nfs2.example.com',
      '[fd00::5]',
    ]);
    expect(parseNfsServers('')).toEqual([]);
  });
});
