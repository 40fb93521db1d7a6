/** `dspmqver`: `Field: value` lines (Name, Version, Level, InstName, InstPath, DataPath …). */
export function parseDspmqver(stdout: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([A-Za-z/ ]+?):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!] = match[2]!.trim();
  }
  return fields;
}
