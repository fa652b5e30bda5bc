import * as assert from 'node:assert/strict';
import { analyzeWorkspace, type Analysis } from '../../../src/core/analysis';
import type { FileParse } from '../../../src/core/parse/parsedFile';
import { parseManifestFile } from '../../../src/core/parse/parseManifestFile';

// Re-analysing after an edit reuses what the edit cannot affect (objects, selections, calls,
// north-south edges). Whatever the edit, the result must equal a fresh analysis.

const base: Record<string, string> = {
  'web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          env:
            - {name: CART_ADDR, value: "cart:7070"}
            - {name: DB_HOST, value: postgres.data}
          envFrom:
            - configMapRef: {name: web-config}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`,
  'cart.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cart}}
    spec:
      containers:
        - name: cart
          ports: [{name: grpc, containerPort: 7070}]
          env:
            - {name: SELF, value: "http://cart:7070"}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports: [{port: 7070, targetPort: grpc}]
`,
  'config.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, namespace: shop}
data: {ORDERS: "http://orders:8080"}
`,
  'data.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: postgres, namespace: data}
spec:
  template:
    metadata: {labels: {app: postgres}}
    spec: {containers: [{name: db, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: postgres, namespace: data}
spec:
  selector: {app: postgres}
  ports: [{port: 5432}]
`,
  'policies.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: cart-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: cart}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: web}}}]
      ports: [{port: grpc}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: cart}}}]
`,
  'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: public, namespace: shop}
spec:
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`,
};

/** Everything a user sees of an analysis, as text. */
function snapshot(analysis: Analysis): string[] {
  return [
    ...analysis.graph.nodes.map((node) => `node ${node.id}`),
    ...analysis.graph.edges.map(
      (edge) =>
        `edge ${edge.type} ${edge.from} -> ${edge.to} ${edge.port ?? ''} ${edge.targetPort ?? ''} ${(edge.evidence ?? []).map((item) => `${item.text}@${item.range.file}:${item.range.start}`).join(' | ')} ${edge.policy ? `${edge.policy.allowed} ${edge.policy.reason} by ${edge.policy.by.join(',')} from ${edge.policy.from} not evaluated ${edge.policy.notEvaluated?.join(',') ?? '-'}` : ''}`,
    ),
    ...analysis.findings.map(
      (finding) =>
        `finding ${finding.code} ${finding.range.file}:${finding.range.start} ${finding.message} ${(finding.related ?? []).map((item) => `${item.range.file}:${item.range.start}-${item.range.end} ${item.message}`).join(' | ')}`,
    ),
  ].sort();
}

