/** ESC-introduced sequences a terminal acts on: CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ESC \`), and 2-byte ESC x. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]/g
/** C0 and C1 controls but tab and line feed (DEL included), which also covers a lone ESC or CSI. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g
/**
 * Characters that change how text *looks* without showing themselves: bidi embeddings, overrides and isolates
 * (the "Trojan Source" characters), marks, zero-width spaces and joiners, the word joiner, a BOM.
 */
export const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g

/**
 * Text from outside (a provider's answer) or from a user (key names, notes) made safe to print on a terminal:
 * escape sequences and control characters removed, invisible and bidi characters removed. What a user reads is
 * then what is there. Data outputs (`get`, `--json`) are never passed through this: they stay exact.
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '').replace(INVISIBLE, '')
}

/** True when `text` holds anything terminalSafe would remove (or a tab or line break): refused in names. */
export function hasHiddenCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return /[\u0000-\u001f\u007f-\u009f]/.test(text) || new RegExp(INVISIBLE.source).test(text)
}
