import { spawnSync } from 'node:child_process';

/**
 * A Python 3 that can import `modules` (python3-vobject, python3-icalendar: Debian packages, which .ci/run
 * installs), for tests where a program that is not crm reads what crm wrote. The first of `python3` on PATH and
 * the system's /usr/bin/python3 that has them (a pyenv python3 on PATH often does not see Debian's packages).
 * Without one, `missing` says what to install; CI=true makes that a failure, never a skip.
 */
export function pythonWith(modules: string[]): { python: string; missing: null } | { python: null; missing: string } {
  const probe = `import ${modules.join(', ')}`;
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', probe], { encoding: 'utf8' });
    if (r.status === 0) return { python, missing: null };
  }
  return { python: null, missing: `no python3 can import ${modules.join(', ')}: install ${modules.map((m) => `python3-${m}`).join(' ')} (apt-get install)` };
}

/** Runs `script` with `args`, parses the JSON it prints. */
export function runPython(python: string, script: string, args: string[]): unknown {
  const r = spawnSync(python, ['-c', script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}