const edits: [string, (files: Record<string, string>) => void][] = [
  [
    'an exposed workload whose Service sits in another file, and a policy for pods labelled tier: locked',
    (files) => {
      files['api.yaml'] =
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, ports: [{containerPort: 8080}]}]}\n';
      files['api-service.yaml'] =
        'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {type: LoadBalancer, selector: {app: api}, ports: [{port: 80, targetPort: 8080}]}\n';
      files['locked-policy.yaml'] =
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: locked, namespace: shop}\nspec:\n  podSelector: {matchLabels: {tier: locked}}\n  ingress: []\n';
    },
  ],
  [
    'its pods get that label, its Service selects them as before (outside -> api now blocked)',
    (files) => (files['api.yaml'] = files['api.yaml']!.replace('{app: api}', '{app: api, tier: locked}')),
  ],
  [
    'and lose it again',
    (files) => (files['api.yaml'] = files['api.yaml']!.replace('{app: api, tier: locked}', '{app: api}')),
  ],
  [
    'and its files go',
    (files) => {
      delete files['api.yaml'];
      delete files['api-service.yaml'];
      delete files['locked-policy.yaml'];
    },
  ],
  [
    'a comment above the policies (same content, moved)',
    (files) => (files['policies.yaml'] = `# reviewed\n${files['policies.yaml']!}`),
  ],
  [
    'the callee policy no longer admits web',
    (files) => (files['policies.yaml'] = files['policies.yaml']!.replace('{app: web}}}]', '{app: admin}}}]')),
  ],
  [
    'the caller egress now allows the data namespace only',
    (files) =>
      (files['policies.yaml'] = files['policies.yaml']!.replace(
        'to: [{podSelector: {matchLabels: {app: cart}}}]',
        'to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}}]',
      )),
  ],
  [
    'the ConfigMap now names an existing Service',
    (files) => (files['config.yaml'] = files['config.yaml']!.replace('orders:8080', 'cart:7070')),
  ],
  [
    'a Service the caller uses disappears',
    (files) => (files['cart.yaml'] = files['cart.yaml']!.split('---')[0]!),
  ],
  [
    'the callee changes its container port name',
    (files) =>
      (files['cart.yaml'] = files['cart.yaml']!.replace(
        'name: grpc, containerPort: 7070',
        'name: rpc, containerPort: 7071',
      )),
  ],
  [
    'a workload gets the callee labels (the callee now selects it)',
    (files) =>
      (files['data.yaml'] = files['data.yaml']!.replace('labels: {app: postgres}', 'labels: {app: cart}')),
  ],
  [
    'a namespace appears, making cart.data a cluster address',
    (files) => (files['ns.yaml'] = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: orders}\n'),
  ],
  [
    'the Ingress backend changes',
    (files) =>
      (files['ingress.yaml'] = files['ingress.yaml']!.replace('name: web', 'name: cart').replace(
        'number: 80',
        'number: 7070',
      )),
  ],
  [
    'a broken document and its repair',
    (files) => (files['web.yaml'] = files['web.yaml']!.replace('type: LoadBalancer', 'type: [LoadBalancer')),
  ],
  [
    'a new policy file isolates web for ingress',
    (files) =>
      (files['web-policy.yaml'] =
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-in, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{ports: [{port: 8080}]}]\n'),
  ],
  [
    "a Service named like web's unresolved short name appears elsewhere (its finding gains a hint)",
    (files) =>
      (files['other-cart.yaml'] =
        'apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: data}\nspec: {ports: [{port: 7070}]}\n'),
  ],
  [
    'that Service moves to another namespace (the hint changes, the caller does not)',
    (files) =>
      (files['other-cart.yaml'] = files['other-cart.yaml']!.replace('namespace: data', 'namespace: billing')),
  ],
  ['the ConfigMap file is deleted', (files) => delete files['config.yaml']],
  ['an unrelated comment', (files) => (files['data.yaml'] = `# note\n${files['data.yaml']!}`)],
];

function parseAll(files: Record<string, string>, cache: Map<string, [string, FileParse]>): FileParse[] {
  return Object.entries(files).map(([file, text]) => {
    const cached = cache.get(file);
    if (cached && cached[0] === text) return cached[1];
    const parse = parseManifestFile(file, text);
    cache.set(file, [text, parse]);
    return parse;
  });
}

/**
 * Applies each edit in turn, analysing after each with the previous analysis given, and checks
 * every result against a fresh analysis of fresh parses. `valueEditsOnly`: each edit must also be
 * one the model patches (no object added, removed or moved), the path most reuse is on.
 */
function assertEditsEqualFresh(
  files: Record<string, string>,
  steps: readonly (readonly [string, (files: Record<string, string>) => void])[],
  valueEditsOnly = false,
): void {
  const cache = new Map<string, [string, FileParse]>();
  let previous = analyzeWorkspace(parseAll(files, cache), { defaultNamespace: 'default' });
  for (const [what, edit] of steps) {
    edit(files);
    const parses = parseAll(files, cache);
    const incremental = analyzeWorkspace(parses, { defaultNamespace: 'default' }, previous);
    if (valueEditsOnly) assert.equal(incremental.model.changes?.namespaces, false, `${what}: a value edit`);
    const fresh = analyzeWorkspace(
      parses.map((parse) => parseManifestFile(parse.file, files[parse.file]!)),
      { defaultNamespace: 'default' },
    );
    assert.deepEqual(snapshot(incremental), snapshot(fresh), `after: ${what}`);
    // The model's objects in order, each as placed from its current text (a patched list must
    // hold the replacement at the replaced object's place).
    const objects = (analysis: Analysis) =>
      analysis.model.objects.map(
        (object) =>
          `${object.id} ${object.file}:${object.range.start}-${object.range.end} ${JSON.stringify(object.body)}`,
      );
    assert.deepEqual(objects(incremental), objects(fresh), `objects after: ${what}`);
    previous = incremental;
  }
}

