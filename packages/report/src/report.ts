import { addDays, formatLocal, localDateOf, minutesOfLocalTime, parseInput, sum } from '@allhours/core';
import { scheduleFromParsed } from './availability.js';
import { availabilityChart, blockText } from './charts/availability.js';
import { bandChart } from './charts/band.js';
import { barChart } from './charts/bars.js';
import { columnChart } from './charts/columns.js';
import { type GanttRow, rosterGantt } from './charts/gantt.js';
import { coverageHeatmap } from './charts/heatmap.js';
import { categoryColor, STATUS } from './charts/palette.js';
import { serviceLevelChart } from './charts/service-level.js';
import { el, esc, fmt } from './charts/svg.js';
import { dayLabel, daysBetween, dayTicks } from './charts/time-axis.js';
import { type ReportData, type ReportDataInput, reportDataSchema } from './data.js';
import { nightsAndWeekends, overallServiceLevel, shortAgentHours } from './metrics.js';
import { REPORT_CSS } from './style.js';
import { whatIfTable } from './what-if.js';

/**
 * The plan as one self-contained HTML page: inline CSS and inline SVG drawn here, no scripts, no fonts
 * or images fetched, so it opens offline and can be mailed around as a single file.
 */
export function renderReport(input: ReportDataInput): string {
  const data = parseInput(reportDataSchema, input, 'report data');
  const from = data.horizon.start;
  const to = horizonEnd(data);
  const sections = [
    summarySection(data),
    forecastSection(data, from, to),
    heatmapSection(data, from, to),
    serviceLevelSection(data),
    availabilitySection(data),
    rosterSection(data, from, to),
    fairnessSection(data),
    costSection(data),
    whatIfSection(data),
  ].filter((s): s is Section => s !== null);
  const nav = sections.filter((s) => s.id !== 'summary').map((s) => el('a', { href: `#${s.id}` }, esc(s.title)));
  const horizonText =
    `Horizon ${formatLocal(from, data.timeZone).slice(0, 16).replace('T', ' ')} – ` +
    `${formatLocal(to, data.timeZone).slice(0, 16).replace('T', ' ')} (${data.timeZone}), ${data.horizon.days} days`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: nothing may be fetched, not even by a stray URL in data.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(data.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    el(
      'header',
      {},
      el('h1', {}, esc(data.title)),
      data.subtitle ? el('p', {}, esc(data.subtitle)) : '',
      el('p', {}, esc(horizonText)),
      data.generatedAt !== undefined
        ? el('p', {}, esc(`Generated ${formatLocal(data.generatedAt, data.timeZone)}`))
        : '',
    ),
    el('nav', { 'aria-label': 'Sections' }, ...nav),
    el('main', {}, ...sections.map((s) => s.html)),
    el('footer', {}, 'Made by allhours. This file is self-contained: it loads nothing from the network.'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

interface Section {
  id: string;
  title: string;
  html: string;
}

function section(id: string, title: string, lead: string, ...body: string[]): Section {
  return {
    id,
    title,
    html: el(
      'section',
      { id, 'aria-labelledby': `${id}-h` },
      el('h2', { id: `${id}-h` }, esc(title)),
      lead ? el('p', { class: 'lead' }, esc(lead)) : '',
      ...body,
    ),
  };
}

function figure(svg: string, caption: string, showTitle = true): string {
  // The chart's own <title> doubles as its visible heading, so the two never disagree.
  const title = showTitle ? /<title id="[^"]+">([^<]*)<\/title>/.exec(svg)?.[1] : undefined;
  return el(
    'figure',
    {},
    title ? el('div', { class: 'chart-title', 'aria-hidden': 'true' }, title) : '',
    svg,
    el('figcaption', {}, esc(caption)),
  );
}

function horizonEnd(data: ReportData): number {
  return data.horizon.start + data.horizon.days * 86_400_000;
}

function channelName(c: ReportData['channels'][number]): string {
  return c.label ?? c.id;
}

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`;
}

function money(data: ReportData, amount: number): string {
  return `${data.currency} ${fmt(amount)}`;
}

function targetText(t: ReportData['channels'][number]['target']): string {
  if (!t) return '';
  const within =
    t.answerWithinSeconds !== undefined
      ? ` within ${fmt(t.answerWithinSeconds)} s`
      : t.responseWithinMinutes !== undefined
        ? ` within ${fmt(t.responseWithinMinutes / 60, 1)} h`
        : '';
  return `${Math.round(t.serviceLevel * 100)}%${within}`;
}

function summarySection(data: ReportData): Section {
  const cards: string[] = [];
  for (const c of data.channels) {
    const sl = overallServiceLevel(c);
    const ok = sl !== null && c.target ? sl >= c.target.serviceLevel : null;
    cards.push(
      card(
        `${channelName(c)} service level`,
        pct(sl),
        c.target ? `target ${targetText(c.target)}` : 'no target set',
        ok === null ? '' : ok ? 'ok' : 'bad',
      ),
    );
  }
  const cost = sum(data.sites.map((s) => s.cost));
  if (data.sites.length > 0) cards.push(card('Roster cost', money(data, cost), `${data.sites.length} sites`, ''));
  if (data.agents.length > 0) {
    const shifts = sum(data.agents.map((a) => a.shifts.length));
    cards.push(card('Agents', fmt(data.agents.length), `${fmt(shifts)} shifts`, ''));
  }
  const short = sum(data.channels.map((c) => shortAgentHours(c.required, c.scheduled)));
  const required = sum(data.channels.map((c) => sum(c.required.values) * (c.required.intervalMinutes / 60)));
  cards.push(
    card(
      'Coverage gaps',
      `${fmt(short, 1)} agent-h`,
      required > 0 ? `${((short / required) * 100).toFixed(1)}% of ${fmt(required)} required agent-h` : '',
      short > 0 ? 'bad' : 'ok',
    ),
  );
  const notes =
    data.notes.length > 0 ? el('ul', { class: 'notes' }, ...data.notes.map((n) => el('li', {}, esc(n)))) : '';
  return {
    id: 'summary',
    title: 'Summary',
    html: el('section', { id: 'summary', 'aria-label': 'Summary' }, el('div', { class: 'cards' }, ...cards), notes),
  };
}

function card(key: string, value: string, sub: string, tone: string): string {
  return el(
    'div',
    { class: 'card' },
    el('div', { class: 'k' }, esc(key)),
    el('div', { class: `v ${tone}` }, esc(value)),
    sub ? el('div', { class: 's' }, esc(sub)) : '',
  );
}

function forecastSection(data: ReportData, from: number, to: number): Section | null {
  const withData = data.channels.filter((c) => c.history || c.forecast);
  if (withData.length === 0) return null;
  const windowFrom = from - data.historyDaysShown * 86_400_000;
  const figures = withData.map((c, i) => {
    const minutes = c.forecast?.intervalMinutes ?? c.history?.intervalMinutes ?? 15;
    return figure(
      bandChart({
        id: `band-${i}`,
        title: `${channelName(c)}: forecast against history`,
        timeZone: data.timeZone,
        yLabel: `contacts per ${minutes} min`,
        history: c.history,
        forecast: c.forecast,
        from: windowFrom,
        to,
      }),
      `${channelName(c)}: the last ${data.historyDaysShown} days of actual contacts, then the forecast mean with its 10th–90th percentile band.`,
    );
  });
  return section(
    'forecast',
    'Forecast against history',
    'Contacts per interval: what arrived, and what the forecast expects. Eight in ten intervals should land inside the band.',
    ...figures,
  );
}

function heatmapSection(data: ReportData, from: number, to: number): Section {
  // Rows for days mostly inside the horizon: a sliver of a day (the zone's offset from the horizon's start) adds noise.
  const dates = dayTicks(from, to, data.timeZone)
    .filter((d) => Math.min(to, d.end) - Math.max(from, d.start) >= (d.end - d.start) / 4)
    .map((d) => d.date);
  const figures = data.channels.map((c, i) =>
    figure(
      coverageHeatmap({
        id: `heat-${i}`,
        title: `${channelName(c)}: scheduled minus required agents`,
        timeZone: data.timeZone,
        required: c.required,
        scheduled: c.scheduled,
        dates,
      }),
      `${channelName(c)}: ${fmt(shortAgentHours(c.required, c.scheduled), 1)} agent-hours short over the horizon. Hover a cell for the numbers.`,
    ),
  );
  return section(
    'coverage',
    'Required vs scheduled agents',
    `One row per day, one column per time slot, in ${data.timeZone}. Red: fewer agents than required; blue: more. Days with a clock change keep their 23 or 25 hours.`,
    ...figures,
  );
}

function serviceLevelSection(data: ReportData): Section | null {
  const withSl = data.channels.filter((c) => c.serviceLevel);
  if (withSl.length === 0) return null;
  const figures = withSl.map((c, i) => {
    const sl = c.serviceLevel!;
    return figure(
      serviceLevelChart({
        id: `sl-${i}`,
        title: `${channelName(c)}: service level per interval`,
        timeZone: data.timeZone,
        start: sl.start,
        intervalMinutes: sl.intervalMinutes,
        values: sl.values,
        target: c.target?.serviceLevel,
        targetLabel: c.target ? targetText(c.target) : undefined,
      }),
      `${channelName(c)}: ${pct(overallServiceLevel(c))} over the horizon${c.target ? ` against a target of ${targetText(c.target)}` : ''}.`,
    );
  });
  return section(
    'service-level',
    'Service level per interval',
    'With the scheduled agents, per interval, against the channel target.',
    ...figures,
  );
}

function availabilitySection(data: ReportData): Section {
  const holidays = data.holidays.map((h) => h.date);
  const parts = data.channels.map((c, i) => {
    const zone = c.publishTimeZone ?? data.timeZone;
    const schedule = scheduleFromParsed({
      timeZone: zone,
      required: c.required,
      staffed: c.scheduled,
      botShare: c.botShare,
      holidays: holidays,
      reliability: data.availabilityReliability,
      blockMinutes: data.availabilityBlockMinutes,
    });
    const list = (['weekday', 'weekend', 'holiday'] as const).map((type) => {
      const day = schedule[type];
      const name = { weekday: 'Weekdays', weekend: 'Weekends', holiday: 'Holidays' }[type];
      const note = day.derivedFrom ? ' (no holiday in the plan: as weekends)' : '';
      return el(
        'li',
        {},
        el('strong', {}, esc(`${name}${note}: `)),
        esc(day.blocks.map(blockText).join('; ') || 'no data'),
      );
    });
    return (
      el(
        'h3',
        {},
        esc(
          `${channelName(c)}${c.botShare > 0 ? ` — bot/self-service takes ${Math.round(c.botShare * 100)}% when unstaffed` : ''}`,
        ),
      ) +
      figure(
        availabilityChart(`avail-${i}`, `${channelName(c)}: availability to publish`, schedule),
        `${channelName(c)} opening hours by day type, ${zone}.`,
        false,
      ) +
      el('ul', { class: 'blocks' }, ...list)
    );
  });
  const holidayText =
    data.holidays.length > 0 ? ` Holidays: ${data.holidays.map((h) => `${h.date} ${h.label}`).join(', ')}.` : '';
  return section(
    'availability',
    'Availability schedule to publish',
    `Derived from the roster: a slot is fully staffed when the scheduled agents meet the requirement on at least ${Math.round(data.availabilityReliability * 100)}% of the days of its type, limited when fewer agents (longer answer times) or only a bot/self-service are there, closed otherwise.${holidayText}`,
    ...parts,
  );
}

function agentZone(data: ReportData, agent: ReportData['agents'][number]): string {
  return agent.timeZone ?? data.sites.find((s) => s.id === agent.siteId)!.timeZone;
}

function sortedAgents(data: ReportData): ReportData['agents'] {
  const order = new Map(data.sites.map((s, i) => [s.id, i]));
  return [...data.agents].sort(
    (a, b) => order.get(a.siteId)! - order.get(b.siteId)! || a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
}

function agentLabel(data: ReportData, agent: ReportData['agents'][number]): string {
  const site = data.sites.find((s) => s.id === agent.siteId)!;
  return `${agent.name ?? agent.id} (${site.label ?? site.id})`;
}

function rosterSection(data: ReportData, from: number, to: number): Section | null {
  if (data.agents.length === 0) return null;
  const agents = sortedAgents(data);
  const zones = [...new Set(agents.map((a) => agentZone(data, a)))];
  const firsts = zones.map((z) => localDateOf(from, z)).sort();
  const lasts = zones.map((z) => localDateOf(to - 1, z)).sort();
  const firstDate = firsts[0]!;
  const days = daysBetween(firstDate, lasts[lasts.length - 1]!) + 1;
  const rows: GanttRow[] = agents.map((a) => ({
    label: agentLabel(data, a),
    timeZone: agentZone(data, a),
    shifts: a.shifts,
  }));
  const channelColors = data.channels.map((c, i) => ({ channel: c.id, color: categoryColor(i) }));
  const nightWindow = [minutesOfLocalTime(data.nightWindow[0]), minutesOfLocalTime(data.nightWindow[1])] as const;
  // A week per chart keeps a day wide enough to read a shift's start and end.
  const figures: string[] = [];
  for (let week = 0; week * 7 < days; week++) {
    const weekFirst = addDays(firstDate, week * 7);
    const weekDays = Math.min(7, days - week * 7);
    const svg = rosterGantt({
      id: `gantt-${week}`,
      title: `Roster per agent in local time, ${dayLabel(weekFirst)} – ${dayLabel(addDays(weekFirst, weekDays - 1))}`,
      rows,
      firstDate: weekFirst,
      days: weekDays,
      channelColors,
      nightWindowMinutes: nightWindow,
    });
    figures.push(figure(svg, `Week ${week + 1}: ${data.agents.length} agents; zones: ${zones.join(', ')}.`));
  }
  return section(
    'roster',
    'Roster per agent',
    'Each agent on their own local clock (the site’s zone), coloured by channel; white gaps are breaks. Night hours and weekends are shaded.',
    ...figures,
  );
}

function fairnessSection(data: ReportData): Section | null {
  if (data.agents.length === 0) return null;
  const agents = sortedAgents(data);
  const counts = agents.map((a) => nightsAndWeekends(a, agentZone(data, a), data.nightWindow));
  const svg = columnChart({
    id: 'fairness',
    title: 'Night shifts and weekend days per agent',
    categories: agents.map((a) => a.name ?? a.id),
    groups: siteGroups(data, agents),
    series: [
      { label: 'night shifts', color: '#3b4cc0', values: counts.map((c) => c.nights) },
      { label: 'weekend days', color: STATUS.limited, values: counts.map((c) => c.weekends) },
    ],
    valueLabel: 'count over the horizon',
    format: (v) => fmt(v),
  });
  const nights = counts.map((c) => c.nights);
  const weekends = counts.map((c) => c.weekends);
  return section(
    'fairness',
    'Nights and weekends per agent',
    `A night shift has at least 3 hours between ${data.nightWindow[0]} and ${data.nightWindow[1]} local time. Nights range ${Math.min(...nights)}–${Math.max(...nights)}, weekend days ${Math.min(...weekends)}–${Math.max(...weekends)} per agent.`,
    figure(svg, 'Counted in each agent’s local time.'),
  );
}

function siteGroups(data: ReportData, agents: ReportData['agents']): { label: string; from: number; to: number }[] {
  return data.sites.flatMap((site) => {
    const idx = agents.flatMap((a, i) => (a.siteId === site.id ? [i] : []));
    return idx.length === 0 ? [] : [{ label: site.label ?? site.id, from: idx[0]!, to: idx[idx.length - 1]! + 1 }];
  });
}

function costSection(data: ReportData): Section | null {
  if (data.sites.length === 0) return null;
  const labels = [...new Set(data.sites.flatMap((s) => (s.costParts ?? []).map((p) => p.label)))];
  const categories = data.sites.map((s) => `${s.label ?? s.id} (${s.timeZone})`);
  const series =
    labels.length > 0
      ? labels.map((label, k) => ({
          label,
          color: categoryColor(k),
          values: data.sites.map((s) => s.costParts?.find((p) => p.label === label)?.amount ?? 0),
        }))
      : [{ label: 'cost', color: categoryColor(0), values: data.sites.map((s) => s.cost) }];
  const svg = barChart({
    id: 'cost',
    title: 'Cost per site',
    categories,
    series,
    mode: 'stacked',
    valueLabel: `cost over the horizon (${data.currency})`,
    format: (v) => fmt(v),
  });
  const hours = data.sites.map((s) =>
    s.paidHours !== undefined
      ? `${s.label ?? s.id}: ${fmt(s.paidHours)} paid h, ${money(data, s.cost / Math.max(1, s.paidHours))}/h`
      : '',
  );
  return section(
    'cost',
    'Cost per site',
    `Total ${money(data, sum(data.sites.map((s) => s.cost)))}. ${hours.filter(Boolean).join('; ')}`,
    figure(svg, 'Roster cost per site over the horizon.'),
  );
}

function whatIfSection(data: ReportData): Section | null {
  if (data.whatIf.length === 0) return null;
  return section(
    'what-if',
    'What-if: coverage options',
    'The same demand under different coverage choices, side by side. Best value per row is highlighted.',
    whatIfTable(data),
  );
}
