export { fakeTerminal } from './fake-terminal.js';
