// The sample workspace (examples/shop, copied to `sample/`) as a user meets it: the Problems view
// lists exactly the findings its README promises, on the offending value, for files never opened;
// fixing a typo in an editor clears its finding before saving; kubeTopology.rules changes how the
// findings are shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, type KubeTopologyApi } from './api';
import { SOURCE, codeOf, indexed, openEditor, ourDiagnostics, waitFor } from './helpers';
import {
  SAMPLE,
  allOurDiagnostics,
  diagnosticLine,
  hoverViews,
  inSample,
  rangeText,
  sampleDiagnosticLines,
  sampleRange,
  sampleRelative,
  sampleUri,
  type Locator,
} from './sample';

const RULE_DOCS = 'https://github.com/kube-topology/kube-topology/blob/main/docs/rules/';

interface ExpectedRelated {
  readonly file: string;
  readonly at: Locator;
}

interface ExpectedFinding {
  readonly file: string;
  readonly code: string;
  readonly severity: vscode.DiagnosticSeverity;
  /** The offending value, located in the file's text. */
  readonly at: Locator;
  /** Words the message must contain (it names what is wrong). */
  readonly says: readonly string[];
  readonly related?: readonly ExpectedRelated[];
}

const { Error: ERROR, Warning: WARNING, Information: INFO } = vscode.DiagnosticSeverity;

/** The "Expected findings" table of examples/shop/README.md, with each offending value located. */
const EXPECTED: readonly ExpectedFinding[] = [
  {
    // `description: Next release: wishlist and gift cards`: the unquoted value holds ": ", so yaml
    // reads `Next release` as an implicit key inside a compact mapping and reports its first character.
    file: 'scratch/broken.yaml',
    code: 'yaml-syntax',
    severity: ERROR,
    at: { needle: 'Next release: wishlist', length: 1 },
    says: ['YAML syntax error'],
  },
  {
    file: 'web/ingress.yaml',
    code: 'ingress-missing-service',
    severity: ERROR,
    at: { after: 'path: /assets', needle: 'name: static-assets', offset: 'name: '.length },
    says: ["'static-assets'", 'shop.example.com/assets'],
  },
  {
    file: 'core/catalog.yaml',
    code: 'service-port-mismatch',
    severity: ERROR,
    at: { needle: 'targetPort: metrics', offset: 'targetPort: '.length },
    says: ["'metrics'", 'Deployment/shop-core/catalog'],
    // The container that lacks the port: `- name: catalog` of the Deployment.
    related: [
      { file: 'core/catalog.yaml', at: { after: 'containers:', needle: 'name: catalog', offset: 6 } },
    ],
  },
  {
    file: 'web/storefront.yaml',
    code: 'policy-blocks-call',
    severity: ERROR,
    at: { needle: 'reviews.shop-core:8080' },
    says: ['Service/shop-core/reviews', 'NetworkPolicy/shop-core/default-deny-ingress'],
    related: [
      {
        file: 'core/network-policies.yaml',
        at: { needle: 'name: default-deny-ingress', offset: 'name: '.length },
      },
    ],
  },
  {
    // The selector of Service payments-metrics (`app: payment`; the pods are `app: payments`).
    file: 'core/payments.yaml',
    code: 'service-no-endpoints',
    severity: WARNING,
    at: { after: 'name: payments-metrics', needle: 'payment\n', length: 'payment'.length },
    says: ["'payments-metrics'", 'app=payment'],
    // The closest workload: the Deployment's name.
    related: [{ file: 'core/payments.yaml', at: { needle: 'name: payments', offset: 'name: '.length } }],
  },
  {
    file: 'core/orders.yaml',
    code: 'call-unresolved',
    severity: INFO,
    at: { needle: 'http://notifications.shop-core:8080/v1/notify' },
    says: ["'notifications'", 'NOTIFY_URL'],
  },
  {
    file: 'data/redis.yaml',
    code: 'no-readiness-probe',
    severity: INFO,
    at: { after: 'containers:', needle: '- name: redis', offset: '- name: '.length },
    says: ["'redis'", 'readinessProbe'],
  },
];

