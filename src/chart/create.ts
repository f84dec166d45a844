// `helm create`: the scaffold files for a chart name, and helm's checks on
// that name. Pure data in, data out; the action writes the files.
import { CHARTNAME, scaffoldFiles } from "./create-scaffold.ts";

/** helm's pattern for chart names given to `create` (pkg/chart/v2/util/create.go). */
const chartNamePattern = /^[a-zA-Z0-9._-]+$/;
const maxChartNameLength = 250;

/** Returns helm's error text for an unusable chart name, or undefined when it is fine. */
export function validateCreateName(name: string): string | undefined {
  // Go counts bytes, not UTF-16 units.
  const bytes = new TextEncoder().encode(name).length;
  if (name === "" || bytes > maxChartNameLength) {
    return `chart name must be between 1 and ${maxChartNameLength} characters`;
  }
  if (!chartNamePattern.test(name)) return `chart name must match the regular expression "^[a-zA-Z0-9._-]+$"`;
  return undefined;
}

/** Replaces the <CHARTNAME> placeholder as helm's transform does. */
export function transformChartName(text: string, name: string): string {
  return text.replaceAll(CHARTNAME, name);
}

/** The scaffold for `name`: relative paths and contents, in the order helm writes them. */
export function scaffoldChart(name: string): { path: string; content: string }[] {
  return scaffoldFiles.map(([path, content]) => ({ path, content: transformChartName(content, name) }));
}
