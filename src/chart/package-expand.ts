// helm's chartutil.Expand: writes a chart archive's files under
// <dir>/<chart name>/, folders 0755 and files 0644. The archive reader has
// already refused absolute paths, ".." and oversized content; the target
// path is checked again so nothing is ever written outside dir.
import { loadArchiveFiles } from "./archive.ts";
import { decodeMetadata } from "./metadata.ts";

export interface ExpandedFile {
  /** Path relative to dir: "<chart>/<file>". */
  path: string;
  data: Uint8Array;
}

export function expandArchive(bytes: Uint8Array): ExpandedFile[] {
  const files = loadArchiveFiles(bytes);
  const cy = files.find((f) => f.name === "Chart.yaml");
  if (!cy) throw new Error("Chart.yaml not found in chart archive");
  const name = decodeMetadata(new TextDecoder().decode(cy.data)).Name;
  if (!name || name.includes("/") || name.includes("\\") || name === "." || name === "..") {
    throw new Error(`chart name "${name}" is invalid`);
  }
  return files.map((f) => ({ path: `${name}/${f.name}`, data: f.data }));
}