/** The expected findings as the lines sampleDiagnosticLines() produces, ranges located in the text. */
async function expectedLines(
  findings: readonly ExpectedFinding[],
  severityOf: (finding: ExpectedFinding) => vscode.DiagnosticSeverity | undefined = (f) => f.severity,
): Promise<string[]> {
  const lines: string[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding);
    if (severity === undefined) continue;
    const range = await sampleRange(finding.file, finding.at);
    lines.push(`${finding.file} ${finding.code} ${vscode.DiagnosticSeverity[severity]} ${rangeText(range)}`);
  }
  return lines.sort();
}

/** Waits until the sample's diagnostics are exactly `expected` (sorted lines). */
async function waitForSampleDiagnostics(expected: readonly string[], what: string): Promise<void> {
  await waitFor(what, () => JSON.stringify(sampleDiagnosticLines()) === JSON.stringify(expected), {
    observe: () => `\nexpected:\n${expected.join('\n')}\nactual:\n${sampleDiagnosticLines(true).join('\n')}`,
  });
}

/** Every Kube Topology diagnostic of the workspace, with messages and related locations, as lines. */
function workspaceSnapshot(): string[] {
  return allOurDiagnostics()
    .flatMap(([uri, list]) =>
      list.map((d) => {
        const related = (d.relatedInformation ?? [])
          .map((r) => ` | ${sampleRelative(r.location.uri)} ${rangeText(r.location.range)} ${r.message}`)
          .join('');
        return `${diagnosticLine(uri, d, true)}${related}`;
      }),
    )
    .sort();
}

suite('Sample workspace: diagnostics', () => {
  let api: KubeTopologyApi;

  suiteSetup(async () => {
    api = await activateExtension();
    await indexed(api, 'the workspace with the sample');
  });

  test('the Problems view lists exactly the README findings of the sample, files unopened', async () => {
    // Nothing of the sample has been opened: the findings come from the workspace scan alone.
    const open = vscode.workspace.textDocuments.filter((document) => inSample(document.uri));
    assert.deepStrictEqual(
      open.map((document) => document.uri.toString()),
      [],
      'no sample file should be open yet',
    );
    const expected = await expectedLines(EXPECTED);
    await waitForSampleDiagnostics(expected, 'the seven findings of the sample README');
    assert.strictEqual(expected.length, 7);
  });

  test('each finding: source, code with its rules page, severity, exact range, message and related locations', async () => {
    for (const finding of EXPECTED) {
      const uri = sampleUri(finding.file);
      const found = ourDiagnostics(uri).filter((d) => codeOf(d) === finding.code);
      assert.strictEqual(found.length, 1, `${finding.file}: one ${finding.code}`);
      const [diagnostic] = found;
      assert.ok(diagnostic);
      assert.strictEqual(diagnostic.source, SOURCE);
      assert.strictEqual(diagnostic.severity, finding.severity, `${finding.code} severity`);
      const code = diagnostic.code;
      assert.ok(typeof code === 'object', `${finding.code}: code should be {value, target}`);
      assert.strictEqual(code.value, finding.code);
      assert.strictEqual(code.target.toString(), `${RULE_DOCS}${finding.code}.md`);
      const range = await sampleRange(finding.file, finding.at);
      assert.ok(
        diagnostic.range.isEqual(range),
        `${finding.code} range: expected ${rangeText(range)}, got ${rangeText(diagnostic.range)}`,
      );
      for (const words of finding.says)
        assert.ok(
          diagnostic.message.includes(words),
          `${finding.code} message lacks ${words}: ${diagnostic.message}`,
        );
      const related = (diagnostic.relatedInformation ?? []).map(
        (r) => `${sampleRelative(r.location.uri)} ${rangeText(r.location.range)}`,
      );
      const expectedRelated: string[] = [];
      for (const item of finding.related ?? [])
        expectedRelated.push(`${item.file} ${rangeText(await sampleRange(item.file, item.at))}`);
      assert.deepStrictEqual(related, expectedRelated, `${finding.code} related locations`);
    }
  });

  test('no finding the README rules out: only the seven files above have diagnostics', async () => {
    const files = await vscode.workspace.findFiles(`${SAMPLE}/**/*.{yaml,yml,json}`);
    assert.ok(files.length >= 18, `the sample's manifests: ${files.length}`);
    const withFindings = new Set(EXPECTED.map((finding) => finding.file));
    for (const uri of files) {
      const relative = sampleRelative(uri);
      if (withFindings.has(relative)) continue;
      assert.deepStrictEqual(
        ourDiagnostics(uri).map((d) => diagnosticLine(uri, d, true)),
        [],
        `${relative} should have no diagnostics`,
      );
    }
  });
});

