import type { SpecialDay } from '@allhours/forecast';

/**
 * Israeli public holidays of 1999 that fell on the bank's calendar, from the Hebrew calendar for 1999
 * (Hebcal, https://www.hebcal.com/holidays/1999, Israel schedule): full holidays and their eves. The
 * labels are generic ("holiday", "holiday-eve") so the effect learnt on spring holidays carries to the
 * autumn ones. The 1999 anomalies in the data README (0.03–0.38× normal volume) fall on these dates.
 */
export const ISRAELI_HOLIDAYS_1999: SpecialDay[] = [
  ['1999-03-31', 'holiday-eve'], // Erev Pesach
  ['1999-04-01', 'holiday'], // Pesach I
  ['1999-04-06', 'holiday-eve'], // Erev Pesach VII
  ['1999-04-07', 'holiday'], // Pesach VII
  ['1999-04-20', 'holiday-eve'], // Yom HaZikaron (eve of Independence Day)
  ['1999-04-21', 'holiday'], // Yom HaAtzma'ut
  ['1999-05-20', 'holiday-eve'], // Erev Shavuot
  ['1999-05-21', 'holiday'], // Shavuot
  ['1999-09-10', 'holiday-eve'], // Erev Rosh Hashana
  ['1999-09-11', 'holiday'], // Rosh Hashana I
  ['1999-09-12', 'holiday'], // Rosh Hashana II
  ['1999-09-19', 'holiday-eve'], // Erev Yom Kippur
  ['1999-09-20', 'holiday'], // Yom Kippur
  ['1999-09-24', 'holiday-eve'], // Erev Sukkot
  ['1999-09-25', 'holiday'], // Sukkot I
  ['1999-10-01', 'holiday-eve'], // Erev Shmini Atzeret
  ['1999-10-02', 'holiday'], // Shmini Atzeret / Simchat Torah
].map(([date, label]) => ({ date: date!, label: label! }));
