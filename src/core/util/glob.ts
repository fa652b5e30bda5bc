/**
 * Glob matching for workspace-relative paths with the syntax VS Code settings use: `**` (any
 * number of folders), `*` and `?` (within one path segment), `{a,b}` (alternatives, nestable) and
 * `[abc]` / `[!abc]` (character classes). Used to honour `kubeTopology.include`/`exclude` and
 * `files.exclude` for files the watcher and open editors report, which findFiles does not filter.
 */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${translate(glob.replace(/^\.\//, ''))}$`);
}

export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/');
  return globs.some((glob) => cachedRegExp(glob).test(path));
}

const cache = new Map<string, RegExp>();

function cachedRegExp(glob: string): RegExp {
  let regExp = cache.get(glob);
  if (!regExp) {
    regExp = globToRegExp(glob);
    cache.set(glob, regExp);
  }
  return regExp;
}

function translate(glob: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const character = glob[i] ?? '';
    if (character === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atSegmentStart && glob[i + 2] === '/') {
          out += '(?:[^/]*/)*'; // `**/`: zero or more whole folders
          i += 2;
          continue;
        }
        if (atSegmentStart && atSegmentEnd) {
          out += '.*'; // trailing `**`: everything below
          i += 1;
          continue;
        }
      }
      out += '[^/]*';
    } else if (character === '?') {
      out += '[^/]';
    } else if (character === '{') {
      depth += 1;
      out += '(?:';
    } else if (character === '}' && depth > 0) {
      depth -= 1;
      out += ')';
    } else if (character === ',' && depth > 0) {
      out += '|';
    } else if (character === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
      } else {
        const body = glob.slice(i + 1, close);
        out += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
        i = close;
      }
    } else {
      out += character.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return out;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&');
}
