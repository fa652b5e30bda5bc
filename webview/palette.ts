// The colours the graph is drawn with, taken from VS Code's theme variables (`--vscode-*`, which VS Code
// sets on the webview's <html> element) with per-theme-kind fallbacks. Pure: the caller passes a function
// that reads a variable, so this runs in plain Node in the unit tests; theme.ts does the DOM reading.

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface Palette {
  readonly kind: ThemeKind;
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly nodeFill: string;
  readonly nodeBorder: string;
  readonly focus: string;
  readonly service: string;
  readonly workload: string;
  readonly entry: string;
  readonly external: string;
  readonly error: string;
  readonly warning: string;
  readonly info: string;
  /** Hops NetworkPolicies deny. */
  readonly blocked: string;
  /** Hops whose verdict depends on what we cannot see. */
  readonly unknown: string;
  readonly fontFamily: string;
}

type Colours = Omit<Palette, 'kind' | 'fontFamily'>;

/** Which `--vscode-*` variables feed each colour, in order of preference. */
export const PALETTE_VARIABLES: Readonly<Record<keyof Colours, readonly string[]>> = {
  background: ['--vscode-editor-background'],
  foreground: ['--vscode-editor-foreground', '--vscode-foreground'],
  muted: ['--vscode-descriptionForeground'],
  nodeFill: ['--vscode-editorWidget-background', '--vscode-sideBar-background'],
  nodeBorder: ['--vscode-contrastBorder', '--vscode-editorWidget-border', '--vscode-widget-border'],
  focus: ['--vscode-contrastActiveBorder', '--vscode-focusBorder'],
  service: ['--vscode-charts-blue'],
  workload: ['--vscode-charts-green'],
  entry: ['--vscode-charts-purple'],
  external: ['--vscode-charts-orange'],
  error: ['--vscode-editorError-foreground', '--vscode-errorForeground'],
  warning: ['--vscode-editorWarning-foreground'],
  info: ['--vscode-editorInfo-foreground'],
  blocked: ['--vscode-charts-red', '--vscode-editorError-foreground'],
  unknown: ['--vscode-charts-yellow', '--vscode-editorWarning-foreground'],
};

export const FONT_VARIABLE = '--vscode-font-family';

const FALLBACK_FONT = 'system-ui, sans-serif';

/** VS Code's default theme colours (Light+, Dark+, High Contrast, High Contrast Light). */
export const DEFAULT_COLOURS: Readonly<Record<ThemeKind, Colours>> = {
  light: {
    background: '#ffffff',
    foreground: '#3b3b3b',
    muted: '#717171',
    nodeFill: '#f3f3f3',
    nodeBorder: '#c8c8c8',
    focus: '#0090f1',
    service: '#1a85ff',
    workload: '#388a34',
    entry: '#652d90',
    external: '#d18616',
    error: '#e51400',
    warning: '#bf8803',
    info: '#1a85ff',
    blocked: '#e51400',
    unknown: '#bf8803',
  },
  dark: {
    background: '#1e1e1e',
    foreground: '#d4d4d4',
    muted: '#9d9d9d',
    nodeFill: '#252526',
    nodeBorder: '#454545',
    focus: '#007fd4',
    service: '#3794ff',
    workload: '#89d185',
    entry: '#b180d7',
    external: '#d18616',
    error: '#f14c4c',
    warning: '#cca700',
    info: '#3794ff',
    blocked: '#f14c4c',
    unknown: '#cca700',
  },
  'high-contrast': {
    background: '#000000',
    foreground: '#ffffff',
    muted: '#ffffff',
    nodeFill: '#0c141f',
    nodeBorder: '#6fc3df',
    focus: '#f38518',
    service: '#3794ff',
    workload: '#89d185',
    entry: '#b180d7',
    external: '#d18616',
    error: '#f48771',
    warning: '#cca700',
    info: '#3794ff',
    blocked: '#f48771',
    unknown: '#cca700',
  },
  'high-contrast-light': {
    background: '#ffffff',
    foreground: '#292929',
    muted: '#292929',
    nodeFill: '#ffffff',
    nodeBorder: '#0f4a85',
    focus: '#006bbd',
    service: '#0f4a85',
    workload: '#374e06',
    entry: '#652d90',
    external: '#b5200d',
    error: '#b5200d',
    warning: '#895503',
    info: '#0f4a85',
    blocked: '#b5200d',
    unknown: '#895503',
  },
};

/** The theme kind from the classes VS Code puts on <body> (`vscode-high-contrast-light` comes with `vscode-high-contrast`). */
export function themeKindFromClasses(classes: readonly string[]): ThemeKind {
  if (classes.includes('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.includes('vscode-high-contrast')) return 'high-contrast';
  if (classes.includes('vscode-dark')) return 'dark';
  return 'light';
}

export function isHighContrast(kind: ThemeKind): boolean {
  return kind === 'high-contrast' || kind === 'high-contrast-light';
}

/**
 * A colour in a form Cytoscape parses (#rgb, #rrggbb, rgb(), rgba(), hsl(), hsla() or a name), or
 * undefined. VS Code writes many colours as #rrggbbaa, which Cytoscape rejects: the alpha is dropped.
 */
export function normalizeColour(value: string): string | undefined {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(text)?.[1];
  if (hex !== undefined) {
    if (hex.length === 3 || hex.length === 6) return `#${hex}`;
    if (hex.length === 4) return `#${hex.slice(0, 3)}`;
    if (hex.length === 8) return `#${hex.slice(0, 6)}`;
    return undefined;
  }
  if (/^(rgb|rgba|hsl|hsla)\(\s*[-0-9.%,\s]+\)$/.test(text)) return text;
  if (/^[a-z]{3,20}$/.test(text)) return text;
  return undefined;
}

/** A font-family list safe to hand to the canvas (no url(), no semicolons), or the fallback. */
export function normalizeFontFamily(value: string): string {
  const text = value.trim();
  return text !== '' && /^[\w\s,"'-]+$/.test(text) ? text : FALLBACK_FONT;
}

/** Builds the palette from a variable reader (returns '' for unset variables, like getPropertyValue). */
export function paletteFromVariables(kind: ThemeKind, read: (variable: string) => string): Palette {
  const defaults = DEFAULT_COLOURS[kind];
  const colours = {} as Record<keyof Colours, string>;
  for (const key of Object.keys(PALETTE_VARIABLES) as (keyof Colours)[]) {
    let colour: string | undefined;
    for (const variable of PALETTE_VARIABLES[key]) {
      colour = normalizeColour(read(variable));
      if (colour !== undefined) break;
    }
    colours[key] = colour ?? defaults[key];
  }
  return { kind, ...colours, fontFamily: normalizeFontFamily(read(FONT_VARIABLE)) };
}
