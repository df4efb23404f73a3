import { staff } from '@allhours/erlang';
import type { Demand } from './demand.js';
import { erlangChannelOf, type ScheduleRequest } from './request.js';
import type { CoverageOut } from './response.js';

/**
 * Forward evaluation: the service level the roster achieves per interval, from the erlang package
 * (`staff` with the productive share of the agents on duty given), for channels whose requirements carry volumes. Others keep
 * `serviceLevel: null`. Volumes and handling times are taken on the horizon grid (see demand.ts).
 */
function productive(onDuty: number, shrinkage: number, whole: boolean): number {
  const agents = onDuty * (1 - shrinkage);
  return whole ? Math.floor(agents + 1e-9) : agents;
}

export function serviceLevels(request: ScheduleRequest, demand: Demand, coverage: CoverageOut[]): void {
  const rows = demand.channels
    .map((c, k) => ({ c, k, q: request.requirements.find((r) => r.channel === c.channel)! }))
    .filter(({ c }) => c.volumes !== undefined);
  if (rows.length === 0) return;
  const result = staff({
    intervalMinutes: request.intervalMinutes,
    channels: rows.map(({ c, k, q }) => ({
      ...erlangChannelOf(q),
      volumes: c.volumes!,
      ...(c.ahtSeconds && {
        ahtSeconds: c.ahtSeconds.map((x) => (x > 0 ? x : (c.ahtSeconds!.find((y) => y > 0) ?? 1))),
      }),
      // On duty is not productive: shrinkage (absence, training, …) takes its share; chat agents are whole.
      agents: coverage
        .slice(k * demand.intervals, (k + 1) * demand.intervals)
        .map((x) => productive(x.scheduled, q.shrinkage, q.model === 'chat')),
    })),
  });
  rows.forEach(({ k }, j) => {
    result.channels[j]!.intervals.forEach((iv, i) => {
      coverage[k * demand.intervals + i]!.serviceLevel = Number.isFinite(iv.serviceLevel) ? iv.serviceLevel : null;
    });
  });
}
