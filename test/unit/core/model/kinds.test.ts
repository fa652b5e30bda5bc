import * as assert from 'node:assert/strict';
import { idInNamespaces, namespaceOfId } from '../../../../src/core/model/kinds';

describe('idInNamespaces', () => {
  const ids = [
    'Deployment/shop/web',
    'Service/shop-2/web',
    'Service/sho/web',
    'ClusterRole//admin',
    'external',
    'Kind/only-namespace',
    'Route.route.openshift.io/shop/front',
  ];
  const lists = [[], ['shop'], ['sho'], ['shop', 'shop-2'], [''], ['shop/web']];

  it('agrees with namespaceOfId for every id and list', () => {
    for (const id of ids)
      for (const list of lists)
        assert.equal(
          idInNamespaces(id, list),
          list.includes(namespaceOfId(id)),
          `${id} in ${JSON.stringify(list)}`,
        );
  });
});
