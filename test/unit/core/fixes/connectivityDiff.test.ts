import * as assert from 'node:assert/strict';
import {
  analysisWithEdits,
  connectivityDiff,
  parseConnections,
} from '../../../../src/core/fixes/connectivityDiff';
import { fixesForFile, isolateOffer } from '../../../../src/core/fixes/findingFixes';
import { ConnectionSet } from '../../../../src/core/policy/connectionSet';
import { analyze, findingLines, WORKSPACE } from './fixesFixtures';
import { applied } from './fixHarness';

const textOf = (file: string) => WORKSPACE[file];

describe('Isolate namespace: the preview', () => {
  const before = analyze(WORKSPACE);
  const result = isolateOffer(before, 'shop', 'source', textOf).resolve();

  it('asks for confirmation, with the connectivity diff as its summary', () => {
    assert.ok(result?.preview);
    assert.equal(
      result.preview.label,
      'Isolate namespace shop: 36 connections become blocked, 12 stay allowed',
    );
    const lines = result.preview.description.split('\n');
    assert.equal(lines[0], 'Becomes blocked (36):');
    // Whole pairs cut off, and pairs narrowed to what the manifests use.
    assert.ok(lines.includes('  - shop/db[StatefulSet] => shop/cart[Deployment] : All Connections'));
    assert.ok(
      lines.includes('  ~ web/frontend[Deployment] => shop/cart[Deployment] : All Connections → TCP 7070'),
    );
    assert.ok(lines.includes('Stays allowed (12):'));
    assert.ok(lines.includes('  = web/frontend[Deployment] => shop/cart[Deployment] : TCP 7070'));
    assert.ok(lines.includes('  = {ingress-controller} => web/frontend[Deployment] : TCP 8080'));
    assert.deepEqual(lines.slice(-2), ['Inferred calls and paths that break (0):', '  none']);
    assert.ok(!lines.some((line) => line.startsWith('Becomes allowed')), 'a default-deny opens nothing');
  });

  it('is the diff of the workspace analysed with the edits applied', () => {
    assert.ok(result);
    assert.deepEqual(
      result.edits.map((edit) => [edit.file, edit.newFile]),
      [['shop/shop-networkpolicies.yaml', true]],
    );
    const after = analyze(applied(WORKSPACE, result.edits));
    const diff = connectivityDiff(before, after);
    assert.deepEqual(connectivityDiff(before, analysisWithEdits(before, result.edits, textOf)), diff);
    assert.equal(diff.blocked.length, 36);
    assert.deepEqual(diff.opened, []);
    assert.deepEqual(diff.brokenEdges, []);
    // Every call into and out of shop stays allowed, and shop's workloads are isolated now.
    assert.deepEqual(
      findingLines(after.findings).filter((line) => line.startsWith('workload-not-isolated shop/')),
      [],
    );
  });

  it('names calls that would break', () => {
    // The same edits on a workspace where cart also calls db: its policy, written for the workspace
    // without that call, blocks it.
    const withCall = {
      ...WORKSPACE,
      'shop/cart.yaml': WORKSPACE['shop/cart.yaml']!.replace(
        'containers: [{name: main, image: cart, ports: [{name: grpc, containerPort: 7070}]}]',
        'containers: [{name: main, image: cart, ports: [{name: grpc, containerPort: 7070}], args: ["--db=db:5432"]}]',
      ),
    };
    assert.notEqual(withCall['shop/cart.yaml'], WORKSPACE['shop/cart.yaml']);
    const diff = connectivityDiff(analyze(withCall), analyze(applied(withCall, result!.edits)));
    assert.deepEqual(diff.brokenEdges, ['calls Deployment/shop/cart -> Service/shop/db:5432']);
  });

  it('is offered as a source action for files defining workloads of a namespace not yet isolated', () => {
    assert.deepEqual(
      fixesForFile(before, 'shop/cart.yaml', textOf).map((offer) => [
        offer.title,
        offer.kind,
        offer.preferred,
      ]),
      [['Isolate namespace shop', 'source', false]],
    );
    const isolated = analyze(applied(WORKSPACE, result!.edits));
    assert.deepEqual(fixesForFile(isolated, 'shop/cart.yaml', textOf), []);
    assert.deepEqual(
      fixesForFile(isolated, 'web/frontend.yaml', textOf).map((offer) => offer.title),
      ['Isolate namespace web'],
    );
  });
});

describe('parseConnections', () => {
  it('reads back what the connectivity list writes', () => {
    for (const text of ['All Connections', 'TCP 8080', 'TCP 53,8080-8090,UDP 53', 'SCTP 1-10,TCP 7']) {
      assert.equal(parseConnections(text).toString(), text);
    }
    assert.ok(parseConnections('No Connections').equals(ConnectionSet.NONE));
  });
});
