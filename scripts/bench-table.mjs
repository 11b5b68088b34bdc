/** A bench section ({title, header, rows}) as a plain-text table, the way `npm run bench` prints it. */
export function formatSection({ title, header, rows }) {
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => String(row[column] ?? '').length)),
  );
  const line = (row) =>
    row
      .map((cell, column) => String(cell ?? '').padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [`## ${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join(
    '\n',
  );
}
