/** Where CLI commands write, so tests can capture it. */
export interface Output {
  print(text: string): void;
  error(text: string): void;
}

/** stdout/stderr. */
export const consoleOutput: Output = {
  print: (text) => process.stdout.write(text + '\n'),
  error: (text) => process.stderr.write(text + '\n'),
};
