/** A bar of `width` cells, e.g. "██████░░░░", for `done` of `total`. */
export function progressBar(
  done: number,
  total: number,
  width: number,
): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const full = Math.round(ratio * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** Whole percent of `done` over `total`, e.g. "71%". */
export function percent(done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  return `${Math.floor(ratio * 100)}%`;
}
