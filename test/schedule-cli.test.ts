import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@allhours/cli';
import { describe, expect, test } from 'vitest';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const start = '2026-10-19T00:00:00Z';
const request = {
  horizon: { start, days: 7 },
  intervalMinutes: 30,
  requirements: [{ channel: 'voice', start, intervalMinutes: 60, values: new Array(7 * 24).fill(1) }],
  sites: [{ id: 'AMS', timeZone: 'Europe/Amsterdam', costPerHour: 25, nightPremium: 0.25, weekendPremium: 0.5 }],
  templates: [
    {
      id: 'early',
      siteId: 'AMS',
      startTimes: ['06:00'],
      durationMinutes: 510,
      breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 300 }],
    },
    { id: 'late', siteId: 'AMS', startTimes: ['14:00'], durationMinutes: 510 },
    { id: 'night', siteId: 'AMS', startTimes: ['22:00'], durationMinutes: 510 },
  ],
  agents: ['ann', 'ben', 'cas', 'dee', 'eve', 'fay'].map((id) => ({
    id,
    siteId: 'AMS',
    channels: ['voice'],
    minMinutesPerWeek: 960,
  })),
  rules: { handoverOverlapMinutes: 30 },
  solver: { timeLimitSeconds: 10, seed: 2 },
};

async function files() {
  const dir = await mkdtemp(join(tmpdir(), 'allhours-schedule-'));
  const path = join(dir, 'request.json');
  await writeFile(path, JSON.stringify(request));
  return { dir, path };
}

describe('allhours schedule / validate', () => {
  test('schedules, renders CSV and iCalendar, and the roster validates', async () => {
    const { dir, path } = await files();
    const out = await cli(['schedule', '--input', path, '--quiet']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const roster = JSON.parse(out.stdout);
    expect(['optimal', 'feasible', 'timeLimit']).toContain(roster.status);
    expect(roster.assignments.length).toBeGreaterThan(0);
    // The week spans the EU fall-back (25 Oct): local offsets change from +02:00 to +01:00.
    const offsets = new Set(roster.assignments.map((a: { localStart: string }) => a.localStart.slice(-6)));
    expect(offsets).toEqual(new Set(['+02:00', '+01:00']));
    const rosterPath = join(dir, 'roster.json');
    await writeFile(rosterPath, out.stdout);
    const valid = await cli(['validate', '--input', rosterPath, '--request', path, '--quiet']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({ valid: true, violations: [] });

    const csv = await cli(['schedule', '--input', path, '--quiet', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('agentId,siteId,templateId,channel,start,end,localStart,localEnd,breaks');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^(ann|ben|cas|dee|eve|fay),AMS,(early|late|night),voice,/);

    const ics = await cli([
      'schedule',
      '--input',
      path,
      '--quiet',
      '--format',
      'ics',
      '--agent',
      roster.assignments[0].agentId,
    ]);
    expect(ics.stdout.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    // A separate run (time-limited search may pick another roster of equal rules): check the shape.
    expect(ics.stdout.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(0);
    expect(ics.stdout).toMatch(/DTSTART:202610\d\dT\d{6}Z\r\n/);
  });

  test('a tampered roster fails validation with exit 2 naming the rule', async () => {
    const { dir, path } = await files();
    const shift = (day: number) => ({
      agentId: 'ann',
      siteId: 'AMS',
      templateId: 'late',
      channel: 'voice',
      start: `2026-10-${19 + day}T12:00:00Z`,
      end: `2026-10-${19 + day}T20:30:00Z`,
    });
    const rosterPath = join(dir, 'roster.json');
    await writeFile(
      rosterPath,
      JSON.stringify({
        assignments: [
          shift(0),
          { ...shift(1), templateId: 'early', start: '2026-10-20T04:00:00Z', end: '2026-10-20T12:30:00Z' },
        ],
      }),
    );
    const r = await cli(['validate', '--input', rosterPath, '--request', path, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/minRest ann @ 2026-10-20T04:00:00.000Z: 450 min rest/);
  });

  test.each([
    [
      'unknown zone',
      (r: typeof request) => (r.sites[0]!.timeZone = 'Mars/Olympus'),
      /sites\[0\]\.timeZone: unknown IANA time zone/,
    ],
    [
      'template longer than 24 h',
      (r: typeof request) => (r.templates[1]!.durationMinutes = 1441),
      /templates\[1\]\.durationMinutes: a shift template may last at most 24 h/,
    ],
    [
      'agent at an unknown site',
      (r: typeof request) => (r.agents[2]!.siteId = 'NYC'),
      /agents\[2\]\.siteId: unknown site "NYC"/,
    ],
    [
      'requirements off the grid',
      (r: typeof request) => (r.requirements[0]!.start = '2026-10-19T00:20:00Z'),
      /requirements\[0\]\.start: is off the 30-minute UTC grid/,
    ],
  ])('bad input (%s) exits 2 naming the field', async (_name, mutate, message) => {
    const bad = structuredClone(request);
    mutate(bad);
    const dir = await mkdtemp(join(tmpdir(), 'allhours-schedule-'));
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify(bad));
    const r = await cli(['schedule', '--input', path, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
