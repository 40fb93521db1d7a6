import { parseRuleSpec } from '../firewall-rule.ts';
import { CHAINS, type Chain } from '../host-network.ts';
import { makeCommandResult, type CommandHandler, type CommandResult } from './command-types.ts';

/** [U] The version banner iptables puts before its error messages (Ubuntu 22.04's). */
const BANNER = 'iptables v1.8.7 (nf_tables)';
const TRY_HELP = "Try `iptables -h' or 'iptables --help' for more information.";
const BAD_RULE = 'iptables: Bad rule (does a matching rule exist in that chain?).';

/**
 * iptables on the filter table: `-A|-I|-D|-C CHAIN rule-spec` and `-S [CHAIN]`, with
 * `-w [seconds]` (wait for the xtables lock) accepted and ignored. Needs root (run it with
 * sudo): otherwise exit 4. Bad usage exits 2; `-D`/`-C` of a rule that is not there exit 1.
 */
export const runIptables: CommandHandler = (args, { host, user }) => {
  let rest = [...args];
  if (rest[0] === '-t') {
    if (rest[1] !== 'filter') return usageError(`can't initialize iptables table \`${rest[1] ?? ''}': the lab models only the filter table`);
    rest = rest.slice(2);
  }
  rest = dropWaitOption(rest);
  if (user !== 'root') {
    return makeCommandResult([], 4, [`${BANNER}: Could not fetch rule set generation id: Permission denied (you must be root)`, '']);
  }
  const [command, chainName, ...spec] = rest;
  if (command === '-S' || command === '--list-rules') {
    if (chainName !== undefined && !isChain(chainName)) return makeCommandResult([], 1, [`${BANNER}: chain \`${chainName}' in table \`filter' is incompatible, use 'nft' tool.`]);
    return makeCommandResult(host.network.listRules(chainName as Chain | undefined));
  }
  if (command === undefined || !['-A', '-I', '-D', '-C', '--append', '--insert', '--delete', '--check'].includes(command)) {
    return usageError(command === undefined ? 'no command specified' : `unknown option "${command}"`);
  }
  if (chainName === undefined || !isChain(chainName)) return makeCommandResult([], 1, [`iptables: No chain/target/match by that name.`]);
  let position: number | undefined;
  if ((command === '-I' || command === '--insert') && /^\d+$/.test(spec[0] ?? '')) position = Number(spec.shift());
  const parsed = parseRuleSpec(spec);
  if (!parsed.ok) return usageError(parsed.error);
  switch (command) {
    case '-A':
    case '--append':
      host.network.addRule(chainName, parsed.rule);
      return makeCommandResult([]);
    case '-I':
    case '--insert':
      host.network.addRule(chainName, parsed.rule, position ?? 1);
      return makeCommandResult([]);
    case '-D':
    case '--delete':
      return host.network.deleteRule(chainName, parsed.rule) ? makeCommandResult([]) : makeCommandResult([], 1, [BAD_RULE]);
    default:
      return host.network.hasRule(chainName, parsed.rule) ? makeCommandResult([]) : makeCommandResult([], 1, [BAD_RULE]);
  }
};

function dropWaitOption(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-w' || arg === '--wait') {
      if (/^\d+$/.test(args[i + 1] ?? '')) i += 1;
      continue;
    }
    out.push(arg);
  }
  return out;
}

function isChain(name: string): name is Chain {
  return (CHAINS as string[]).includes(name);
}

function usageError(message: string): CommandResult {
  return makeCommandResult([], 2, [`${BANNER}: ${message}`, TRY_HELP]);
}
