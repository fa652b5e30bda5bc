import type { K8sObject } from '../../model/k8sObject';
import type { PathSegment } from '../../parse/yamlNodes';
import { ObjectEvidence } from '../evidence';
import type { Evidence } from '../graph';
import type { ContainerSource } from './containerSources';

// The kinds of container sources (containerSources.ts), each knowing where its value is written.

export const NO_SOURCES: readonly Source[] = [];

/**
 * A source whose evidence objects are made on first use: most values of a container are never
 * addresses, and a large workspace has hundreds of thousands of them. Each kind of place keeps
 * only the fields its evidence is made from (no closures, no paths or texts made up front: a
 * closure kept the whole container's scope alive, and the paths and texts were most of what
 * east-west inference allocated).
 */
export abstract class Source implements ContainerSource {
  private made: readonly Evidence[] | undefined;

  constructor(
    readonly kind: ContainerSource['kind'],
    readonly name: string,
    readonly value: string,
    protected readonly object: K8sObject,
    /** The variables a `$(VAR)` in the value was expanded from. */
    private readonly expandedFrom: readonly Source[] = NO_SOURCES,
  ) {}

  get evidence(): readonly Evidence[] {
    if (!this.made) {
      const own = this.written();
      for (const source of this.expandedFrom) {
        const first = source.evidence[0];
        if (first) own.push(first);
      }
      this.made = own;
    }
    return this.made;
  }

  /** Where the value is written, most specific first. */
  protected abstract written(): Evidence[];
}

/** `env[index].value` of a container. */
export class EnvValue extends Source {
  constructor(
    name: string,
    value: string,
    object: K8sObject,
    private readonly container: readonly PathSegment[],
    private readonly index: number,
    private readonly raw: string,
    expandedFrom: readonly Source[],
  ) {
    super('env', name, value, object, expandedFrom);
  }

  protected written(): Evidence[] {
    const text = `${this.name}=${this.raw}`;
    return [new ObjectEvidence(this.object, this.container, text, ['env', this.index, 'value'])];
  }
}

/** A ConfigMap key read as a variable: through `envFrom` or `valueFrom.configMapKeyRef`. */
export class EnvFromConfigMap extends Source {
  constructor(
    name: string,
    value: string,
    object: K8sObject,
    private readonly configMap: K8sObject,
    private readonly key: string,
    private readonly container: readonly PathSegment[],
    private readonly index: number,
    private readonly keyRef: boolean,
  ) {
    super('env', name, value, object);
  }

  protected written(): Evidence[] {
    const { configMap, key, name, value } = this;
    const data: PathSegment[] = ['data', key];
    return this.keyRef
      ? [
          new ObjectEvidence(configMap, data, `${name}=${value} (ConfigMap ${configMap.name}, key ${key})`),
          new ObjectEvidence(this.object, this.container, `${name} from ConfigMap ${configMap.name}`, [
            'env',
            this.index,
            'valueFrom',
          ]),
        ]
      : [
          new ObjectEvidence(configMap, data, `${configMap.name}/${key}=${value}`),
          new ObjectEvidence(this.object, this.container, `envFrom: ${configMap.name}`, [
            'envFrom',
            this.index,
          ]),
        ];
  }
}

/** `command[index]` or `args[index]`. */
export class CommandItem extends Source {
  constructor(
    private readonly field: 'command' | 'args',
    private readonly index: number,
    value: string,
    object: K8sObject,
    private readonly container: readonly PathSegment[],
    private readonly item: string,
  ) {
    super(field === 'args' ? 'arg' : 'command', `${field}[${index}]`, value, object);
  }

  protected written(): Evidence[] {
    const shown = this.item.length > 160 ? `${this.item.slice(0, 157)}...` : this.item;
    return [new ObjectEvidence(this.object, this.container, shown, [this.field, this.index])];
  }
}

/** A key of a ConfigMap mounted as a volume: a file the container reads. */
export class MountedFile extends Source {
  constructor(
    private readonly configMap: K8sObject,
    private readonly key: string,
    value: string,
  ) {
    super('file', `${configMap.name}/${key}`, value, configMap);
  }

  protected written(): Evidence[] {
    return [new ObjectEvidence(this.configMap, ['data', this.key], this.name)];
  }
}
