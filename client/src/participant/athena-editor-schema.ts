import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { ColumnSchema } from '../../../shared/athena-schema.js';

type Tables = Readonly<Record<string, readonly ColumnSchema[]>>;

function columnNamespace(column: ColumnSchema, table: string): SQLNamespace {
  const self: Completion = { label: column.name, type: 'property', detail: `${column.type.toLowerCase()} · ${table}` };
  const children: SQLNamespace = column.fields ? Object.fromEntries(column.fields.map((field) => [field.name, columnNamespace(field, table)])) : [];
  return { self, children };
}

/**
 * Builds the completion namespace of @codemirror/lang-sql from the table columns. Table names and
 * every column complete without a prefix, because a query over one table rarely qualifies its
 * columns. After a dot, a table offers its columns (`cloudtrail_logs.` offers `eventname`) and a
 * struct column its fields (`useridentity.` offers `arn`).
 */
export function completionNamespace(tables: Tables): Record<string, SQLNamespace> {
  const namespace: Record<string, SQLNamespace> = {};

  for (const [table, columns] of Object.entries(tables)) {
    for (const column of columns) {
      // A column in both tables (region, accountid) keeps the first table's entry at the top level.
      namespace[column.name] ??= columnNamespace(column, table);
    }
  }
  for (const [table, columns] of Object.entries(tables)) {
    namespace[table] = {
      self: { label: table, type: 'type', detail: 'table' },
      children: Object.fromEntries(columns.map((column) => [column.name, columnNamespace(column, table)])),
    };
  }
  return namespace;
}
