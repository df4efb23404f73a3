/**
 * Staffing calculator: how many agents a queue needs per interval to answer 80% of calls within 20 s,
 * and what one agent fewer would do to the service.
 *
 * Run: pnpm ts examples/staffing-calculator.ts
 */
import assert from 'node:assert/strict';
import { erlangCMetrics, staff } from '@allhours/erlang';

const intervalMinutes = 30;
const volumes = [80, 120, 160, 140, 100]; // calls per half hour through a morning

const result = staff({
  intervalMinutes,
  channels: [
    {
      name: 'voice',
      model: 'erlangC',
      volumes,
      ahtSeconds: 240,
      targets: { serviceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.9 },
      shrinkage: 0.3, // breaks, training, absence: scheduled = productive / (1 − 0.3)
    },
  ],
});

const voice = result.channels[0]!;
console.log('calls  erlangs  agents  scheduled  service level  ASA (s)');
voice.intervals.forEach((x, i) => {
  console.log(
    `${String(volumes[i]).padStart(5)}  ${x.erlangs.toFixed(1).padStart(7)}  ${String(x.agents).padStart(6)}  ${String(x.scheduledAgents).padStart(9)}  ${(x.serviceLevel * 100).toFixed(1).padStart(12)}%  ${x.asaSeconds.toFixed(1).padStart(7)}`,
  );
  // The sized number is the smallest that meets the target: one fewer misses it.
  assert.ok(x.serviceLevel >= 0.8);
  const fewer = erlangCMetrics({ agents: x.agents - 1, erlangs: x.erlangs, ahtSeconds: 240, answerWithinSeconds: 20 });
  assert.ok(fewer.serviceLevel < 0.8 || x.erlangs / (x.agents - 1) > 0.9, 'one agent fewer still met every target');
});
console.log(`agent-hours: ${voice.totals.agentHours} productive, ${voice.totals.scheduledAgentHours} scheduled`);
