import { fc } from '@fast-check/vitest';

/** Shared input ranges of the property tests: loads, handle times, waits, patience, service-level targets. */
export const load = fc.double({ min: 0.05, max: 2000, noNaN: true });
export const aht = fc.double({ min: 10, max: 1200, noNaN: true });
export const wait = fc.double({ min: 0, max: 300, noNaN: true });
export const patience = fc.double({ min: 5, max: 3600, noNaN: true });
export const target = fc.double({ min: 0.3, max: 0.99, noNaN: true });
export const abandonCap = fc.double({ min: 0.01, max: 0.2, noNaN: true });
export const basis = fc.constantFrom<'virtual' | 'served' | 'answered'>('virtual', 'served', 'answered');
