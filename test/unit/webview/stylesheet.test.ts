import assert from 'node:assert/strict';
import type { StylesheetJson, StylesheetStyle } from 'cytoscape';
import {
  DEFAULT_COLOURS,
  normalizeColour,
  normalizeFontFamily,
  paletteFromVariables,
  themeKindFromClasses,
  type Palette,
} from '../../../webview/palette';
import {
  MIN_ZOOMED_FONT_SIZE,
  SMALL_GRAPH_MIN_ZOOMED_FONT_SIZE,
  badgeDataUri,
  buildStylesheet,
} from '../../../webview/stylesheet';

/** Dark+ as VS Code writes it on the webview's <html> (note the #rrggbbaa colours). */
const DARK_PLUS: Record<string, string> = {
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-editor-foreground': '#d4d4d4',
  '--vscode-descriptionForeground': '#ccccccb3',
  '--vscode-editorWidget-background': '#252526',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-focusBorder': '#007fd4',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-charts-orange': '#d18616',
  '--vscode-editorError-foreground': '#f14c4c',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-editorInfo-foreground': '#3794ff',
  '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", sans-serif',
};

const reader =
  (variables: Record<string, string>) =>
  (name: string): string =>
    // getPropertyValue keeps the leading space of `--x: value`; the palette must cope with it.
    variables[name] !== undefined ? ` ${variables[name]}` : '';

function block(sheet: StylesheetJson, selector: string): Record<string, unknown> {
  const found = sheet.find((entry) => entry.selector === selector) as StylesheetStyle | undefined;
  assert.ok(found, `no block for ${selector}`);
  return found.style as Record<string, unknown>;
}

describe('webview/palette', () => {
  it('reads the theme kind from VS Code’s body classes', () => {
    assert.equal(themeKindFromClasses([]), 'light');
    assert.equal(themeKindFromClasses(['vscode-light']), 'light');
    assert.equal(themeKindFromClasses(['vscode-dark']), 'dark');
    assert.equal(themeKindFromClasses(['vscode-high-contrast']), 'high-contrast');
    assert.equal(
      themeKindFromClasses(['vscode-high-contrast', 'vscode-high-contrast-light']),
      'high-contrast-light',
    );
  });

  it('turns colours into forms Cytoscape parses, and rejects anything else', () => {
    assert.equal(normalizeColour('#ABC'), '#abc');
    assert.equal(normalizeColour(' #1e1e1e '), '#1e1e1e');
    assert.equal(normalizeColour('#ccccccb3'), '#cccccc');
    assert.equal(normalizeColour('#abcd'), '#abc');
    assert.equal(normalizeColour('rgba(0, 0, 0, 0.5)'), 'rgba(0, 0, 0, 0.5)');
    assert.equal(normalizeColour('transparent'), 'transparent');
    assert.equal(normalizeColour(''), undefined);
    assert.equal(normalizeColour('#12345'), undefined);
    assert.equal(normalizeColour('url(x)'), undefined);
    assert.equal(normalizeColour('red"/><script>'), undefined);
  });

  it('keeps font lists and falls back on anything odd', () => {
    assert.equal(normalizeFontFamily(' "Segoe UI", sans-serif'), '"Segoe UI", sans-serif');
    assert.equal(normalizeFontFamily(''), 'system-ui, sans-serif');
    assert.equal(normalizeFontFamily('x; background: url(y)'), 'system-ui, sans-serif');
  });

  it('builds the palette from --vscode-* variables', () => {
    const palette = paletteFromVariables('dark', reader(DARK_PLUS));
    assert.equal(palette.kind, 'dark');
    assert.equal(palette.background, '#1e1e1e');
    assert.equal(palette.muted, '#cccccc');
    assert.equal(palette.service, '#3794ff');
    assert.equal(palette.error, '#f14c4c');
    assert.equal(
      palette.fontFamily,
      '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", sans-serif',
    );
  });

  it('falls back to the theme kind’s defaults for unset or unusable variables', () => {
    for (const kind of ['light', 'dark', 'high-contrast', 'high-contrast-light'] as const) {
      const palette = paletteFromVariables(kind, () => '');
      const { kind: paletteKind, fontFamily, ...colours } = palette;
      assert.equal(paletteKind, kind);
      assert.deepEqual(colours, DEFAULT_COLOURS[kind]);
      assert.equal(fontFamily, 'system-ui, sans-serif');
    }
    const palette = paletteFromVariables('dark', reader({ '--vscode-editor-background': 'var(--x)' }));
    assert.equal(palette.background, DEFAULT_COLOURS.dark.background);
  });

  it('prefers the high-contrast border variables when a theme sets them', () => {
    const palette = paletteFromVariables(
      'high-contrast',
      reader({ '--vscode-contrastBorder': '#6fc3df', '--vscode-editorWidget-border': '#454545' }),
    );
    assert.equal(palette.nodeBorder, '#6fc3df');
  });
});

