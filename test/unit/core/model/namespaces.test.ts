import * as assert from 'node:assert/strict';
import { idKind } from '../../../../src/core/model/kinds';
import { joinPath } from '../../../../src/core/model/kustomization';
import { analyzeWorkspace } from '../../../../src/core/analysis';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';
import { parseManifestFileFast } from '../../../../src/core/parse/parseManifestFileFast';
import { analyzeYaml } from '../../../helpers/analyzeYaml';

describe('namespaces', () => {
  it('gives objects without a namespace the default, keeps declared ones', () => {
    const analysis = analyzeYaml(
      {
        'a.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: x}\n',
      },
      'staging',
    );
    assert.deepEqual(
      analysis.model.objects.map((object) => [object.id, object.namespaceOrigin]),
      [
        ['ConfigMap/staging/a', 'default'],
        ['ConfigMap/x/b', 'declared'],
      ],
    );
  });

  it('takes labels from Namespace objects and adds kubernetes.io/metadata.name to every namespace', () => {
    const analysis = analyzeYaml({
      'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: web}}\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: other}\n',
    });
    assert.deepEqual(analysis.model.namespaces.get('shop')?.labels, {
      team: 'web',
      'kubernetes.io/metadata.name': 'shop',
    });
    assert.deepEqual(analysis.model.namespaces.get('other')?.labels, {
      'kubernetes.io/metadata.name': 'other',
    });
    assert.equal(analysis.model.byId.has('Namespace//shop'), true, 'Namespace is cluster-scoped');
  });

  it('applies a kustomization namespace to the files and folders it lists, over declared namespaces', () => {
    const analysis = analyzeYaml({
      'app/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: prod\nresources:\n  - web.yaml\n  - ../shared\n  - https://example.com/remote.yaml\n',
      'app/web.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: dev}\n',
      'app/other.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: other}\n',
      'shared/deep/db.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n',
    });
    assert.deepEqual(
      analysis.model.objects
        .filter((object) => object.kind === 'Service')
        .map((object) => [object.id, object.namespaceOrigin]),
      [
        ['Service/prod/web', 'kustomization'],
        ['Service/default/other', 'default'],
        ['Service/prod/db', 'kustomization'],
      ],
    );
  });

  it('joins kustomization paths for relative keys and URIs', () => {
    assert.equal(joinPath('app/overlays/prod', '../../base/web.yaml'), 'app/base/web.yaml');
    assert.equal(joinPath('file:///repo/k8s', './web.yaml'), 'file:///repo/k8s/web.yaml');
    assert.equal(joinPath('', 'web.yaml'), 'web.yaml');
  });
});

describe('ids', () => {
  it('qualify a kind by its API group only when another group owns the plain name', () => {
    assert.equal(idKind('gateway.networking.k8s.io/v1', 'Gateway'), 'Gateway');
    assert.equal(idKind('networking.istio.io/v1beta1', 'Gateway'), 'Gateway.networking.istio.io');
    assert.equal(idKind('crd.projectcalico.org/v1', 'NetworkPolicy'), 'NetworkPolicy.crd.projectcalico.org');
    assert.equal(idKind('networking.k8s.io/v1', 'NetworkPolicy'), 'NetworkPolicy');
    assert.equal(idKind('serving.knative.dev/v1', 'Service'), 'Service.serving.knative.dev');
    assert.equal(idKind('apps/v1', 'Deployment'), 'Deployment');
    assert.equal(idKind('example.com/v1', 'Widget'), 'Widget');
  });
});

describe('kustomization.yaml without apiVersion and kind', () => {
  it('is still a Kustomization whose namespace applies, in both parse tiers', () => {
    const files = {
      'k8s/kustomization.yaml': 'namespace: prod\nresources:\n  - web.yaml\n',
      'k8s/web.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n',
      'other/settings.yaml': 'namespace: nope\nresources: [x.yaml]\n',
    };
    for (const parse of [parseManifestFile, parseManifestFileFast]) {
      const analysis = analyzeWorkspace(
        Object.entries(files).map(([file, text]) => parse(file, text)),
        { defaultNamespace: 'default' },
      );
      assert.deepEqual(
        analysis.model.objects.map((object) => object.id),
        ['Kustomization/default/', 'Service/prod/web'],
      );
      assert.equal(
        analysis.model.files.find((file) => file.file === 'other/settings.yaml')?.skipped,
        'not-kubernetes',
      );
    }
  });
});
