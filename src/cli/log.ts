// helm 4 logs through Go's slog text handler without timestamps:
// `level=WARN msg="returned non-bool value" path=b.enabled chart=b`.
// capstan prints the same lines on stderr, so scripts that read them keep working.
import { setRenderErrorLogHandler } from "../actions/render.ts";
import { setDependencyWarningHandler } from "../chart/dependencies.ts";
import { setManifestInfoHandler } from "../engine/manifests.ts";
import { setFsLoadWarningHandler } from "../node/fs-load.ts";
import { quote } from "../template/strconv.ts";
import { setCoalesceWarningHandler } from "../values/coalesce.ts";
import { setSchemaDebugHandler } from "../values/schema.ts";
import type { CliIO } from "./io.ts";

export type Level = "DEBUG" | "INFO" | "WARN" | "ERROR";

// slog's needsQuoting: empty, space, '=', '"', control or non-printable characters.
function needsQuoting(s: string): boolean {
  if (s === "") return true;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if (ch !== "\\" && (ch === " " || ch === "=" || ch === '"' || c < 0x20 || c === 0x7f)) return true;
    } else if (/[\s\p{C}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch) || ch === "\ufffd") return true;
  }
  return false;
}

export function slogValue(s: string): string {
  return needsQuoting(s) ? quote(s) : s;
}

export function slogLine(level: Level, msg: string, attrs: [string, string][] = []): string {
  let line = `level=${level} msg=${slogValue(msg)}`;
  for (const [k, v] of attrs) line += ` ${slogValue(k)}=${slogValue(v)}`;
  return `${line}\n`;
}

/** Routes the lower layers' warnings (and with --debug their DEBUG lines) to stderr in helm's format. */
export function installLogHandlers(io: CliIO, debug = false): void {
  setSchemaDebugHandler(debug ? (msg, attrs) => io.stderr(slogLine("DEBUG", msg, attrs)) : undefined);
  setDependencyWarningHandler((msg, attrs) => io.stderr(slogLine("WARN", msg, attrs)));
  setCoalesceWarningHandler((msg) => io.stderr(slogLine("INFO", msg)));
  setFsLoadWarningHandler((msg, attrs) => io.stderr(slogLine("INFO", msg, attrs)));
  setManifestInfoHandler((msg, attrs) => io.stderr(slogLine("INFO", msg, attrs)));
  setRenderErrorLogHandler((msg, attrs) => io.stderr(slogLine("ERROR", msg, attrs)));
}
