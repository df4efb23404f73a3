import { el, esc, fmt } from './charts/svg.js';
import type { ReportData } from './data.js';

type Option = ReportData['whatIf'][number];

interface Row {
  label: string;
  value: (o: Option) => number | null | undefined;
  show: (v: number) => string;
  /** Which end is better, for highlighting; none for neutral rows. */
  better?: 'low' | 'high';
}

/** Coverage options as columns, measures as rows, the best value per row marked (not by colour alone: bold). */
export function whatIfTable(data: ReportData): string {
  const options = data.whatIf;
  const rows: Row[] = [
    { label: `Cost (${data.currency})`, value: (o) => o.cost, show: (v) => fmt(v), better: 'low' },
    { label: 'Agents', value: (o) => o.agents, show: (v) => fmt(v), better: 'low' },
    { label: 'Agent-hours', value: (o) => o.agentHours, show: (v) => fmt(v) },
    { label: 'Short of requirement (agent-h)', value: (o) => o.shortAgentHours, show: (v) => fmt(v, 1), better: 'low' },
    { label: 'Night contacts to bot/self-service', value: (o) => o.botShare, show: (v) => `${Math.round(v * 100)}%` },
    ...data.channels.map(
      (c): Row => ({
        label: `Service level ${c.label ?? c.id}${c.target ? ` (target ${Math.round(c.target.serviceLevel * 100)}%)` : ''}`,
        value: (o) => o.serviceLevel[c.id],
        show: (v) => `${(v * 100).toFixed(1)}%`,
        better: 'high',
      }),
    ),
  ];
  const body = rows
    .filter((r) => options.some((o) => r.value(o) !== undefined && r.value(o) !== null))
    .map((r) => {
      const values = options.map((o) => r.value(o));
      const present = values.filter((v): v is number => typeof v === 'number');
      const best = r.better === 'low' ? Math.min(...present) : r.better === 'high' ? Math.max(...present) : undefined;
      const cells = values.map((v) =>
        typeof v === 'number'
          ? el(
              'td',
              { class: best !== undefined && present.length > 1 && v === best ? 'best' : undefined },
              esc(r.show(v)),
            )
          : el('td', {}, '–'),
      );
      return el('tr', {}, el('th', { scope: 'row' }, esc(r.label)), ...cells);
    });
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, 'Measure'),
    ...options.map((o) =>
      el('th', { scope: 'col' }, esc(o.label), o.description ? `<br><small>${esc(o.description)}</small>` : ''),
    ),
  );
  return el(
    'table',
    { class: 'what-if', 'aria-label': `${options.length} coverage options compared` },
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
}
