import assert from 'node:assert/strict';

/**
 * A strict check of well-formed XML, enough for the badge: one root element, tags closed in order,
 * quoted attributes without duplicates, and `&` only as a predefined or numeric entity.
 */
export function assertWellFormedXml(xml: string): void {
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const tag = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_:][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
  const stack: string[] = [];
  let roots = 0;
  let rest = xml;
  while (rest.length > 0) {
    if (rest.startsWith('<')) {
      const match = tag.exec(rest);
      assert.ok(match, `malformed tag at: ${rest.slice(0, 60)}`);
      const [whole, closing, name, attributes, selfClosing] = match;
      const names = [...attributes!.matchAll(/([A-Za-z_:][\w.:-]*)\s*=/g)].map((a) => a[1]);
      assert.equal(new Set(names).size, names.length, `duplicate attribute in <${name}>`);
      assert.ok(!entity.test(attributes!), `bare & in the attributes of <${name}>`);
      if (closing) assert.equal(stack.pop(), name, `</${name}> closes another element`);
      else {
        if (stack.length === 0) roots += 1;
        if (!selfClosing) stack.push(name!);
      }
      rest = rest.slice(whole.length);
    } else {
      const end = rest.indexOf('<');
      const text = end === -1 ? rest : rest.slice(0, end);
      assert.ok(stack.length > 0 || text.trim() === '', 'text outside the root element');
      assert.ok(!entity.test(text) && !text.includes('>'), `unescaped text: ${text}`);
      rest = rest.slice(text.length);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
}
