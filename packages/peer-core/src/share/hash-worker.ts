/**
 * Entry module of the hashing worker thread (run by Piscina, which calls the
 * named export given as `name`). Hashing here keeps the peer's main thread
 * free to serve while a share is scanned.
 */
export { hashFile } from './hash-file.js';
