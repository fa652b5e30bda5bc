/**
 * Expands `$(VAR)` the way Kubernetes does for env values, command and args: a reference to a
 * defined variable is replaced, an undefined one is left as written, and `$$` escapes a `$`
 * (`$$(VAR)` stays the literal text `$(VAR)`). Returns the text and the variables it used.
 */
export function expandReferences(
  text: string,
  lookup: (name: string) => string | undefined,
): { text: string; used: string[] } {
  if (!text.includes('$')) return { text, used: [] };
  const used: string[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (character !== '$') {
      out += character;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 1;
      continue;
    }
    if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close !== -1) {
        const name = text.slice(i + 2, close);
        const value = lookup(name);
        if (value !== undefined) {
          out += value;
          used.push(name);
        } else {
          out += text.slice(i, close + 1);
        }
        i = close;
        continue;
      }
    }
    out += character;
  }
  return { text: out, used };
}
