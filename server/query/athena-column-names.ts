/**
 * Result column names as Athena gives them. Athena (Trino) names an expression without an alias
 * `_colN`, N being its 0-based position in the select list, and a column or field reference by its
 * last name part. DuckDB instead names an expression by its text, such as `count_star()`.
 */

interface SelectExpression {
  class?: string;
  alias?: string;
  column_names?: string[];
}

interface QueryNode {
  type?: string;
  select_list?: SelectExpression[];
  left?: QueryNode;
}

/**
 * Return the Athena name of each result column of a parsed SELECT, or null when the select list
 * alone does not determine them (a `*`, a non-SELECT statement).
 */
export function athenaColumnNames(statements: unknown): string[] | null {
  const statement = Array.isArray(statements) && statements.length === 1 ? (statements[0] as { node?: QueryNode }) : null;
  let node = statement?.node;
  // A UNION, INTERSECT or EXCEPT takes its names from its first SELECT.
  while (node?.type === 'SET_OPERATION_NODE') node = node.left;
  if (node?.type !== 'SELECT_NODE' || !Array.isArray(node.select_list)) return null;

  const names: string[] = [];
  for (const [index, expression] of node.select_list.entries()) {
    if (expression.class === 'STAR') return null;
    if (expression.alias) names.push(expression.alias);
    else if (expression.class === 'COLUMN_REF' && expression.column_names?.length) names.push(expression.column_names.at(-1)!);
    else names.push(`_col${index}`);
  }
  return names;
}
