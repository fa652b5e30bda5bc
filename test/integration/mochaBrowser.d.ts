// mocha's browser build (node_modules/mocha/mocha.js): imported for its side effect of defining the
// globals `mocha` and `Mocha`, which @types/mocha already types.
declare module 'mocha/mocha' {}