describe('webview/stylesheet', () => {
  const light = paletteFromVariables('light', () => '');
  const dark = paletteFromVariables('dark', reader(DARK_PLUS));
  const highContrast: Palette = paletteFromVariables('high-contrast', () => '');

  it('styles nodes, namespaces, every category, edge type and severity', () => {
    const sheet = buildStylesheet(light);
    const selectors = sheet.map((entry) => entry.selector);
    for (const selector of [
      'node',
      'node.namespace',
      'node.category-service',
      'node.category-workload',
      'node.category-entry',
      'node.category-external',
      'node.has-findings',
      'node.findings-error',
      'node.findings-warning',
      'node.findings-info',
      'edge',
      'edge.edge-selects',
      'node.category-unresolved',
      'node.entry-point',
      'node.not-isolated',
      'node.collapsed',
      'node.kind-statefulset',
      'node.search-match',
      'edge.traffic-north-south',
      'edge.traffic-east-west',
      'edge.aggregate',
      'edge.verdict-blocked',
      'edge.verdict-unknown',
      '.faded',
      ':selected',
      '.filtered',
    ]) {
      assert.ok(selectors.includes(selector), `missing ${selector}`);
    }
    assert.equal(block(sheet, 'node').label, 'data(caption)');
    assert.equal(block(sheet, 'node.namespace').label, 'data(label)');
    assert.equal(block(sheet, 'edge').label, 'data(label)');
  });

  it('draws north-south and east-west edges differently, in colour and in shape', () => {
    const sheet = buildStylesheet(light);
    const northSouth = block(sheet, 'edge.traffic-north-south');
    const eastWest = block(sheet, 'edge.traffic-east-west');
    assert.notEqual(northSouth['line-color'], eastWest['line-color']);
    assert.equal(northSouth['line-color'], light.entry);
    assert.equal(eastWest['line-color'], light.service);
    assert.notEqual(northSouth['curve-style'], eastWest['curve-style']);
    assert.equal(eastWest['source-arrow-shape'], 'circle', 'a dot marks the caller');
    assert.equal(block(sheet, 'edge.edge-selects')['line-style'], 'dashed');
  });

  it('colours hops by verdict: blocked red and dashed, unknown amber and dotted, after the traffic styles', () => {
    const sheet = buildStylesheet(dark);
    const blocked = block(sheet, 'edge.verdict-blocked');
    assert.equal(blocked['line-color'], dark.blocked);
    assert.equal(blocked['line-style'], 'dashed');
    const unknown = block(sheet, 'edge.verdict-unknown');
    assert.equal(unknown['line-color'], dark.unknown);
    assert.deepEqual(unknown['line-dash-pattern'], [2, 3]);
    const selectors = sheet.map((entry) => entry.selector);
    assert.ok(selectors.indexOf('edge.verdict-blocked') > selectors.indexOf('edge.traffic-east-west'));
    assert.ok(selectors.indexOf('edge.verdict-blocked') > selectors.indexOf('edge.traffic-north-south'));
    assert.equal(selectors.at(-1), '.filtered', 'nothing overrides display: none');
    assert.equal(block(sheet, '.filtered').display, 'none');
  });

  it('marks workloads no policy isolates with a dashed outline in the warning colour', () => {
    const marks = block(buildStylesheet(dark), 'node.not-isolated');
    assert.equal(marks['outline-color'], dark.warning);
    assert.equal(marks['outline-style'], 'dashed');
    assert.ok((marks['outline-width'] as number) > 0);
  });

  it('hides small labels while zoomed out, on nodes and edges (pan/zoom speed)', () => {
    const sheet = buildStylesheet(light);
    for (const selector of ['node', 'node.namespace', 'edge']) {
      assert.equal(block(sheet, selector)['min-zoomed-font-size'], MIN_ZOOMED_FONT_SIZE);
      const small = buildStylesheet(light, SMALL_GRAPH_MIN_ZOOMED_FONT_SIZE);
      assert.equal(block(small, selector)['min-zoomed-font-size'], SMALL_GRAPH_MIN_ZOOMED_FONT_SIZE);
    }
    assert.ok(SMALL_GRAPH_MIN_ZOOMED_FONT_SIZE < MIN_ZOOMED_FONT_SIZE);
  });

  it('follows the palette: the same graph restyles for another theme', () => {
    const sheet = buildStylesheet(dark);
    assert.equal(block(sheet, 'node').color, '#d4d4d4');
    assert.equal(block(sheet, 'node').color, dark.foreground);
    assert.equal(block(sheet, 'node.category-service')['border-color'], '#3794ff');
    assert.equal(block(sheet, 'node.findings-error')['border-color'], '#f14c4c');
    assert.equal(block(sheet, 'edge')['text-background-color'], '#1e1e1e');
    assert.notDeepEqual(buildStylesheet(light), sheet);
  });

  it('draws thicker lines and no translucent fills in high contrast', () => {
    const normal = buildStylesheet(dark);
    const contrast = buildStylesheet(highContrast);
    assert.ok(
      (block(contrast, 'node')['border-width'] as number) > (block(normal, 'node')['border-width'] as number),
    );
    assert.ok((block(contrast, 'edge').width as number) > (block(normal, 'edge').width as number));
    assert.equal(block(contrast, 'node.namespace')['background-opacity'], 0);
    assert.equal(block(contrast, 'node').color, '#ffffff');
  });

  it('gives nodes with findings a badge image and a thicker outline', () => {
    const sheet = buildStylesheet(dark);
    const findings = block(sheet, 'node.has-findings');
    assert.ok((findings['border-width'] as number) > (block(sheet, 'node')['border-width'] as number));
    assert.equal(typeof findings['background-image'], 'function');
    const fakeNode = (data: Record<string, unknown>) => ({ data: (key: string) => data[key] });
    const image = (findings['background-image'] as (node: unknown) => string)(
      fakeNode({ findingsCount: 2, findingsWorst: 'error' }),
    );
    assert.equal(image, badgeDataUri(2, dark.error, dark.background));
  });

  it('draws the badge as an SVG data URI with the count only', () => {
    const svg = decodeURIComponent(
      badgeDataUri(3, '#f14c4c', '#1e1e1e').replace('data:image/svg+xml;charset=utf-8,', ''),
    );
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /fill="#f14c4c"/);
    assert.match(svg, />3<\/text><\/svg>$/);
    const many = decodeURIComponent(badgeDataUri(250, '#f14c4c', '#1e1e1e'));
    assert.match(many, />99\+<\/text>/);
  });
});
