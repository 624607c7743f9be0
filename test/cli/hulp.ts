/** Runs the CLI in this process from another working folder, collecting what it writes. */
import { main } from '../../src/cli/main.ts';

export async function voerUit(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const oud = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  } finally {
    process.chdir(oud);
  }
}
