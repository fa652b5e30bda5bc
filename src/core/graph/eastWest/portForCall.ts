import type { K8sObject } from '../../model/k8sObject';
import type { ServicePort } from '../../model/service';
import type { GraphContext } from '../graphContext';

/** Well-known ports of URL schemes, for addresses that give a scheme but no port. */
const SCHEME_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  ws: 80,
  https: 443,
  wss: 443,
  redis: 6379,
  rediss: 6379,
  mongodb: 27017,
  postgres: 5432,
  postgresql: 5432,
  mysql: 3306,
  amqp: 5672,
  amqps: 5671,
  nats: 4222,
  memcached: 11211,
  zookeeper: 2181,
  cassandra: 9042,
};

/**
 * The Service port a call uses: the explicit port; else the port of a `*_PORT` variable; else
 * the scheme's well-known port, a port named after the scheme, or the only port the Service has.
 * Returns the number even when the Service has no such port (the call still goes there), and
 * the matching ServicePort when there is one.
 */
export function portForCall(
  context: GraphContext,
  service: K8sObject,
  explicit: number | undefined,
  scheme: string | undefined,
): { port?: number; servicePort?: ServicePort } {
  const ports = context.spec(service).ports;
  if (explicit !== undefined) {
    const servicePort = ports.find((port) => port.port === explicit);
    return servicePort ? { port: explicit, servicePort } : { port: explicit };
  }
  const schemePort = scheme === undefined ? undefined : SCHEME_PORTS[scheme];
  const chosen =
    ports.find((port) => schemePort !== undefined && port.port === schemePort) ??
    ports.find((port) => scheme !== undefined && port.name === scheme) ??
    (ports.length === 1 ? ports[0] : undefined);
  return chosen ? { port: chosen.port, servicePort: chosen } : {};
}
