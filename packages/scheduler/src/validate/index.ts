export * from './roster.js';
export * from './validate.js';
