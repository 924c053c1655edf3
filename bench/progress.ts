/** Progress lines on stderr, so stdout carries only the results. */
let quiet = false;

export function setQuiet(value: boolean): void {
  quiet = value;
}

export function progress(message: string): void {
  if (!quiet) process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
