import type { AssignmentOut, ScheduleResponse } from './response.js';

/** Renderings of a roster besides JSON: CSV (one row per shift) and iCalendar (one calendar per agent). */

function csvField(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function rosterToCsv(response: Pick<ScheduleResponse, 'assignments'>): string {
  const header = ['agentId', 'siteId', 'templateId', 'channel', 'start', 'end', 'localStart', 'localEnd', 'breaks'];
  const rows = response.assignments.map((a) =>
    [
      a.agentId,
      a.siteId,
      a.templateId,
      a.channel,
      a.start,
      a.end,
      a.localStart,
      a.localEnd,
      a.breaks.map((b) => `${b.start}/${b.end}`).join(' '),
    ]
      .map(csvField)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/** `2026-03-02T08:00:00.000Z` → `20260302T080000Z` (iCalendar UTC form). */
function icsTime(iso: string): string {
  return `${iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`;
}

function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** Fold lines longer than 75 octets (RFC 5545 §3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 74) parts.push((i ? ' ' : '') + line.slice(i, i + 74));
  return parts.join('\r\n');
}

/** One VCALENDAR for one agent's shifts; events in UTC, breaks listed in the description. */
export function agentCalendar(agentId: string, shifts: AssignmentOut[]): string {
  // DTSTAMP must be stable for the same roster: use the first shift's start rather than the clock.
  const stamp = shifts.length ? icsTime(shifts[0]!.start) : '19700101T000000Z';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//allhours//scheduler//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${icsText(`Shifts ${agentId}`)}`,
  ];
  for (const s of shifts) {
    const breaks = s.breaks.map((b) => `${b.start.slice(11, 16)}–${b.end.slice(11, 16)} UTC`).join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(`${agentId}-${icsTime(s.start)}@allhours`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsTime(s.start)}`,
      `DTEND:${icsTime(s.end)}`,
      `SUMMARY:${icsText(`${s.channel} shift (${s.templateId})`)}`,
      `LOCATION:${icsText(s.siteId)}`,
      `DESCRIPTION:${icsText(`local ${s.localStart} – ${s.localEnd}${breaks ? `; breaks ${breaks}` : ''}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Every agent's calendar, or just `agentId`'s: one VCALENDAR per agent, concatenated. */
export function rosterToIcs(response: Pick<ScheduleResponse, 'assignments'>, agentId?: string): string {
  const byAgent = new Map<string, AssignmentOut[]>();
  for (const a of response.assignments) {
    if (agentId !== undefined && a.agentId !== agentId) continue;
    byAgent.set(a.agentId, [...(byAgent.get(a.agentId) ?? []), a]);
  }
  if (agentId !== undefined && !byAgent.has(agentId)) byAgent.set(agentId, []);
  return [...byAgent].map(([id, shifts]) => agentCalendar(id, shifts)).join('');
}
