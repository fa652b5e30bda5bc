/** Copies the integration fixture workspace to a temporary folder with generated bad input; returns the folder. */
export function prepareIntegrationWorkspace(repoRoot: string): string;
