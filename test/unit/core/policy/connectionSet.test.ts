import * as assert from 'node:assert/strict';
import { ConnectionSet } from '../../../../src/core/policy/connectionSet';
import { formatRange, parseCidr, partition, subtractRanges } from '../../../../src/core/policy/ipRanges';

describe('ConnectionSet', () => {
  it('prints netpol-analyzer style: protocols alphabetical, ports and ranges comma-separated', () => {
    const set = ConnectionSet.of('UDP', 53, 53)
      .union(ConnectionSet.of('TCP', 8080, 8080))
      .union(ConnectionSet.of('TCP', 9000, 9100))
      .union(ConnectionSet.of('TCP', 8081, 8081));
    assert.equal(set.toString(), 'TCP 8080-8081,9000-9100,UDP 53');
    assert.equal(ConnectionSet.ALL.toString(), 'All Connections');
    assert.equal(
      ConnectionSet.of('TCP').union(ConnectionSet.of('UDP')).union(ConnectionSet.of('SCTP')).toString(),
      'All Connections',
    );
  });

  it('intersects and contains', () => {
    const a = ConnectionSet.of('TCP', 8000, 9000);
    const b = ConnectionSet.of('TCP', 8500, 9500).union(ConnectionSet.of('UDP', 53, 53));
    assert.equal(a.intersect(b).toString(), 'TCP 8500-9000');
    assert.equal(a.intersect(ConnectionSet.of('UDP')).isEmpty(), true);
    assert.equal(ConnectionSet.ALL.intersect(b).equals(b), true);
    assert.equal(b.contains('UDP', 53), true);
    assert.equal(b.contains('TCP', 53), false);
  });
});

describe('IP ranges', () => {
  it('parses CIDRs (IPv4 only) and formats ranges', () => {
    assert.equal(formatRange(parseCidr('10.0.0.0/8')!), '10.0.0.0-10.255.255.255');
    assert.equal(formatRange(parseCidr('10.1.2.3/16')!), '10.1.0.0-10.1.255.255');
    assert.equal(formatRange(parseCidr('0.0.0.0/0')!), '0.0.0.0-255.255.255.255');
    assert.equal(parseCidr('fd00::/8'), undefined);
    assert.equal(parseCidr('300.0.0.0/8'), undefined);
  });

  it('subtracts except blocks and partitions the address space at every boundary', () => {
    const all = parseCidr('0.0.0.0/0')!;
    const holes = ['10.0.0.0/8', '172.21.0.0/16'].map((cidr) => parseCidr(cidr)!);
    assert.deepEqual(subtractRanges(all, holes).map(formatRange), [
      '0.0.0.0-9.255.255.255',
      '11.0.0.0-172.20.255.255',
      '172.22.0.0-255.255.255.255',
    ]);
    assert.deepEqual(partition([all, ...holes]).map(formatRange), [
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.255.255.255',
      '11.0.0.0-172.20.255.255',
      '172.21.0.0-172.21.255.255',
      '172.22.0.0-255.255.255.255',
    ]);
    assert.deepEqual(partition([]).map(formatRange), ['0.0.0.0-255.255.255.255']);
  });
});
