/**
 * Conversion of the date format strings of Athena (Trino) functions to DuckDB's strftime and
 * strptime notation. `date_parse` and `date_format` take MySQL-style specifiers; `parse_datetime`
 * and `format_datetime` take Joda-Time patterns. Sources: the Trino documentation of "Date and time
 * functions" (MySQL date functions, Java date functions) and DuckDB's "Date Format" page.
 */

export class DateFormatError extends Error {}

/** MySQL specifier letter to its DuckDB equivalent. */
const MySqlSpecifiers: Record<string, string> = {
  a: '%a',
  b: '%b',
  c: '%-m',
  d: '%d',
  e: '%-d',
  f: '%f',
  H: '%H',
  h: '%I',
  I: '%I',
  i: '%M',
  j: '%j',
  k: '%-H',
  l: '%-I',
  M: '%B',
  m: '%m',
  p: '%p',
  r: '%I:%M:%S %p',
  S: '%S',
  s: '%S',
  T: '%H:%M:%S',
  v: '%V',
  W: '%A',
  Y: '%Y',
  y: '%y',
  '%': '%%',
};

/** Convert a MySQL-style format (`%Y-%m-%d %H:%i:%s`) to DuckDB's (`%Y-%m-%d %H:%M:%S`). */
export function mysqlToDuckDbFormat(format: string): string {
  let converted = '';
  for (let index = 0; index < format.length; index++) {
    const char = format[index]!;
    if (char !== '%') {
      converted += char;
      continue;
    }
    const specifier = format[index + 1];
    index++;
    if (specifier === undefined) throw new DateFormatError('The format ends with a lone "%". Write "%%" for a literal percent sign.');
    const mapped = MySqlSpecifiers[specifier];
    if (!mapped) throw new DateFormatError(`The format specifier "%${specifier}" is not supported. Supported: ${supportedMySql()}.`);
    converted += mapped;
  }
  return converted;
}

function supportedMySql(): string {
  return Object.keys(MySqlSpecifiers)
    .filter((key) => key !== '%')
    .map((key) => `%${key}`)
    .join(' ');
}

/** Joda-Time pattern letters, keyed by the letter repeated as often as it appears. */
const JodaPatterns: Record<string, string> = {
  yyyy: '%Y',
  yy: '%y',
  YYYY: '%Y',
  MMMM: '%B',
  MMM: '%b',
  MM: '%m',
  M: '%-m',
  dd: '%d',
  d: '%-d',
  DDD: '%j',
  HH: '%H',
  H: '%-H',
  hh: '%I',
  h: '%-I',
  mm: '%M',
  m: '%-M',
  ss: '%S',
  s: '%-S',
  SSS: '%g',
  SSSSSS: '%f',
  a: '%p',
  EEEE: '%A',
  EEE: '%a',
  Z: '%z',
  ZZ: '%z',
  z: '%Z',
};

/** Convert a Joda-Time pattern (`yyyy-MM-dd'T'HH:mm:ss`) to DuckDB's format notation. */
export function jodaToDuckDbFormat(pattern: string): string {
  let converted = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === "'") {
      // Quoted literal text; two quotes in a row stand for one quote, inside or outside quotes.
      const quoted = readQuoted(pattern, index);
      converted += quoted.text.replaceAll('%', '%%');
      index = quoted.end;
      continue;
    }
    if (!/[A-Za-z]/.test(char)) {
      converted += char === '%' ? '%%' : char;
      index++;
      continue;
    }
    let run = 1;
    while (pattern[index + run] === char) run++;
    const letters = pattern.slice(index, index + run);
    const mapped = JodaPatterns[letters];
    if (!mapped) throw new DateFormatError(`The pattern letters "${letters}" are not supported. Supported: ${Object.keys(JodaPatterns).join(' ')}.`);
    converted += mapped;
    index += run;
  }
  return converted;
}

/** Read the quoted section that starts at `start`; returns its literal text and the index just past it. */
function readQuoted(pattern: string, start: number): { text: string; end: number } {
  if (pattern[start + 1] === "'") return { text: "'", end: start + 2 };
  let text = '';
  let index = start + 1;
  while (index < pattern.length) {
    if (pattern[index] === "'") {
      if (pattern[index + 1] !== "'") return { text, end: index + 1 };
      text += "'";
      index += 2;
    } else {
      text += pattern[index];
      index++;
    }
  }
  throw new DateFormatError("The pattern has an unclosed quote. Close quoted text with a second '.");
}
