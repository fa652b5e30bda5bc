// The small pure pieces around the canvas: persisted-state parsing, the count label, the empty state text.
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION } from '../../../src/shared/protocol';
import { EMPTY_TITLE, EMPTY_TITLES, countText, emptyReason, emptyStateDetails } from '../../../webview/texts';
import { parseFilters, parsePersistedState } from '../../../webview/vscodeApi';
import { DEFAULT_FILTERS } from '../../../src/shared/protocol';
import { EMPTY_GRAPH } from '../../webview/sampleGraph';

describe('webview/vscodeApi parsePersistedState', () => {
  it('keeps a valid state of this protocol version', () => {
    const state = {
      protocolVersion: PROTOCOL_VERSION,
      zoom: 1.5,
      pan: { x: 3, y: -4 },
      selectedId: 'Service/a/b',
    };
    assert.deepEqual(parsePersistedState(state), state);
  });

  it('ignores other versions and anything malformed', () => {
    assert.equal(parsePersistedState(undefined), undefined);
    assert.equal(parsePersistedState('x'), undefined);
    assert.equal(parsePersistedState({ protocolVersion: PROTOCOL_VERSION + 1, zoom: 1 }), undefined);
    assert.deepEqual(
      parsePersistedState({
        protocolVersion: PROTOCOL_VERSION,
        zoom: -1,
        pan: { x: 'a', y: 1 },
        selectedId: 5,
      }),
      { protocolVersion: PROTOCOL_VERSION },
    );
    assert.deepEqual(parsePersistedState({ protocolVersion: PROTOCOL_VERSION, zoom: Number.NaN }), {
      protocolVersion: PROTOCOL_VERSION,
    });
  });
});

describe('webview/vscodeApi parseFilters', () => {
  it('keeps valid filters and falls back per field', () => {
    const filters = {
      search: 'cart',
      hiddenNamespaces: ['data'],
      traffic: 'east-west',
      onlyProblems: true,
      grouped: false,
    };
    assert.deepEqual(parseFilters(filters), filters);
    assert.deepEqual(parseFilters(null), DEFAULT_FILTERS);
    assert.deepEqual(
      parseFilters({ search: 3, hiddenNamespaces: [1], traffic: 'up', onlyProblems: 'yes' }),
      DEFAULT_FILTERS,
    );
    const state = parsePersistedState({
      protocolVersion: PROTOCOL_VERSION,
      filters,
      expanded: ['a', 'b'],
      focusId: 'Deployment/a/b',
    });
    assert.deepEqual(state, {
      protocolVersion: PROTOCOL_VERSION,
      filters,
      expanded: ['a', 'b'],
      focusId: 'Deployment/a/b',
    });
    assert.deepEqual(parsePersistedState({ protocolVersion: PROTOCOL_VERSION, expanded: [1] }), {
      protocolVersion: PROTOCOL_VERSION,
    });
  });
});

describe('webview texts', () => {
  it('counts nodes and edges with the right plurals', () => {
    assert.equal(countText(0, 0), '0 nodes, 0 edges');
    assert.equal(countText(1, 1), '1 node, 1 edge');
    assert.equal(countText(16, 15), '16 nodes, 15 edges');
    assert.equal(countText(16, 15, 16, 15), '16 nodes, 15 edges');
    assert.equal(countText(16, 15, 4, 1), '4 of 16 nodes, 1 of 15 edges');
  });

  it('tells apart an empty workspace, syntax errors only, no manifests and no topology', () => {
    const summary = (fields: Record<string, number>) => ({
      ...EMPTY_GRAPH,
      summary: { files: 0, objects: 0, findings: 0, ...fields },
    });
    assert.equal(emptyReason(summary({})), 'no-files');
    assert.equal(emptyReason(summary({ files: 2, syntaxErrorFiles: 2, findings: 2 })), 'syntax-errors-only');
    assert.equal(emptyReason(summary({ files: 4, skippedFiles: 4 })), 'no-manifests');
    assert.equal(emptyReason(summary({ files: 4, objects: 3 })), 'no-topology');
    assert.equal(EMPTY_TITLES['syntax-errors-only'], 'The manifests could not be read: YAML syntax errors');
    assert.equal(
      emptyStateDetails(summary({ files: 2, syntaxErrorFiles: 2, findings: 2 }))[0],
      '2 files have YAML syntax errors, and nothing else could be read.',
    );
    assert.equal(
      emptyStateDetails(summary({ files: 4, skippedFiles: 1 }))[0],
      'Read 4 files; none holds a Kubernetes object (1 was skipped as Helm templates, Compose files or other YAML).',
    );
    assert.match(
      emptyStateDetails(summary({}))[0] ?? '',
      /^Open a folder that contains Kubernetes manifests/,
    );
  });

  it('explains an empty graph with the summary counts and the namespace assumption', () => {
    assert.equal(EMPTY_TITLE, 'No Kubernetes workloads or Services found in this workspace');
    const [counts, , namespace] = emptyStateDetails(EMPTY_GRAPH);
    assert.equal(counts, 'Read 3 files with 5 Kubernetes objects and 0 findings.');
    assert.equal(namespace, 'Objects without metadata.namespace are placed in "default".');
    const one = emptyStateDetails({ ...EMPTY_GRAPH, summary: { files: 1, objects: 1, findings: 1 } })[0];
    assert.equal(one, 'Read 1 file with 1 Kubernetes object and 1 finding.');
  });
});
