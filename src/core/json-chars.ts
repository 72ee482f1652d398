/**
 * The character codes of JSON's punctuation, one set for every reader that walks JSON text by code
 * (the release record's byte scanner, the canonical-file check, the plain predictions reader): the
 * same byte in a Buffer and the same UTF-16 code unit in a string.
 */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
