import { rename, writeFile } from 'node:fs/promises';

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
