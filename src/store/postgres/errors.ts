import { CrmError } from '../../errors.js';

/** The server's SQLSTATE codes a user can cause, as messages with a fix; anything else stays unexpected. */
export function translatePgError(e: unknown, shown: string): unknown {
  if (e instanceof CrmError) return e;
  const err = e as { code?: string; message?: string; detail?: string; constraint?: string };
  const code = err.code;
  const message = err.message ?? '';
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT'
    || /timeout expired|Connection terminated/.test(message)) {
    return new CrmError('database', `cannot reach the PostgreSQL server of ${shown} (${code ?? message})`,
      'check the host and port in --db or CRM_DB (and PGHOST, PGPORT), and that the server is running');
  }
  if (code === '28P01' || code === '28000') {
    return new CrmError('database', `the server refused the login for ${shown} (${message})`,
      'check the user name and the password (PGPASSWORD or ~/.pgpass)');
  }
  if (code === '3D000') {
    return new CrmError('not_found', `${shown}: ${message}`, 'create it first, e.g. createdb crm, or correct the name in the URL');
  }
  if (code === '42501') {
    // crm's own guard (migration 0007_team) names the record and its owner, and says whom to ask.
    const hint = (e as { hint?: string }).hint;
    if (hint) return new CrmError('not_permitted', message, hint);
    return new CrmError('not_permitted', `${message}: your role on the team server may not do that`,
      'ask an admin of the team (crm team list shows who) for the role you need');
  }
  if (code === '23505') {
    return new CrmError('conflict', `that value is already taken: ${err.detail ?? err.constraint ?? message}`,
      'run the command again to see the current state');
  }
  if (code === '40001' || code === '40P01' || code === '55P03') {
    return new CrmError('locked', `the database ${shown} stayed busy with other writers (${message})`, 'try again in a moment');
  }
  return e;
}

/** A serialization failure or deadlock: the whole transaction may simply run again. */
export const retryable = (e: unknown): boolean => {
  const code = (e as { code?: string }).code;
  return code === '40001' || code === '40P01';
};
