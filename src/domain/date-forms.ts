/** The date forms every date flag accepts; shared by the parser's errors and `crm help dates`. */
export const DATE_FORMS =
  'YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, tomorrow, yesterday, now, monday (or mon), next monday, last monday, ' +
  '+3d, -2w, +1m, +1y, +2h, sow, eow, som, eom, soq, eoq, soy, eoy; any date may be followed by a time (14:30, 9am)';
