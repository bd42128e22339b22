import { describe, expect, it } from 'vitest';
import { DateFormatError, jodaToDuckDbFormat, mysqlToDuckDbFormat } from '../../server/query/athena-formats.js';
import { javaReplacementToRe2 } from '../../server/query/athena-rewrite.js';
import { formatCsv, formatTable } from '../../server/query/result-format.js';
import type { QueryResult } from '../../shared/model.js';

describe('date format conversion', () => {
  it('maps MySQL specifiers', () => {
    expect(mysqlToDuckDbFormat('%Y-%m-%d %H:%i:%s')).toBe('%Y-%m-%d %H:%M:%S');
    expect(mysqlToDuckDbFormat('%T %W %M %e')).toBe('%H:%M:%S %A %B %-d');
    expect(mysqlToDuckDbFormat('100%%')).toBe('100%%');
  });

  it('rejects unknown MySQL specifiers', () => {
    expect(() => mysqlToDuckDbFormat('%Q')).toThrow(DateFormatError);
    expect(() => mysqlToDuckDbFormat('%Y%')).toThrow(/lone "%"/);
  });

  it('maps Joda patterns with quoted text', () => {
    expect(jodaToDuckDbFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")).toBe('%Y-%m-%dT%H:%M:%S.%gZ');
    expect(jodaToDuckDbFormat("dd/MMM/yyyy:HH:mm:ss Z")).toBe('%d/%b/%Y:%H:%M:%S %z');
    expect(jodaToDuckDbFormat("h 'o''clock' a")).toBe("%-I o'clock %p");
    expect(jodaToDuckDbFormat("HH''mm")).toBe("%H'%M");
  });

  it('rejects unknown Joda letters', () => {
    expect(() => jodaToDuckDbFormat('yyyy-ww')).toThrow(/"ww"/);
    expect(() => jodaToDuckDbFormat("'open")).toThrow(/unclosed quote/);
  });
});

describe('regexp replacement conversion', () => {
  it('turns $n into \\n', () => {
    expect(javaReplacementToRe2('<$1>')).toBe('<\\1>');
  });

  it('keeps escaped dollars and backslashes literal', () => {
    expect(javaReplacementToRe2('\\$1')).toBe('$1');
    expect(javaReplacementToRe2('a\\\\b')).toBe('a\\\\b');
  });
});

describe('result formats', () => {
  const result: QueryResult = {
    columns: [
      { name: 'eventname', type: 'VARCHAR' },
      { name: 'note', type: 'VARCHAR' },
    ],
    rows: [
      ['GetObject', 'say "hi", then\nleave'],
      ['ListBuckets', null],
    ],
    rowCount: 5,
    truncated: true,
    elapsedMs: 3.2,
  };

  it('quotes CSV fields that need it', () => {
    expect(formatCsv(result)).toBe('eventname,note\r\nGetObject,"say ""hi"", then\nleave"\r\nListBuckets,\r\n');
  });

  it('aligns table columns and counts rows', () => {
    const lines = formatTable(result).trimEnd().split('\n');
    expect(lines[0]).toBe('eventname   | note');
    expect(lines[2]).toBe('GetObject   | say "hi", then leave');
    expect(lines[3]).toBe('ListBuckets | NULL');
    expect(lines[4]).toBe('(2 of 5 rows (truncated), 3.2 ms)');
  });
});
