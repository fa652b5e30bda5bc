// TEST-ONLY hook. The Chromium test tier (test/webview) sets `window.__kubeTopologyTestEnabled = true` in
// an init script before this bundle runs; only then is the Cytoscape instance exposed as
// `window.__kubeTopologyTest.cy`, so the tests can read positions and counts. VS Code never sets the flag,
// and nothing else runs in the webview's page (the CSP admits only our nonce'd bundle).
import type { Core } from 'cytoscape';

export interface TestHookWindow {
  __kubeTopologyTestEnabled?: boolean;
  __kubeTopologyTest?: { readonly cy: Core };
}

export function exposeForTests(cy: Core): void {
  const target = window as unknown as TestHookWindow;
  if (target.__kubeTopologyTestEnabled === true) target.__kubeTopologyTest = { cy };
}
