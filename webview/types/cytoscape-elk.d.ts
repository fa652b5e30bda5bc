// cytoscape-elk ships no types. It is a Cytoscape extension: `cytoscape.use(elk)` registers the `elk` layout.
declare module 'cytoscape-elk' {
  import type { Ext } from 'cytoscape';

  const extension: Ext;
  export = extension;
}
