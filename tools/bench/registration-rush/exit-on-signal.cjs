// Preloaded into the API by run.mjs when BENCH_NODE_ARGS asks for --cpu-prof: NestJS's shutdown
// hook closes the app on SIGTERM, then kills the process again with the same signal, and a process
// killed by a signal never writes its CPU profile. Here that last kill becomes a normal exit.
const kill = process.kill.bind(process);
process.kill = (pid, signal) => (pid === process.pid ? process.exit(0) : kill(pid, signal));
