/**
 * SQL shared by both backends is written with SQLite's `@name` parameters; PostgreSQL numbers
 * them. Values that PostgreSQL cannot type from their place in the statement carry a CAST there.
 */

/** `@name` → `$n` with the values in order (a name used twice is one parameter), for PostgreSQL. */
export function toNumbered(sql: string, params: Readonly<Record<string, unknown>>): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/@([a-z_]+)/g, (_match, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`no value for @${name}`);
    let index = names.indexOf(name);
    if (index === -1) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, values: names.map((name) => params[name]) };
}
