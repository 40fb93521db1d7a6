/**
 * An MQSC WHERE filter on a display: `WHERE(keyword operator value)`, e.g.
 * `DIS CHSTATUS(*) WHERE(XQMSGSA GT 1)` from IBM's "Monitoring clusters". Operators LT GT
 * EQ NE LE GE; numbers compare as numbers, anything else as upper-case text, a trailing `*`
 * as a prefix (EQ / NE only).
 */
export interface WhereClause {
  keyword: string;
  operator: 'LT' | 'GT' | 'EQ' | 'NE' | 'LE' | 'GE';
  value: string;
}

const WHERE = /^\s*([A-Z0-9]+)\s+(LT|GT|EQ|NE|LE|GE)\s+(\S+)\s*$/i;

export function parseWhere(text: string): WhereClause | null {
  const match = WHERE.exec(text);
  if (!match) return null;
  return { keyword: match[1]!.toUpperCase(), operator: match[2]!.toUpperCase() as WhereClause['operator'], value: match[3]! };
}

export function matchesWhere(clause: WhereClause, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const numeric = /^-?\d+$/.test(clause.value) && /^-?\d+$/.test(actual);
  if (!numeric && clause.value.endsWith('*') && (clause.operator === 'EQ' || clause.operator === 'NE')) {
    const prefix = actual.toUpperCase().startsWith(clause.value.slice(0, -1).toUpperCase());
    return clause.operator === 'EQ' ? prefix : !prefix;
  }
  const order = numeric ? Math.sign(Number(actual) - Number(clause.value)) : actual.toUpperCase().localeCompare(clause.value.toUpperCase());
  switch (clause.operator) {
    case 'LT': return order < 0;
    case 'GT': return order > 0;
    case 'EQ': return order === 0;
    case 'NE': return order !== 0;
    case 'LE': return order <= 0;
    case 'GE': return order >= 0;
  }
}
