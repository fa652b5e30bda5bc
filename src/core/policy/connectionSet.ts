// Sets of connections: per protocol, a set of destination port ranges. "All Connections" is every
// port of every protocol. Printed the way netpol-analyzer's connectivity list does.

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Inclusive port ranges, sorted and merged. */
type PortRanges = readonly (readonly [number, number])[];

const ALL_PORTS: PortRanges = [[1, 65535]];

export class ConnectionSet {
  private constructor(private readonly ports: Readonly<Record<Protocol, PortRanges>>) {}

  static readonly NONE = new ConnectionSet({ TCP: [], UDP: [], SCTP: [] });
  static readonly ALL = new ConnectionSet({ TCP: ALL_PORTS, UDP: ALL_PORTS, SCTP: ALL_PORTS });

  /** Every port of one protocol, or the range [first, last] of it. */
  static of(protocol: Protocol, first = 1, last = 65535): ConnectionSet {
    const ports: Record<Protocol, PortRanges> = { TCP: [], UDP: [], SCTP: [] };
    if (first <= last) ports[protocol] = [[Math.max(1, first), Math.min(65535, last)]];
    return new ConnectionSet(ports);
  }

  isEmpty(): boolean {
    return PROTOCOLS.every((protocol) => this.ports[protocol].length === 0);
  }

  isAll(): boolean {
    return PROTOCOLS.every((protocol) => sameRanges(this.ports[protocol], ALL_PORTS));
  }

  union(other: ConnectionSet): ConnectionSet {
    if (other.isEmpty() || this.isAll()) return this;
    if (this.isEmpty() || other.isAll()) return other;
    return this.combine(other, (a, b) => merge([...a, ...b]));
  }

  intersect(other: ConnectionSet): ConnectionSet {
    if (this.isEmpty() || other.isAll()) return this;
    if (other.isEmpty() || this.isAll()) return other;
    return this.combine(other, intersectRanges);
  }

  contains(protocol: Protocol, port: number): boolean {
    return this.ports[protocol].some(([first, last]) => first <= port && port <= last);
  }

  equals(other: ConnectionSet): boolean {
    return PROTOCOLS.every((protocol) => sameRanges(this.ports[protocol], other.ports[protocol]));
  }

  /** `All Connections`, or `TCP 8080,9090-9100,UDP 53` (protocols in alphabetical order). */
  toString(): string {
    if (this.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    return [...PROTOCOLS]
      .sort()
      .filter((protocol) => this.ports[protocol].length > 0)
      .map(
        (protocol) =>
          `${protocol} ${this.ports[protocol].map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`)).join(',')}`,
      )
      .join(',');
  }

  private combine(
    other: ConnectionSet,
    operation: (a: PortRanges, b: PortRanges) => PortRanges,
  ): ConnectionSet {
    return new ConnectionSet({
      TCP: operation(this.ports.TCP, other.ports.TCP),
      UDP: operation(this.ports.UDP, other.ports.UDP),
      SCTP: operation(this.ports.SCTP, other.ports.SCTP),
    });
  }
}

function merge(ranges: readonly (readonly [number, number])[]): PortRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = out.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else out.push([first, last]);
  }
  return out;
}

function intersectRanges(a: PortRanges, b: PortRanges): PortRanges {
  const out: [number, number][] = [];
  for (const [firstA, lastA] of a) {
    for (const [firstB, lastB] of b) {
      const first = Math.max(firstA, firstB);
      const last = Math.min(lastA, lastB);
      if (first <= last) out.push([first, last]);
    }
  }
  return merge(out);
}

function sameRanges(a: PortRanges, b: PortRanges): boolean {
  return (
    a.length === b.length &&
    a.every(([first, last], index) => first === b[index]?.[0] && last === b[index]?.[1])
  );
}

export function isProtocol(value: unknown): value is Protocol {
  return value === 'TCP' || value === 'UDP' || value === 'SCTP';
}
