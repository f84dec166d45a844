// The chart model, mirroring helm's pkg/chart/v2 Chart and Metadata. Field
// names of Metadata, Maintainer, Dependency and Lock are Go's, because
// templates read them as .Chart.Name, .Chart.AppVersion, ...

export type Table = Map<string, unknown>;

export interface Maintainer {
  Name: string;
  Email: string;
  URL: string;
}

export interface Dependency {
  Name: string;
  Version: string;
  Repository: string;
  Condition: string;
  Tags: string[];
  Enabled: boolean;
  /** Strings and {child, parent} tables, as Chart.yaml holds them. */
  ImportValues: unknown[];
  Alias: string;
}

export interface Metadata {
  Name: string;
  Home: string;
  Sources: string[];
  Version: string;
  Description: string;
  Keywords: string[];
  Maintainers: (Maintainer | null)[];
  Icon: string;
  APIVersion: string;
  Condition: string;
  Tags: string;
  AppVersion: string;
  Deprecated: boolean;
  /** null when Chart.yaml has no annotations (Go's nil map). */
  Annotations: Map<string, string> | null;
  KubeVersion: string;
  Dependencies: (Dependency | null)[];
  Type: string;
  /** Whether Go's Dependencies slice is nil (no list in Chart.yaml): helm skips such charts when processing dependencies. */
  depsNil?: boolean;
}

export interface Lock {
  Generated: string;
  Digest: string;
  Dependencies: (Dependency | null)[];
}

/** A file of a chart: its path inside the chart ("templates/a.yaml") and bytes. */
export interface ChartFile {
  name: string;
  data: Uint8Array;
}

export const API_VERSION_V1 = "v1";
export const API_VERSION_V2 = "v2";

export function emptyMetadata(): Metadata {
  return {
    Name: "",
    Home: "",
    Sources: [],
    Version: "",
    Description: "",
    Keywords: [],
    Maintainers: [],
    Icon: "",
    APIVersion: "",
    Condition: "",
    Tags: "",
    AppVersion: "",
    Deprecated: false,
    Annotations: null,
    KubeVersion: "",
    Dependencies: [],
    Type: "",
    depsNil: true,
  };
}

export class Chart {
  /** Every file as loaded, in load order (helm's Chart.Raw). */
  raw: ChartFile[] = [];
  metadata: Metadata = emptyMetadata();
  lock: Lock | null = null;
  templates: ChartFile[] = [];
  /** Default values (values.yaml, parsed). */
  values: Table = new Map();
  /** values.yaml as written, comments and all (for `show values`). */
  rawValues: string | null = null;
  /** values.schema.json bytes, or null. */
  schema: Uint8Array | null = null;
  /** Other files: README, crds/, files read by .Files, ... */
  files: ChartFile[] = [];
  parent: Chart | null = null;
  private deps: Chart[] = [];

  name(): string {
    return this.metadata.Name;
  }
  appVersion(): string {
    return this.metadata.AppVersion;
  }
  isRoot(): boolean {
    return this.parent === null;
  }
  root(): Chart {
    return this.parent ? this.parent.root() : this;
  }
  dependencies(): Chart[] {
    return this.deps;
  }
  addDependency(...charts: Chart[]) {
    for (const c of charts) {
      c.parent = this;
      this.deps.push(c);
    }
  }
  setDependencies(...charts: Chart[]) {
    this.deps = [];
    this.addDependency(...charts);
  }
  /** Dotted path from the root chart: "parent.sub". */
  chartPath(): string {
    return this.parent ? `${this.parent.chartPath()}.${this.name()}` : this.name();
  }
  /** helm's ChartFullPath: "parent/charts/sub". */
  fullPath(): string {
    return this.parent ? `${this.parent.fullPath()}/charts/${this.name()}` : this.name();
  }
  /** Files under crds/ with a manifest extension, this chart's then its dependencies' (CRDObjects). */
  crdObjects(): { name: string; filename: string; file: ChartFile }[] {
    const out: { name: string; filename: string; file: ChartFile }[] = [];
    for (const f of this.files) {
      if (f.name.startsWith("crds/") && /\.(ya?ml|json)$/i.test(f.name)) {
        out.push({ name: f.name, filename: `${this.fullPath()}/${f.name}`, file: f });
      }
    }
    for (const d of this.deps) out.push(...d.crdObjects());
    return out;
  }
  /**
   * A copy of the whole tree that rendering may change freely: processing
   * dependencies renames aliased charts, drops disabled ones and replaces
   * values, so an in-process caller rendering one loaded chart many times
   * processes a fresh clone each time. Files and bytes are shared.
   */
  cloneTree(): Chart {
    const c = this.structCopy();
    c.parent = null;
    c.metadata = copyMetadata(this.metadata);
    c.setDependencies(...this.deps.map((d) => d.cloneTree()));
    return c;
  }

  /**
   * Go's `cpy := *chart`: a new Chart value sharing metadata, values, files and
   * the children (whose parent stays this chart), with its own parent link.
   */
  structCopy(): Chart {
    const c = new Chart();
    c.raw = this.raw;
    c.metadata = this.metadata;
    c.lock = this.lock;
    c.templates = this.templates;
    c.values = this.values;
    c.rawValues = this.rawValues;
    c.schema = this.schema;
    c.files = this.files;
    c.parent = this.parent;
    c.deps = this.deps.slice();
    return c;
  }
}

export function copyMetadata(md: Metadata): Metadata {
  return {
    ...md,
    Dependencies: md.Dependencies.map((d) =>
      d ? { ...d, Tags: [...d.Tags], ImportValues: [...d.ImportValues] } : d,
    ),
  };
}
