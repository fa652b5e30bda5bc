// The small pure pieces around the canvas: persisted-state parsing, the count label, the empty state text.
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION } from '../../../src/shared/protocol';
import { EMPTY_TITLE, countText, emptyStateDetails } from '../../../webview/texts';
import { parsePersistedState } from '../../../webview/vscodeApi';
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

describe('webview texts', () => {
  it('counts nodes and edges with the right plurals', () => {
    assert.equal(countText(0, 0), '0 nodes, 0 edges');
    assert.equal(countText(1, 1), '1 node, 1 edge');
    assert.equal(countText(16, 15), '16 nodes, 15 edges');
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
