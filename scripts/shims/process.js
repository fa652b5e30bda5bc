// Injected into the web-worker bundles: the `assert` and `util` npm packages read `process.env`
// and `process.version`, which do not exist in a web worker.
export const process = globalThis.process ?? {
  env: {},
  version: '',
  versions: {},
  platform: 'browser',
  cwd: () => '/',
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
};
