// IPv4 address ranges for ipBlock peers: CIDR parsing, interval sets, and the partition of the
// address space outside the cluster into the disjoint ranges the connectivity list prints.

/** An inclusive range of IPv4 addresses as 32-bit unsigned numbers. */
export interface IpRange {
  readonly first: number;
  readonly last: number;
}

export const ALL_IPV4: IpRange = { first: 0, last: 0xffffffff };

/** `10.0.0.0/8` → its range; undefined for anything that is not an IPv4 CIDR (IPv6 included). */
export function parseCidr(cidr: string): IpRange | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  const prefix = match[5] === undefined ? 32 : Number(match[5]);
  if (prefix > 32) return undefined;
  const address = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
  const size = 2 ** (32 - prefix);
  const first = Math.floor(address / size) * size;
  return { first, last: first + size - 1 };
}

/** `1.2.3.4` → its number, or undefined. */
export function parseIp(ip: string): number | undefined {
  const range = parseCidr(ip.includes('/') ? ip : `${ip}/32`);
  return range?.first;
}

export function formatIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** `A.B.C.D-E.F.G.H`, as netpol-analyzer prints an external range. */
export function formatRange(range: IpRange): string {
  return `${formatIp(range.first)}-${formatIp(range.last)}`;
}

export function rangeContainsRange(outer: IpRange, inner: IpRange): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** A CIDR minus its `except` blocks, as a list of disjoint ranges. */
export function subtractRanges(base: IpRange, holes: readonly IpRange[]): IpRange[] {
  let pieces: IpRange[] = [base];
  for (const hole of holes) {
    pieces = pieces.flatMap((piece) => {
      if (hole.last < piece.first || hole.first > piece.last) return [piece];
      const left = hole.first > piece.first ? [{ first: piece.first, last: hole.first - 1 }] : [];
      const right = hole.last < piece.last ? [{ first: hole.last + 1, last: piece.last }] : [];
      return [...left, ...right];
    });
  }
  return pieces;
}

/**
 * Splits the whole IPv4 space at every boundary of `ranges`, so that each resulting range lies
 * entirely inside or entirely outside each of them. No ranges: the whole space.
 */
export function partition(ranges: readonly IpRange[]): IpRange[] {
  const cuts = new Set<number>([0]);
  for (const range of ranges) {
    cuts.add(range.first);
    if (range.last < 0xffffffff) cuts.add(range.last + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((first, index) => ({ first, last: (starts[index + 1] ?? 2 ** 32) - 1 }));
}
