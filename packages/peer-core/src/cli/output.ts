/** Writes one JSON document (or one JSON line) to standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Writes text and a newline to standard output. */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}
