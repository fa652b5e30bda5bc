import * as assert from 'node:assert/strict';
import { findAddressCandidates } from '../../../../../src/core/graph/eastWest/addressCandidates';

function found(text: string) {
  return findAddressCandidates(text).map((candidate) => ({
    text: text.slice(candidate.start, candidate.end),
    host: candidate.host,
    port: candidate.port,
    scheme: candidate.scheme,
    form: candidate.form,
  }));
}

describe('findAddressCandidates', () => {
  it('reads host:port, URLs with scheme, user info and path', () => {
    assert.deepEqual(found('cart:7070'), [
      { text: 'cart:7070', host: 'cart', port: 7070, scheme: undefined, form: 'host-port' },
    ]);
    assert.deepEqual(found('postgres://app:secret@db.data:5432/orders?ssl=1'), [
      { text: 'db.data:5432', host: 'db.data', port: 5432, scheme: 'postgres', form: 'url' },
    ]);
    assert.deepEqual(found('http://Front-End.Sock-Shop.svc.cluster.local.'), [
      {
        text: 'Front-End.Sock-Shop.svc.cluster.local.',
        host: 'front-end.sock-shop.svc.cluster.local',
        port: undefined,
        scheme: 'http',
        form: 'url',
      },
    ]);
  });

  it('finds addresses inside longer strings: flags, shell scripts, comma lists, connection strings', () => {
    assert.deepEqual(
      found('--redis=redis.data:6379 --ttl=72h').map((c) => c.text),
      ['redis.data:6379'],
    );
    assert.deepEqual(
      found('while true; do locust --host http://web.shop.svc.cluster.local -f x.py; done').map(
        (c) => c.host,
      ),
      ['web.shop.svc.cluster.local', 'x.py'],
    );
    assert.deepEqual(
      found('kafka-0.kafka:9092,kafka-1.kafka:9092').map((c) => c.text),
      ['kafka-0.kafka:9092', 'kafka-1.kafka:9092'],
    );
    assert.deepEqual(
      found('mongodb://a:27017,b:27018/db').map((c) => [c.host, c.port]),
      [
        ['a', 27017],
        ['b', 27018],
      ],
    );
    assert.deepEqual(
      found('Host=cart;Port=7070;User=x').map((c) => [c.host, c.port, c.form]),
      [['cart', 7070, 'bare']],
    );
    assert.deepEqual(
      found('Server=mssql,1433;Database=x').map((c) => [c.host, c.port]),
      [['mssql', 1433]],
    );
  });

  it('ignores own listen addresses, file paths, Java properties and times', () => {
    assert.deepEqual(found(':8080'), []);
    assert.deepEqual(found('/var/run/app.sock'), []);
    assert.deepEqual(
      found('-Dspring.zipkin.enabled=false').map((c) => c.text),
      [],
    );
    assert.deepEqual(found('12:30'), []);
    assert.deepEqual(found('$(HOST):80'), []);
  });

  it('reports dotted names as such, without a port', () => {
    assert.deepEqual(found('zipkin.jaeger.svc.cluster.local'), [
      {
        text: 'zipkin.jaeger.svc.cluster.local',
        host: 'zipkin.jaeger.svc.cluster.local',
        port: undefined,
        scheme: undefined,
        form: 'dotted',
      },
    ]);
  });

  it('still finds host:port and dotted names beside a URL (the later patterns run when a : or . is left outside)', () => {
    assert.deepEqual(
      found('--upstream=http://web.shop:80/api --cache=redis.data:6379 --trace=zipkin.tracing').map((c) => [
        c.text,
        c.form,
      ]),
      [
        ['web.shop:80', 'url'],
        ['redis.data:6379', 'host-port'],
        ['zipkin.tracing', 'dotted'],
      ],
    );
    // Every ':' before a digit and every '.' inside the URL: nothing more to find.
    assert.deepEqual(
      found('grpc://cart.shop.svc.cluster.local:7070').map((c) => c.form),
      ['url'],
    );
  });

  it('gives the same answer when asked again (the patterns are global: each search starts afresh)', () => {
    const text = 'a.shop:1, b.shop:2 and c.shop';
    const first = found(text);
    assert.deepEqual(found(text), first);
    assert.deepEqual(
      first.map((c) => c.text),
      ['a.shop:1', 'b.shop:2', 'c.shop'],
    );
  });
});
