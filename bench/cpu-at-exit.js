// Loaded with `node --import` by the startup benchmark: at exit, the process's CPU time (every thread's, DuckDB's
// included: getrusage) is written to $ASTERISM_BENCH_CPU_FILE, a figure a loaded machine does not inflate as it does wall time.
import { writeFileSync } from 'node:fs';

const file = process.env.ASTERISM_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String((user + system) / 1e6));
  });
}
