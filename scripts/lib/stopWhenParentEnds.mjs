// A guard for every local `wrangler dev` (scripts/lib/localCollector.mjs): started
// with its stdin piped from the process that started wrangler, it waits for that
// pipe to close, which happens however that process ends (Ctrl-C, SIGTERM, the
// terminal closing, even SIGKILL), then ends the process group of `wrangler dev`
// (wrangler and its workerd) so no port stays taken.
// Usage: node stopWhenParentEnds.mjs <process group id>
const group = Number(process.argv[2]);

// The terminal's signals are for the starter; this guard must outlive it.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(signal, () => {});

process.stdin.resume();
process.stdin.on('close', () => {
  try {
    process.kill(-group, 'SIGTERM');
  } catch {
    // Already gone: the starter stopped it itself.
  }
  process.exit(0);
});
