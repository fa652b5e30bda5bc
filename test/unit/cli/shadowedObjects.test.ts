import * as assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../src/core/analysis';
import { shadowedCount, shadowedObjects } from '../../../src/core/model/shadowedObjects';
import { parseManifestFileFast } from '../../../src/core/parse/parseManifestFileFast';
import { runCliProcess } from '../../helpers/cliProcess';
import { TempFolder } from './checkFixtures';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ${image}
`;
const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
    - port: 80
`;

describe('objects that repeat an earlier id', () => {
  // Two variants of one application, as repositories often hold (release/ beside manifests/).
  const files = {
    'manifests/web.yaml': `${deployment('web:1')}---\n${service}`,
    'release/web.yaml': `${deployment('web:2')}---\n${service}`,
  };

  it('are named on stderr by check and graph, which still print their usual output', () => {
    const folder = new TempFolder(files);
    try {
      for (const args of [
        ['check', folder.path, '--format', 'json'],
        ['graph', folder.path],
      ]) {
        const result = runCliProcess(args);
        assert.notEqual(result.status, 2, result.stderr);
        assert.equal(
          result.stderr,
          'kube-topology: warning: 2 objects are not analysed because an earlier object (in file order) has the same ' +
            'kind, namespace and name: Deployment/shop/web in release/web.yaml (analysed: manifests/web.yaml), ' +
            'Service/shop/web in release/web.yaml (analysed: manifests/web.yaml)\n',
        );
        JSON.parse(result.stdout);
      }
      const graph = JSON.parse(runCliProcess(['graph', folder.path]).stdout) as {
        nodes: { id: string }[];
      };
      assert.equal(graph.nodes.filter((node) => node.id === 'Deployment/shop/web').length, 1);
    } finally {
      folder.remove();
    }
  });

  it('are counted the same way after an edit (the status bar counts them on every keystroke)', () => {
    const parsed = Object.entries(files).map(([file, text]) => parseManifestFileFast(file, text));
    const first = analyzeWorkspace(parsed, { defaultNamespace: 'default' });
    assert.deepEqual(
      shadowedObjects(first.model).map(({ object }) => `${object.id} ${object.file}`),
      ['Deployment/shop/web release/web.yaml', 'Service/shop/web release/web.yaml'],
    );
    assert.equal(shadowedCount(first.model), 2);
    const retyped = [
      parsed[0]!,
      parseManifestFileFast('release/web.yaml', `${deployment('web:3')}---\n${service}`),
    ];
    assert.equal(shadowedCount(analyzeWorkspace(retyped, { defaultNamespace: 'default' }, first).model), 2);
    const edited = [parsed[0]!, parseManifestFileFast('release/web.yaml', deployment('web:3'))];
    const after = analyzeWorkspace(edited, { defaultNamespace: 'default' }, first);
    assert.equal(shadowedCount(after.model), 1);
    assert.equal(shadowedObjects(after.model).length, 1);
  });

  it('are not reported when every id is unique', () => {
    const folder = new TempFolder({ 'web.yaml': `${deployment('web:1')}---\n${service}` });
    try {
      assert.equal(runCliProcess(['check', folder.path]).stderr, '');
    } finally {
      folder.remove();
    }
  });
});
