export * from './export.js';
export * from './generate.js';
export * from './profiles.js';
export * from './team.js';
