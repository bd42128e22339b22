import { describe, expect, it } from 'vitest';
import { columnLabel, resultToCsv } from '../../client/src/participant/query-csv.js';

describe('resultToCsv', () => {
  it('quotes and nulls', () => {
    const csv = resultToCsv({
      columns: [
        { name: 'eventname', type: 'VARCHAR' },
        { name: 'count_star()', type: 'BIGINT' },
        { name: 'detail', type: 'JSON' },
      ],
      rows: [
        ['ListBuckets', 3, null],
        ['a,"b"', 1, { key: 'x' }],
      ],
      rowCount: 2,
      truncated: false,
      elapsedMs: 1,
    });
    expect(csv.split('\r\n')).toEqual(['eventname,count(*),detail', 'ListBuckets,3,', '"a,""b""",1,"{""key"":""x""}"', '']);
  });

  it('keeps other column names', () => {
    expect(columnLabel({ name: 'sourceipaddress', type: 'VARCHAR' })).toBe('sourceipaddress');
  });
});
