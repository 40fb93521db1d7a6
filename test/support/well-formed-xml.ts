/**
 * A small well-formedness check for the XML and SVG the reports write (tests use it; no XML
 * library is a dependency). It checks what our writers could get wrong: tag nesting, quoted
 * attributes, unique attribute names, entity references and a single root element.
 */
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const NAME = '[A-Za-z_:][A-Za-z0-9_.:-]*';
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>$`);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');

export function findXmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let roots = 0;
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith('<!--') || token.startsWith('<?')) continue;
    if (!token.startsWith('<')) {
      checkText(token, 'text', problems);
      if (open.length === 0 && token.trim() !== '') problems.push(`text outside the root element: ${token.trim().slice(0, 40)}`);
      continue;
    }
    const match = TAG.exec(token);
    if (!match) {
      problems.push(`malformed tag: ${token.slice(0, 60)}`);
      continue;
    }
    const [, closing, name, attributes, selfClosing] = match;
    if (closing) {
      const expected = open.pop();
      if (expected !== name) problems.push(`</${name}> closes <${expected ?? 'nothing'}>`);
      continue;
    }
    if (open.length === 0) roots += 1;
    checkAttributes(name!, attributes ?? '', problems);
    if (!selfClosing) open.push(name!);
  }
  if (open.length > 0) problems.push(`unclosed elements: ${open.join(', ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

function checkAttributes(tag: string, attributes: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const [, name, doubleQuoted, singleQuoted] of attributes.matchAll(ATTRIBUTE)) {
    if (seen.has(name!)) problems.push(`<${tag}> repeats attribute ${name}`);
    seen.add(name!);
    checkText(doubleQuoted ?? singleQuoted ?? '', `attribute ${name} of <${tag}>`, problems);
  }
}

function checkText(text: string, where: string, problems: string[]): void {
  for (let index = text.indexOf('&'); index !== -1; index = text.indexOf('&', index + 1)) {
    ENTITY.lastIndex = index;
    if (!ENTITY.test(text)) problems.push(`bare & in ${where}: ${text.slice(index, index + 20)}`);
  }
}
