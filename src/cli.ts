/** Command-line entry: returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  void argv;
  console.error('parkpress: not implemented yet');
  return 70;
}
