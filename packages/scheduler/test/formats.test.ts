import { describe, expect, it } from 'vitest';
import { rosterToCsv, rosterToIcs } from '../src/formats.js';
import type { AssignmentOut } from '../src/response.js';

const a = (agentId: string, start: string, end: string): AssignmentOut => ({
  agentId,
  siteId: 'AMS',
  templateId: 'early, long',
  channel: 'voice',
  start,
  end,
  localStart: start.replace('Z', '+01:00'),
  localEnd: end.replace('Z', '+01:00'),
  breaks: [{ start: '2026-03-23T09:00:00.000Z', end: '2026-03-23T09:30:00.000Z' }],
});

const roster = {
  assignments: [
    a('ann', '2026-03-23T05:00:00.000Z', '2026-03-23T13:00:00.000Z'),
    a('bob', '2026-03-23T13:00:00.000Z', '2026-03-23T21:00:00.000Z'),
    a('ann', '2026-03-24T05:00:00.000Z', '2026-03-24T13:00:00.000Z'),
  ],
};

describe('roster formats', () => {
  it('CSV: one row per shift, fields with commas quoted', () => {
    const lines = rosterToCsv(roster).trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      'ann,AMS,"early, long",voice,2026-03-23T05:00:00.000Z,2026-03-23T13:00:00.000Z,2026-03-23T05:00:00.000+01:00,2026-03-23T13:00:00.000+01:00,2026-03-23T09:00:00.000Z/2026-03-23T09:30:00.000Z',
    );
  });

  it('iCalendar: one VCALENDAR per agent, UTC events, CRLF lines of at most 75 octets', () => {
    const ics = rosterToIcs(roster);
    expect(ics.match(/BEGIN:VCALENDAR/g)).toHaveLength(2);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain('DTSTART:20260323T050000Z\r\nDTEND:20260323T130000Z');
    expect(ics).toContain('SUMMARY:voice shift (early\\, long)');
    for (const line of ics.split('\r\n')) expect(line.length).toBeLessThanOrEqual(75);
    const ann = rosterToIcs(roster, 'ann');
    expect(ann.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(rosterToIcs(roster, 'zed')).toMatch(/X-WR-CALNAME:Shifts zed\r\nEND:VCALENDAR/);
  });
});
