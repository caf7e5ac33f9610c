/** A PostgreSQL connection URL, as libpq takes it: postgres://... or postgresql://... */
export const isServerUrl = (text: string): boolean => /^postgres(ql)?:\/\//i.test(text.trim());

/** The URL with its password (in the user part or a password= parameter) left out, for messages and `db path`. */
export function redactUrl(url: string): string {
  return url.trim()
    .replace(/^(postgres(?:ql)?:\/\/)([^@/?#]*)@/i, (_, scheme: string, auth: string) => `${scheme}${auth.replace(/:.*$/s, ':***')}@`)
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}
