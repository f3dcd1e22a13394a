/** PostgreSQL URLs as operators see them; no driver needed, so SQLite deployments never load pg. */

/** A database URL fit for logs and messages: any password replaced by `***`. */
export function describePostgresUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@').replace(/([?&](?:ssl)?password=)[^&#]*/gi, '$1***');
}