describe('incremental analysis', () => {
  it('equals a fresh analysis after every edit of a sequence', () => {
    assertEditsEqualFresh({ ...base }, edits);
  });

  it('updates a blocked path whose verdict keeps its policies but blocks another port', () => {
    // The Service (in its own file) and so its `exposes` edge stay as they were; the verdict's
    // allowed/by/from stay the same and only its reason names the new port. A verdict equal to
    // the previous one keeps its edge object, so this pins that "equal" reads the reason.
    assertEditsEqualFresh({ ...base }, [
      [
        'an exposed workload behind a named target port, isolated for ingress except on 9999',
        (files) => {
          files['api.yaml'] =
            'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]}\n';
          files['api-service.yaml'] =
            'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {type: LoadBalancer, selector: {app: api}, ports: [{port: 80, targetPort: http}]}\n';
          files['api-policy.yaml'] =
            'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api-in, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress: [{ports: [{port: 9999}]}]\n';
        },
      ],
      [
        'its container listens on another port under the same name',
        (files) =>
          (files['api.yaml'] = files['api.yaml']!.replace('containerPort: 8080', 'containerPort: 8081')),
      ],
    ]);
  });

  it('updates the policies of other kinds named on verdicts that otherwise stay the same', () => {
    // Calls and verdicts are reused as they were; only the list of not-evaluated policies grows.
    const cilium = (name: string) =>
      `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec: {endpointSelector: {}}\n`;
    assertEditsEqualFresh({ ...base }, [
      ['a Cilium policy in the callers namespace', (files) => (files['cilium-a.yaml'] = cilium('a'))],
      ['and a second one', (files) => (files['cilium-b.yaml'] = cilium('b'))],
    ]);
  });

  it('hints at a Service that appears elsewhere for a short name a caller started to use', () => {
    // The caller's new unresolved short name must be noted at the edit that introduced it: the
    // later edit leaves the caller alone and only the hint on its finding changes.
    assertEditsEqualFresh({ ...base }, [
      [
        'web now calls basket:7070, which its namespace lacks',
        (files) => (files['web.yaml'] = files['web.yaml']!.replace('cart:7070', 'basket:7070')),
      ],
      [
        'a Service basket appears in namespace data',
        (files) =>
          (files['basket.yaml'] =
            'apiVersion: v1\nkind: Service\nmetadata: {name: basket, namespace: data}\nspec: {ports: [{port: 7070}]}\n'),
      ],
    ]);
  });

  it('follows a caller into a namespace it starts to call, through value edits only', () => {
    // Value edits keep every workload at its position: callers are then resolved again only when
    // replaced or when a namespace their calls consulted changed, so the second edit must know
    // that web consults billing since the first.
    const billing = `apiVersion: apps/v1
kind: Deployment
metadata: {name: ledger, namespace: billing}
spec:
  template:
    metadata: {labels: {app: ledger}}
    spec: {containers: [{name: ledger, ports: [{containerPort: 9000}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: ledger, namespace: billing}
spec:
  selector: {app: ledger}
  ports: [{port: 9000}]
`;
    assertEditsEqualFresh(
      { ...base, 'billing.yaml': billing },
      [
        [
          'web calls ledger.billing',
          (files) =>
            (files['web.yaml'] = files['web.yaml']!.replace(
              'value: postgres.data',
              'value: "ledger.billing.svc.cluster.local:9000"',
            )),
        ],
        [
          'ledger moves to port 9001',
          (files) => (files['billing.yaml'] = billing.replaceAll('9000', '9001')),
        ],
      ],
      true,
    );
  });

  it('reuses unchanged objects and the calls of callers the edit cannot affect', () => {
    const cache = new Map<string, [string, FileParse]>();
    const first = analyzeWorkspace(parseAll(base, cache), { defaultNamespace: 'default' });
    const edited = { ...base, 'ingress.yaml': base['ingress.yaml']!.replace('path: /', 'path: /shop') };
    const second = analyzeWorkspace(parseAll(edited, cache), { defaultNamespace: 'default' }, first);
    assert.equal(second.model.byId.get('Deployment/shop/web'), first.model.byId.get('Deployment/shop/web'));
    const calls = (analysis: Analysis) =>
      analysis.graph.edges.find((edge) => edge.type === 'calls' && edge.from === 'Deployment/shop/web');
    assert.equal(calls(second), calls(first), 'the same edge object: the caller was not resolved again');
    assert.deepEqual([...(second.model.changes?.ids ?? [])], ['Ingress/shop/public']);
  });
});
