import * as vscode from 'vscode';
import { readRuleOverrides, type RuleOverrides } from './ruleOverrides';

/** The `kubeTopology.*` settings, read in one place with their documented defaults. */
export interface Settings {
  readonly defaultNamespace: string;
  /** `namespace[/key=value,...]` of the Ingress controller pods; undefined: unknown. */
  readonly ingressController: string | undefined;
  readonly include: readonly string[];
  /**
   * `kubeTopology.exclude` plus every `files.exclude` pattern that is switched on, plus VS Code's own
   * `.vscode/` folder (ALWAYS_EXCLUDED).
   */
  readonly exclude: readonly string[];
  /** `kubeTopology.rules`: per rule code, `off` or the severity to show instead of the default. */
  readonly rules: RuleOverrides;
  /** Entries of `kubeTopology.rules` with an unknown code or level, as `code: level`. */
  readonly ignoredRules: readonly string[];
}

/**
 * Never manifests, whatever the settings say: VS Code's own folder. Its `settings.json` matches the
 * default include (any `.json` file), and reading it made every workspace-settings change (a
 * `kubeTopology.rules` override, say) a file change, so a full re-analysis and a panel re-render.
 */
const ALWAYS_EXCLUDED: readonly string[] = ['**/.vscode/**'];

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('kubeTopology');
  const rules = readRuleOverrides(config.get('rules'));
  const filesExclude =
    vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  return {
    defaultNamespace: config.get<string>('defaultNamespace')?.trim() || 'default',
    ingressController: config.get<string>('ingressController')?.trim() || undefined,
    include: stringArray(config.get('include'), ['**/*.{yaml,yml,json}']),
    exclude: [
      ...stringArray(config.get('exclude'), ['**/node_modules/**', '**/.git/**']),
      ...Object.entries(filesExclude)
        .filter(([, enabled]) => enabled === true)
        .map(([pattern]) => pattern),
      ...ALWAYS_EXCLUDED,
    ],
    rules: rules.overrides,
    ignoredRules: rules.ignored,
  };
}

/** Whether a configuration change touches what the index reads (as opposed to how it is analysed). */
export function affectsFileSelection(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration('kubeTopology.include') ||
    event.affectsConfiguration('kubeTopology.exclude') ||
    event.affectsConfiguration('files.exclude')
  );
}

/** Whether a configuration change touches only how findings are shown (no new analysis needed). */
export function affectsOnlyPresentation(event: vscode.ConfigurationChangeEvent): boolean {
  const analysisSettings = ['defaultNamespace', 'ingressController', 'include', 'exclude'];
  return (
    event.affectsConfiguration('kubeTopology.rules') &&
    !analysisSettings.some((name) => event.affectsConfiguration(`kubeTopology.${name}`)) &&
    !event.affectsConfiguration('files.exclude')
  );
}

function stringArray(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fallback;
}
