// The HTML/CSP builder: the policy string, escaping, the nonce, and the hash of Cytoscape's one injected
// <style>, recomputed from the installed cytoscape so an upgrade that changes it fails here.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  CYTOSCAPE_STYLE_HASH,
  buildContentSecurityPolicy,
  buildWebviewHtml,
  createNonce,
} from '../../../src/vscode/webviewHtml';

const inputs = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.js',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/topology.css'],
  title: 'Topology',
};

/** The text cytoscape puts in its <style>: `'.' + className + ' { position: relative; }'`. */
function cytoscapeStyleText(): string {
  const require = createRequire(__filename);
  // The package's exports hide package.json; its main entry sits in dist/ beside the ESM build.
  const distDir = path.dirname(require.resolve('cytoscape'));
  const source = readFileSync(path.join(distDir, 'cytoscape.esm.mjs'), 'utf8');
  assert.match(source, /__________cytoscape_stylesheet/, 'cytoscape still injects its stylesheet');
  const className = /var className = '(__________cytoscape_container)';/.exec(source)?.[1];
  assert.ok(className, 'found the container class name');
  const template = /stylesheet\.textContent = '\.' \+ className \+ '([^']*)';/.exec(source)?.[1];
  assert.ok(template !== undefined, 'found the injected style text');
  return `.${className}${template}`;
}

describe('webviewHtml', () => {
  it('allows exactly the style text the installed cytoscape injects, by its sha256', () => {
    const text = cytoscapeStyleText();
    assert.equal(text, '.__________cytoscape_container { position: relative; }');
    const hash = 'sha256-' + createHash('sha256').update(text, 'utf8').digest('base64');
    assert.equal(CYTOSCAPE_STYLE_HASH, hash);
  });

  it('builds the policy with a nonce, the cspSource and no unsafe sources', () => {
    const csp = buildContentSecurityPolicy('https://example.test', 'NONCE');
    assert.equal(
      csp,
      `default-src 'none'; script-src 'nonce-NONCE'; style-src https://example.test '${CYTOSCAPE_STYLE_HASH}'; ` +
        `img-src https://example.test data:; font-src https://example.test`,
    );
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the policy in a meta tag and loads only the nonce’d bundle, with no inline script or style', () => {
    const html = buildWebviewHtml(inputs);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(meta, buildContentSecurityPolicy(inputs.cspSource, inputs.nonce).replaceAll("'", '&#39;'));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]?.[1], ` nonce="abc123" src="${inputs.scriptUri}"`);
    assert.equal(scripts[0]?.[2], '');
    assert.doesNotMatch(html, /<style|style=/);
    assert.match(
      html,
      /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/topology\.css">/,
    );
    for (const id of ['toolbar', 'stage', 'canvas', 'empty-state'])
      assert.match(html, new RegExp(`id="${id}"`));
  });

  it('escapes every input it writes into the page', () => {
    const html = buildWebviewHtml({
      cspSource: 'https://a"b',
      nonce: 'n"><script>',
      scriptUri: 'https://x/"onload="alert(1)',
      styleUris: ["https://x/'><img src=x>"],
      title: '</title><script>alert(1)</script>',
    });
    assert.equal([...html.matchAll(/<script\b/g)].length, 1);
    assert.doesNotMatch(html, /<img|"onload=|<\/title><script>/);
    assert.match(html, /&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /src="https:\/\/x\/&quot;onload=&quot;alert\(1\)"/);
  });

  it('creates 128-bit nonces that differ every time', () => {
    const nonces = Array.from({ length: 200 }, () => createNonce());
    for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{32}$/);
    assert.equal(new Set(nonces).size, nonces.length);
    // Every hex digit shows up across 6,400 random digits: not a constant or a counter.
    assert.equal(new Set(nonces.join('')).size, 16);
  });
});
