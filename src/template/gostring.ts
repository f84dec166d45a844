// The template layer's door to Go byte strings (src/go/bytestring.ts).
export { goBytes, goLen, goRunes, goString, hasInvalidUTF8 } from "../go/bytestring.ts";
