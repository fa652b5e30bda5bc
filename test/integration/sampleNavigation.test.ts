// Go to Definition and Find All References on the sample workspace (examples/shop, copied to
// `sample/`): from a value that calls a Service or a backend that names one to the Service, and from a
// Service to everything that calls or routes to it. Expected locations are located in the files' text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openEditor, waitFor } from './helpers';
import { SAMPLE, rangeIn, rangeText, sampleRange, sampleRelative, type Locator } from './sample';

const NAME = 'name: '.length;

/** The position two characters into a located value of an opened sample file. */
async function positionIn(
  file: string,
  at: Locator,
): Promise<{ uri: vscode.Uri; position: vscode.Position }> {
  const editor = await openEditor(`${SAMPLE}/${file}`);
  const range = rangeIn(editor.document.getText(), at);
  return { uri: editor.document.uri, position: range.start.translate(0, 2) };
}

interface Place {
  readonly file: string;
  readonly at: Locator;
}

async function placeText({ file, at }: Place): Promise<string> {
  return `${file} ${rangeText(await sampleRange(file, at))}`;
}

function locationText(uri: vscode.Uri, range: vscode.Range): string {
  return `${sampleRelative(uri)} ${rangeText(range)}`;
}

/** Go to Definition at a located value, as the links VS Code shows. */
async function definitions(file: string, at: Locator): Promise<vscode.LocationLink[]> {
  const { uri, position } = await positionIn(file, at);
  return waitFor(`a definition from ${at.needle} in ${file}`, async () => {
    const found =
      (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        uri,
        position,
      )) ?? [];
    // The provider returns LocationLinks; VS Code passes them through as such.
    const links = found.filter((item): item is vscode.LocationLink => 'targetUri' in item);
    return links.length > 0 && links.length === found.length && links;
  });
}

async function assertDefinition(from: Place, service: Place, serviceDocument: Locator): Promise<void> {
  const links = await definitions(from.file, from.at);
  assert.strictEqual(links.length, 1, JSON.stringify(links));
  const [link] = links;
  assert.ok(link);
  assert.ok(link.originSelectionRange, 'the origin (the value) is given');
  assert.strictEqual(
    rangeText(link.originSelectionRange),
    rangeText(await sampleRange(from.file, from.at)),
    'origin: the whole value',
  );
  assert.strictEqual(
    locationText(link.targetUri, link.targetSelectionRange ?? link.targetRange),
    await placeText(service),
    "target selection: the Service's metadata.name",
  );
  // The peek shows the Service document: from `apiVersion` of that document to past its name at least.
  const documentStart = await sampleRange(service.file, serviceDocument);
  assert.ok(
    link.targetRange.start.isEqual(documentStart.start),
    `target range ${rangeText(link.targetRange)} should start at ${rangeText(documentStart)}`,
  );
  assert.ok(link.targetRange.contains(link.targetSelectionRange ?? link.targetRange));
}

async function references(file: string, at: Locator): Promise<string[]> {
  const { uri, position } = await positionIn(file, at);
  const locations = await waitFor(`references at ${at.needle} in ${file}`, async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      uri,
      position,
    );
    return found && found.length > 0 && found;
  });
  return locations.map((location) => locationText(location.uri, location.range)).sort();
}

async function placesText(places: readonly Place[]): Promise<string[]> {
  const lines: string[] = [];
  for (const place of places) lines.push(await placeText(place));
  return lines.sort();
}

const CART_SERVICE: Place = {
  file: 'core/cart.yaml',
  at: { after: 'kind: Service', needle: 'name: cart', offset: NAME },
};
const CART_DOCUMENT: Locator = { after: '---', needle: 'apiVersion: v1', length: 0 };

