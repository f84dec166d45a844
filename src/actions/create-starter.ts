// `helm create --starter`: scaffolds a chart from a starter chart.
export async function createFromStarter(_name: string, _dir: string, starter: string): Promise<string> {
  throw new Error(`could not load ${starter}: starter charts are not supported yet`);
}
