// The shared look of every mail (layout, common phrases, the template shape), importable by any domain
// without importing notifications; see ADR 012.
export * from './mail-layout.js';
export * from './mail-phrases.js';
export * from './mail-template.js';
export * from './mail-send.message.js';
