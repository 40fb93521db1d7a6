import { describe, expect, it } from 'vitest';
import { findXmlProblems } from './well-formed-xml.ts';

describe('findXmlProblems', () => {
  it.each([
    { name: 'a nested document with entities is well formed', xml: '<?xml version="1.0"?><a x="1 &amp; 2"><b/>t &lt; u</a>', problems: [] },
    { name: 'a crossed closing tag is reported', xml: '<a><b></a></b>', problems: ['</a> closes <b>', '</b> closes <a>'] },
    { name: 'a bare ampersand is reported', xml: '<a>fish & chips</a>', problems: ['bare & in text: & chips'] },
    { name: 'an unquoted attribute is a malformed tag', xml: '<a x=1></a>', problems: ['malformed tag: <a x=1>', '</a> closes <nothing>', 'expected one root element, found 0'] },
    { name: 'a repeated attribute is reported', xml: '<a x="1" x="2"/>', problems: ['<a> repeats attribute x'] },
    { name: 'an unclosed element is reported', xml: '<a><b></a>', problems: ['</a> closes <b>', 'unclosed elements: a'] },
    { name: 'two roots are reported', xml: '<a/><b/>', problems: ['expected one root element, found 2'] },
  ])('findXmlProblems - $name', ({ xml, problems }) => {
    expect(findXmlProblems(xml)).toEqual(problems);
  });
});
