/**
 * Unicode's explicit bidirectional formatting characters: embeddings and overrides (U+202A–U+202E)
 * and isolates (U+2066–U+2069). Invisible, and able to make text display in another order than it
 * is stored (`‮txt.exe` shows as `exe.txt`): Chinese news never needs them.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
