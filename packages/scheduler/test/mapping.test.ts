import { describe, expect, it } from 'vitest';
import { buildDemand } from '../src/demand.js';
import { buildRosterModel } from '../src/mapping.js';
import { buildCatalog } from '../src/options.js';
import { planTypes } from '../src/stage1.js';
import { parsed, smallRequest } from './helpers.js';

function mapped(templates: { id: string; start: string; minutes: number }[], handoverOverlapMinutes: number) {
  const request = parsed(
    smallRequest({
      templates: templates.map((t) => ({ id: t.id, siteId: 'S', startTimes: [t.start], durationMinutes: t.minutes })),
      rules: { handoverOverlapMinutes },
    }),
  );
  const catalog = buildCatalog(request);
  return buildRosterModel(request, catalog, buildDemand(request), planTypes(request, catalog));
}

/** Cells (day|type) some employee may work. */
function usable(model: ReturnType<typeof mapped>['model']): Set<string> {
  const out = new Set<string>();
  for (const e of model.employees) {
    for (let day = 0; day < model.days; day++)
      for (const type of e.allowedTypes ?? []) {
        const off = (e.unavailable ?? []).some((u) => u.day === day && (u.type === undefined || u.type === type));
        if (!off) out.add(`${day}|${type}`);
      }
  }
  return out;
}

describe('handover links', () => {
  it('a shift whose only handover partner is unusable is unusable too (blocked cells cascade)', () => {
    // 24/7 demand. The night (21:00–05:00) meets nobody at 05:00, so it cannot hand over; the late
    // (14:00–21:30) could only hand over to the night, so it is blocked too; the early (06:00–14:30)
    // only to the late. Only shifts ending at the horizon's end (no handover needed) stay usable.
    const chain = mapped(
      [
        { id: 'early', start: '06:00', minutes: 510 },
        { id: 'late', start: '14:00', minutes: 450 },
        { id: 'night', start: '21:00', minutes: 480 },
      ],
      15,
    );
    const open = usable(chain.model);
    for (const link of chain.model.links ?? []) {
      expect(link.need.some((c) => open.has(`${c.day}|${c.type}`))).toBe(true);
      expect(link.when.every((c) => open.has(`${c.day}|${c.type}`))).toBe(true);
    }
    expect(chain.blockedByHandover).toBeGreaterThan(7);
    expect([...open].every((c) => c.startsWith('6|'))).toBe(true);
  });

  it('overlapping shifts keep every option and link each end to a continuing shift', () => {
    const overlapping = mapped(
      [
        { id: 'early', start: '06:00', minutes: 510 },
        { id: 'late', start: '14:00', minutes: 510 },
        { id: 'night', start: '22:00', minutes: 510 },
      ],
      15,
    );
    expect(overlapping.blockedByHandover).toBe(0);
    // One link per shift end inside the horizon (3 a day, less the night ending after the last day).
    expect(overlapping.model.links).toHaveLength(3 * 7 - 1);
  });
});
