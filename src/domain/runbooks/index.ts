export * from './checklist.js';
export * from './format.js';
export * from './matching.js';
