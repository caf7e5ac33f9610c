import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/*
 * A login's password as the SCRAM-SHA-256 verifier PostgreSQL stores (RFC 5802/7677), made here so that CREATE/ALTER
 * ROLE carries the verifier and never the password: a server logging statements (log_statement = ddl), or
 * pg_stat_activity, would otherwise show it in clear. PostgreSQL recognises the format and stores it as given.
 */

// SASLprep as PostgreSQL (and libpq) apply it before hashing, so the verifier matches what a client proves: non-ASCII
// spaces become a space, "commonly mapped to nothing" characters go, then NFKC. A password with characters SASLprep
// prohibits is used as it is, as PostgreSQL does.
const NON_ASCII_SPACE = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/gu;
const MAPPED_TO_NOTHING = /[\u00AD\u034F\u1806\u180B-\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/gu;
const PROHIBITED = /[\p{Cc}\p{Co}\p{Cs}\u{F0000}-\u{10FFFF}]/u;

function saslprep(password: string): string {
  const mapped = password.replace(NON_ASCII_SPACE, ' ').replace(MAPPED_TO_NOTHING, '').normalize('NFKC');
  return PROHIBITED.test(mapped) ? password : mapped;
}

export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(saslprep(password), salt, iterations, 32, 'sha256');
  const hmac = (text: string) => createHmac('sha256', salted).update(text).digest();
  const storedKey = createHash('sha256').update(hmac('Client Key')).digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${hmac('Server Key').toString('base64')}`;
}
