/**
 * SQL macros that give DuckDB the Athena (Trino) functions that published incident response
 * queries use, with Athena's semantics where DuckDB's function of the same name differs. They are
 * created in the `main` schema, which DuckDB searches before its built-in functions, so a macro
 * named like a built-in replaces it. `system.main.NAME` still reaches the built-in.
 *
 * Functions that DuckDB already provides with the same meaning are not listed: count_if,
 * array_agg, contains, strpos, current_timestamp, try, try_cast and json_extract.
 * The format arguments of date_parse, date_format, parse_datetime and format_datetime are
 * converted to DuckDB's notation before the query runs (see athena-rewrite.ts).
 */
const Macros: string[] = [
  // Timestamps. Athena returns `timestamp with time zone`; the worker's time zone is UTC.
  `from_iso8601_timestamp(text) AS CAST(text AS TIMESTAMPTZ)`,
  `from_iso8601_date(text) AS CAST(text AS DATE)`,
  `to_iso8601(value) AS strftime(CAST(value AS TIMESTAMPTZ), '%Y-%m-%dT%H:%M:%S.%gZ')`,
  `from_unixtime(seconds) AS to_timestamp(seconds)`,
  `to_unixtime(value) AS epoch(value)`,
  `date_parse(text, format) AS strptime(text, format)`,
  `date_format(value, format) AS strftime(value, format)`,
  `parse_datetime(text, format) AS CAST(strptime(text, format) AS TIMESTAMPTZ)`,
  `format_datetime(value, format) AS strftime(value, format)`,
  // Athena's date_add(unit, value, timestamp); DuckDB's own two-argument form stays available.
  `date_add(value, amount) AS system.main.date_add(value, amount),
   (unit, amount, value) AS value + CAST(CAST(amount AS VARCHAR) || ' ' || unit AS INTERVAL)`,
  // Sub-day units truncate by arithmetic on UTC microseconds: DuckDB's date_trunc on a timestamp
  // with time zone goes through ICU and took 270 ms per million rows against 70 ms for this.
  `date_trunc(unit, value) AS CASE
     WHEN lower(unit) IN ('second', 'minute', 'hour', 'day') THEN make_timestamptz((epoch_us(value) // (CASE lower(unit)
       WHEN 'second' THEN 1000000 WHEN 'minute' THEN 60000000 WHEN 'hour' THEN 3600000000 ELSE 86400000000 END))
       * (CASE lower(unit) WHEN 'second' THEN 1000000 WHEN 'minute' THEN 60000000 WHEN 'hour' THEN 3600000000 ELSE 86400000000 END))
     ELSE CAST(system.main.date_trunc(unit, value) AS TIMESTAMPTZ) END`,
  // Athena counts whole units between the two times; DuckDB's date_diff counts boundaries crossed.
  `date_diff(unit, first, second) AS system.main.date_sub(unit, first, second)`,

  // JSON. json_extract_scalar returns NULL for objects and arrays, as in Athena.
  `json_extract_scalar(document, path) AS CASE WHEN json_type(json_extract(document, path)) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(document, path) END`,
  `json_array_length(document) AS CASE WHEN json_type(document) = 'ARRAY' THEN system.main.json_array_length(document) END`,
  `json_format(document) AS CAST(json(document) AS VARCHAR)`,
  `json_parse(text) AS json(text)`,

  // Regular expressions. Athena replaces every match and returns NULL when nothing matches.
  `regexp_like(text, pattern) AS regexp_matches(text, pattern)`,
  `regexp_extract(text, pattern) AS CASE WHEN regexp_matches(text, pattern) THEN system.main.regexp_extract(text, pattern) END,
   (text, pattern, grp) AS CASE WHEN regexp_matches(text, pattern) THEN system.main.regexp_extract(text, pattern, grp) END`,
  `regexp_replace(text, pattern) AS system.main.regexp_replace(text, pattern, '', 'g'),
   (text, pattern, replacement) AS system.main.regexp_replace(text, pattern, replacement, 'g')`,

  // Strings. split_part returns NULL past the last field, as in Athena.
  `split_part(text, delimiter, field) AS CASE WHEN field <= len(string_split(text, delimiter)) THEN system.main.split_part(text, delimiter, field) END`,

  // Arrays and aggregates.
  // approx_distinct counts exactly: DuckDB 1.5's approx_count_distinct was 25 % off for 1,000
  // values, far beyond Athena's documented 2.3 % standard error, and an exact count is fast here.
  `approx_distinct(value) AS count(DISTINCT value)`,
  `array_join(items, delimiter) AS array_to_string(items, delimiter),
   (items, delimiter, replacement) AS array_to_string(list_transform(items, item -> coalesce(CAST(item AS VARCHAR), replacement)), delimiter)`,
  // Typed overloads tell a map (any map casts to this type) from an array, and reject a string.
  `cardinality(items MAP(VARCHAR, VARCHAR)) AS len(map_keys(items)),
   (items VARCHAR) AS error('cardinality expects an array or a map'),
   (items) AS len(items)`,
  `element_at(container, key) AS container[key]`,
];

/** Statements that create the Athena function macros; run once per worker before the sandbox is locked. */
export function athenaFunctionsSql(): string {
  return Macros.map((macro) => `CREATE OR REPLACE MACRO ${macro};`).join('\n');
}
