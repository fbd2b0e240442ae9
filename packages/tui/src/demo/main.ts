// Entry point of `pnpm demo` (`node ./dist/demo/main.js`).
import { runDemo } from './run-demo.js';

await runDemo();
