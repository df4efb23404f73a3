import { forecastRequestSchema, runForecastRequest } from '@allhours/forecast';
import { defineCommand } from '../command.js';

export const forecastCommand = defineCommand({
  name: 'forecast',
  summary: 'Forecast contacts (mean and quantiles) and handle time per interval from contact history',
  help: `Reads history as interval counts (start, volume, ahtSeconds) or contact records (timestamp,
handleSeconds), from a CSV/JSON file or inline, and forecasts "horizonDays" local days from "origin"
(default: the end of the history). Seasonality is by local slot-of-week in "timeZone", so DST days keep
their wall-clock profile. Closed hours come from "openHours" or are inferred (slots that never saw a
contact); missing intervals stay missing. "specialDays" are kept out of normal-day profiles and scaled by
their label's estimated (or given) multiplier. "model": auto (default; chooses or blends per horizon by
rolling-origin backtests), seasonal-naive, week-mean, double-seasonal, regression. Quantiles are calibrated
on backtests. "backtest": true adds rolling-origin accuracy figures.`,
  request: forecastRequestSchema,
  async run(request, context) {
    return { json: await runForecastRequest(request, { baseDir: context.baseDir, progress: context.progress }) };
  },
});