suite('Sample workspace: editing without saving', () => {
  test('fixing the selector typo of Service payments-metrics clears service-no-endpoints; undo brings it back', async () => {
    const file = 'core/payments.yaml';
    const editor = await openEditor(`${SAMPLE}/${file}`);
    const { document } = editor;
    const uri = document.uri;
    const noEndpoints = () => ourDiagnostics(uri).filter((d) => codeOf(d) === 'service-no-endpoints');
    const before = workspaceSnapshot();
    assert.strictEqual(noEndpoints().length, 1, 'the typo is reported before the edit');
    // `app: payment` (the selector of payments-metrics) becomes `app: payments`.
    const typo = await sampleRange(file, {
      after: 'name: payments-metrics',
      needle: 'app: payment\n',
      length: 'app: payment'.length,
    });
    assert.strictEqual(document.getText(typo), 'app: payment');
    try {
      const fix = new vscode.WorkspaceEdit();
      fix.insert(uri, typo.end, 's');
      assert.ok(await vscode.workspace.applyEdit(fix), 'applyEdit (fix)');
      assert.ok(document.isDirty, 'the fix is not saved');
      await waitFor('service-no-endpoints to go away after the fix', () => noEndpoints().length === 0, {
        observe: () =>
          ourDiagnostics(uri)
            .map((d) => diagnosticLine(uri, d, true))
            .join('\n'),
      });
      // Nothing else changed: the other six findings are where they were.
      const others = before.filter(
        (line) => !line.includes('service-no-endpoints') || !line.startsWith(file),
      );
      assert.deepStrictEqual(workspaceSnapshot(), others);
      // The hover reads the unsaved text too: the Service now has the payments pods as endpoints.
      const name = document.positionAt(document.getText().indexOf('name: payments-metrics') + 8);
      const [hover] = await hoverViews(uri, name);
      assert.deepStrictEqual(hover?.sections.Endpoints, [
        'Deployment/shop-core/payments (9102 → 9102 → container port 9102)',
      ]);

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitFor('the document to be back to its saved text', () => !document.isDirty);
      await waitFor('service-no-endpoints to come back after undo', () => noEndpoints().length === 1, {
        observe: () =>
          ourDiagnostics(uri)
            .map((d) => diagnosticLine(uri, d, true))
            .join('\n'),
      });
      assert.deepStrictEqual(workspaceSnapshot(), before);
    } finally {
      // Leave the file as it is on disk for whatever runs next, whatever happened above.
      if (document.isDirty) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
  });
});

/** A policy admitting the storefront to reviews, which the sample's README says is missing (E3). */
const REVIEWS_ALLOW = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: reviews-allow
  namespace: shop-core
spec:
  podSelector:
    matchLabels:
      app: reviews
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              shop.example.com/tier: web
          podSelector:
            matchLabels:
              app: storefront
      ports:
        - protocol: TCP
          port: http
`;

suite('Sample workspace: an edit in one file, findings in another', () => {
  test('adding the missing allow policy (unsaved) clears policy-blocks-call on web/storefront.yaml', async () => {
    const editor = await openEditor(`${SAMPLE}/core/network-policies.yaml`);
    const { document } = editor;
    const storefront = sampleUri('web/storefront.yaml');
    const blocked = () => ourDiagnostics(storefront).filter((d) => codeOf(d) === 'policy-blocks-call');
    const before = workspaceSnapshot();
    assert.strictEqual(blocked().length, 1, 'E3 is blocked before the edit');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.positionAt(document.getText().length), REVIEWS_ALLOW);
      assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit');
      assert.ok(document.isDirty);
      await waitFor('policy-blocks-call to go away on web/storefront.yaml', () => blocked().length === 0, {
        observe: () =>
          ourDiagnostics(storefront)
            .map((d) => diagnosticLine(storefront, d, true))
            .join('\n'),
      });
      assert.deepStrictEqual(
        workspaceSnapshot(),
        before.filter((line) => !line.includes(' policy-blocks-call ')),
        'only that finding went away',
      );
      // The new policy is hovered like any other, and it selects reviews.
      const position = document.positionAt(document.getText().indexOf('name: reviews-allow') + 8);
      const [hover] = await hoverViews(document.uri, position);
      assert.strictEqual(hover?.title, 'NetworkPolicy shop-core/reviews-allow · Ingress');
      assert.deepStrictEqual(hover.sections.Selects, ['Deployment/shop-core/reviews']);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('policy-blocks-call to come back after revert', () => blocked().length === 1);
    assert.deepStrictEqual(workspaceSnapshot(), before);
  });
});

suite('Sample workspace: kubeTopology.rules', () => {
  test('off hides a rule and a level replaces a severity, at once and with nothing else changed; restored after', async () => {
    const api = await activateExtension();
    await indexed(api, 'before changing kubeTopology.rules');
    const config = () => vscode.workspace.getConfiguration('kubeTopology');
    const original = config().inspect('rules')?.workspaceValue;
    const before = workspaceSnapshot();
    const defaults = await expectedLines(EXPECTED);
    await waitForSampleDiagnostics(defaults, 'the default sample findings');
    // A new analysis would show as a new panel render (the panel test left it open) and a settings
    // file read into the index: neither may happen, the change is only in how findings are shown.
    const filesBefore = api.indexSummary().files;
    const renders: number[] = [];
    const subscription = api.onDidRenderPanel((render) => renders.push(render.revision));
    // The previous test's revert may still be on its way to the panel (its diagnostics come first):
    // let renders settle for a second before counting.
    for (let count = -1, waited = 0; count !== renders.length && waited < 10_000; waited += 1000) {
      count = renders.length;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    renders.length = 0;
    const overridden = await expectedLines(EXPECTED, (finding) =>
      finding.code === 'no-readiness-probe'
        ? undefined
        : finding.code === 'call-unresolved'
          ? WARNING
          : finding.severity,
    );
    try {
      await config().update(
        'rules',
        { 'no-readiness-probe': 'off', 'call-unresolved': 'warning' },
        vscode.ConfigurationTarget.Workspace,
      );
      await waitForSampleDiagnostics(overridden, 'no-readiness-probe off and call-unresolved as a warning');
      // The same findings otherwise: same files, ranges, messages and related locations. The
      // fixture's findings (outside the sample) have no overridden code and are untouched too.
      const expectedSnapshot = before
        .filter((line) => !line.includes(' no-readiness-probe '))
        .map((line) =>
          line.includes(' call-unresolved Information ')
            ? line.replace(' call-unresolved Information ', ' call-unresolved Warning ')
            : line,
        )
        .sort();
      assert.deepStrictEqual(workspaceSnapshot(), expectedSnapshot);
      assert.strictEqual(
        ourDiagnostics(sampleUri('data/redis.yaml')).length,
        0,
        'data/redis.yaml has only the no-readiness-probe finding',
      );
    } finally {
      await config().update('rules', original, vscode.ConfigurationTarget.Workspace);
    }
    await waitForSampleDiagnostics(defaults, 'the default findings after restoring kubeTopology.rules');
    assert.deepStrictEqual(workspaceSnapshot(), before);
    // The setting was written to the workspace's .vscode/settings.json, which the index must not read.
    assert.strictEqual((await vscode.workspace.findFiles('.vscode/settings.json')).length, 1);
    await indexed(api, 'after restoring kubeTopology.rules');
    subscription.dispose();
    assert.strictEqual(api.indexSummary().files, filesBefore, 'files in the index');
    assert.deepStrictEqual(
      renders,
      [],
      'panel renders (one per analysis) while only kubeTopology.rules changed',
    );
  });
});
