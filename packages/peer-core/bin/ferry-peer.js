#!/usr/bin/env -S node --single-threaded-gc --max-semi-space-size=2
// V8 flags (read by `pnpm bench transfer` too): a download makes V8 run a
// full collection every ~25 MiB (Node's HTTP/2 reads the socket into fresh
// buffers), and marking on four helper threads cost ~1 CPU-s per GiB on
// two cores. Collecting on the main thread with a smaller young generation
// made a 1 GiB download ~15% faster with ~0.8 CPU-s and ~10 MiB less.
import { main } from '../dist/cli/main.js';

await main(process.argv);