suite('Sample workspace: navigation', () => {
  test('Go to Definition from an env value goes to the Service it calls, in another file and namespace', async () => {
    await assertDefinition(
      { file: 'web/storefront.yaml', at: { needle: 'cart.shop-core:7070' } },
      CART_SERVICE,
      CART_DOCUMENT,
    );
  });

  test('Go to Definition from a short name and from a ConfigMap value', async () => {
    await assertDefinition(
      { file: 'core/orders.yaml', at: { needle: 'value: cart:7070', offset: 'value: '.length } },
      CART_SERVICE,
      CART_DOCUMENT,
    );
    await assertDefinition(
      { file: 'web/storefront.yaml', at: { needle: 'http://orders.shop-core:8080' } },
      { file: 'core/orders.yaml', at: { after: 'kind: Service', needle: 'name: orders', offset: NAME } },
      { after: '---', needle: 'apiVersion: v1', length: 0 },
    );
  });

  test('Go to Definition from an Ingress backend name and an HTTPRoute backendRef', async () => {
    await assertDefinition(
      { file: 'web/ingress.yaml', at: { needle: 'name: storefront', offset: NAME } },
      {
        file: 'web/storefront.yaml',
        at: { after: 'kind: Service', needle: 'name: storefront', offset: NAME },
      },
      { after: 'kind: Deployment', needle: 'apiVersion: v1', length: 0 },
    );
    await assertDefinition(
      { file: 'web/gateway.yaml', at: { after: 'backendRefs:', needle: 'name: catalog', offset: NAME } },
      { file: 'core/catalog.yaml', at: { after: 'kind: Service', needle: 'name: catalog', offset: NAME } },
      { after: '---', needle: 'apiVersion: v1', length: 0 },
    );
  });

  test('no definition from a backend naming a missing Service', async () => {
    const { uri, position } = await positionIn('web/ingress.yaml', {
      needle: 'name: static-assets',
      offset: NAME,
    });
    const found =
      (await vscode.commands.executeCommand<unknown[]>('vscode.executeDefinitionProvider', uri, position)) ??
      [];
    assert.deepStrictEqual(found, []);
  });

  test("Find All References on a Service's name lists its declaration and every caller (README E2, E8, E12)", async () => {
    const found = await references(CART_SERVICE.file, CART_SERVICE.at);
    assert.deepStrictEqual(
      found,
      await placesText([
        CART_SERVICE,
        { file: 'web/storefront.yaml', at: { needle: 'cart.shop-core:7070' } },
        { file: 'core/orders.yaml', at: { needle: 'value: cart:7070', offset: 'value: '.length } },
        { file: 'core/cart-cleanup.yaml', at: { needle: 'value: cart:7070', offset: 'value: '.length } },
      ]),
    );
  });

  test('Find All References lists backends too: an HTTPRoute backendRef and an env value (catalog)', async () => {
    const catalog: Place = {
      file: 'core/catalog.yaml',
      at: { after: 'kind: Service', needle: 'name: catalog', offset: NAME },
    };
    assert.deepStrictEqual(
      await references(catalog.file, catalog.at),
      await placesText([
        catalog,
        { file: 'web/gateway.yaml', at: { after: 'backendRefs:', needle: 'name: catalog', offset: NAME } },
        {
          file: 'web/storefront.yaml',
          at: { needle: 'http://catalog.shop-core.svc.cluster.local:8080/api' },
        },
      ]),
    );
  });

  test('Find All References from an Ingress backend: the Service and the backend naming it', async () => {
    assert.deepStrictEqual(
      await references('web/ingress.yaml', { needle: 'name: storefront', offset: NAME }),
      await placesText([
        {
          file: 'web/storefront.yaml',
          at: { after: 'kind: Service', needle: 'name: storefront', offset: NAME },
        },
        { file: 'web/ingress.yaml', at: { needle: 'name: storefront', offset: NAME } },
      ]),
    );
  });

  test('Find All References from a split host: both halves of the address (README E9)', async () => {
    assert.deepStrictEqual(
      await references('core/orders.yaml', { needle: 'payments.shop-core.svc.cluster.local' }),
      await placesText([
        {
          file: 'core/payments.yaml',
          at: { after: 'kind: Service', needle: 'name: payments', offset: NAME },
        },
        { file: 'core/orders.yaml', at: { needle: 'payments.shop-core.svc.cluster.local' } },
        { file: 'core/orders.yaml', at: { needle: '"9090"' } },
      ]),
    );
  });
});
