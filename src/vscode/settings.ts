import * as vscode from 'vscode';

/** The `kubeTopology.*` settings, read in one place with their documented defaults. */
export interface Settings {
  readonly defaultNamespace: string;
  /** `namespace[/key=value,...]` of the Ingress controller pods; undefined: unknown. */
  readonly ingressController: string | undefined;
  readonly include: readonly string[];
  /** `kubeTopology.exclude` plus every `files.exclude` pattern that is switched on. */
  readonly exclude: readonly string[];
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('kubeTopology');
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
    ],
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

function stringArray(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fallback;
}
