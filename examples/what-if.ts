/**
 * What-if on staffing: people around the clock, or people 07:00–23:00 with a chatbot resolving 40% of the
 * night's chats and the rest waiting for the morning? Agent-hours, cost and service for each option.
 *
 * Run: pnpm ts examples/what-if.ts
 */
import assert from 'node:assert/strict';
import { intervalStart, toLocal } from '@allhours/core';
import { staff } from '@allhours/erlang';
import { generateSampleHistory } from '@allhours/sample';

const sample = generateSampleHistory({ intervalMinutes: 30, weeks: 1, volumeScale: 0.3 });
const chat = sample.channels.find((c) => c.channel === 'chat')!;
const volumes = chat.volumes.values;
const ahtSeconds = chat.ahtSeconds.map((a) => a ?? 600);
const costPerHour = 30;

const open = (i: number) => {
  const local = toLocal(intervalStart(chat.volumes, i), 'Europe/Amsterdam');
  return local.hour >= 7 && local.hour < 23;
};

function option(label: string, humans: (i: number) => boolean, botShare: number) {
  const human = volumes.map((v, i) => (humans(i) ? v : 0));
  const result = staff({
    intervalMinutes: 30,
    channels: [
      {
        name: 'chat',
        model: 'chat',
        volumes: human,
        ahtSeconds,
        concurrency: 2,
        patienceSeconds: 180,
        shrinkage: 0.3,
        targets: { serviceLevel: 0.8, answerWithinSeconds: 60 },
      },
    ],
  }).channels[0]!;
  // Served in time: people's chats at their service level, bots' share of the closed hours, none of the rest.
  let good = 0;
  volumes.forEach((v, i) => {
    good += humans(i) ? v * result.intervals[i]!.serviceLevel : v * botShare;
  });
  const total = volumes.reduce((s, v) => s + v, 0);
  return {
    label,
    agentHours: result.totals.scheduledAgentHours,
    cost: result.totals.scheduledAgentHours * costPerHour,
    serviceLevel: good / total,
  };
}

const options = [option('people 24/7', () => true, 0), option('people 07–23 + bot 40% at night', open, 0.4)];
for (const o of options)
  console.log(
    `${o.label.padEnd(34)} ${o.agentHours.toFixed(0).padStart(6)} agent-h  ${o.cost.toFixed(0).padStart(7)} EUR  service ${(o.serviceLevel * 100).toFixed(1)}%`,
  );
// Closing the nights saves hours and costs service: the trade-off the planner weighs.
assert.ok(options[1]!.agentHours < options[0]!.agentHours);
assert.ok(options[1]!.serviceLevel < options[0]!.serviceLevel);
