/**
 * A problem with how the command was called (exit 2) or with the machine it runs on (exit 1): wrong --out, a
 * missing --sjablonen folder, an unknown git ref, a full disk. Printed in Dutch with `verwacht`, `gevonden` and
 * `hint`, never as an internal error.
 */
export class CliFout extends Error {
  constructor(
    readonly code: 1 | 2,
    melding: string,
    readonly details: { verwacht?: string; gevonden?: string; hint?: string } = {},
    /** the closing line; empty for commands that write nothing anyway */
    readonly slot = 'Er is niets geschreven.',
  ) {
    super(melding);
  }

  tekst(): string {
    const d = this.details;
    return [
      `fout: ${this.message}`,
      ...(d.verwacht ? [`  verwacht: ${d.verwacht}`] : []),
      ...(d.gevonden ? [`  gevonden: ${d.gevonden}`] : []),
      ...(d.hint ? [`  hint: ${d.hint}`] : []),
      ...(this.slot ? [this.slot] : []),
    ].join('\n');
  }
}
