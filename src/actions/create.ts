// `helm create NAME [--starter]`: writes helm 4's scaffold (or a starter
// chart) into NAME's parent folder, with helm's messages and errors.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { scaffoldChart, validateCreateName } from "../chart/create.ts";
import { dataPath, type Env } from "../repo/helmpath.ts";

export interface CreateOptions {
  /** The NAME argument: a chart name or a path whose last element is the name. */
  name: string;
  /** --starter: a name under <data>/starters, or an absolute path. */
  starter?: string;
  cwd: string;
  env: Env;
  /** Where helm prints "Creating ..." and overwrite warnings (its stdout). */
  out: (s: string) => void;
}

export class CreateAction {
  constructor(readonly opts: CreateOptions) {}

  async run(): Promise<string> {
    const { opts } = this;
    opts.out(`Creating ${opts.name}\n`);
    // Go's filepath.Base/Dir: "" gives "." for both.
    const chartName = opts.name === "" ? "." : basename(opts.name);
    const parent = opts.name === "" ? "." : dirname(opts.name);
    if (opts.starter) {
      const { createFromStarter } = await import("./create-starter.ts");
      const starter = isAbsolute(opts.starter)
        ? opts.starter
        : join(dataPath(opts.env, "starters"), opts.starter);
      return createFromStarter(chartName, resolve(opts.cwd, parent), starter);
    }
    return createScaffold(chartName, resolve(opts.cwd, parent), opts.out);
  }
}

/** helm's chartutil.Create: checks the name and folder, then writes every scaffold file. */
export function createScaffold(name: string, dir: string, warn: (s: string) => void): string {
  const bad = validateCreateName(name);
  if (bad) throw new Error(bad);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(dir);
  } catch {
    throw new Error(`stat ${dir}: no such file or directory`);
  }
  if (!st.isDirectory()) throw new Error(`no such directory ${dir}`);
  const cdir = join(dir, name);
  if (existsSync(cdir) && !statSync(cdir).isDirectory()) {
    throw new Error(`file ${cdir} already exists and is not a directory`);
  }
  for (const f of scaffoldChart(name)) {
    const p = join(cdir, f.path);
    if (existsSync(p)) warn(`WARNING: File "${p}" already exists. Overwriting.\n`);
    mkdirSync(dirname(p), { recursive: true, mode: 0o755 });
    writeFileSync(p, f.content, { mode: 0o644 });
  }
  mkdirSync(join(cdir, "charts"), { recursive: true, mode: 0o755 });
  return cdir;
}
