#!/usr/bin/env -S node --single-threaded-gc --max-semi-space-size=2 --heap-growing-percent=10
// V8 flags (read by `pnpm bench tui` too): small young-generation
// semi-spaces and a slow old-generation growth keep the TUI's RSS near its
// live heap instead of ~90 MB of GC headroom; collecting on the main thread
// (as `ferry-peer` does) makes downloads ~15% faster on two cores.
import { main } from '../dist/cli/main.js';

await main(process.argv);
