#!/usr/bin/env node
// A reader that stops early (`crm order list | head`) closes the pipe: that is the reader's choice, not a failure.
// Stop writing and exit quietly instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The one answer that needs nothing else: skip loading the command tree.
  const { version } = await import('../dist/version.js');
  process.stdout.write(`${version}\n`);
} else {
  const { main } = await import('../dist/main.js');
  process.exitCode = await main(args);
}
