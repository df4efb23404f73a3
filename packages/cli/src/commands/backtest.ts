import { backtestRequestSchema, formatBacktestTable, runBacktestRequest } from '@allhours/forecast';
import { defineCommand } from '../command.js';

export const backtestCommand = defineCommand({
  name: 'backtest',
  summary: 'Rolling-origin accuracy of a forecast model (WAPE, MASE, RMSE, bias, interval coverage)',
  help: `Takes the history fields of a forecast request plus "origins" (default 8), "spacingDays" (7) and
"horizonDays" (7). At each origin (a local midnight) the model is refitted on the history before it and
scored on what followed: day-ahead (the first day) and week-ahead (all horizon days). MASE is scaled by the
in-sample weekly seasonal-naive error; coverage is that of the interval between the lowest and highest
quantile. Seasonal naive and the k-week mean are scored on the same origins unless "baselines": false.
--format text prints a table.`,
  request: backtestRequestSchema,
  formats: ['text'],
  async run(request, context) {
    const response = await runBacktestRequest(request, { baseDir: context.baseDir, progress: context.progress });
    return context.format === 'text' ? { text: formatBacktestTable(response) } : { json: response };
  },
});
