// One call for Node hosts: native crypto and the system's zoneinfo for the
// template functions, so results and speed match helm on the same machine.
import { useNodeCrypto } from "./crypto.ts";
import { useNodeZoneinfo } from "./zoneinfo.ts";

export function installNodeFuncsPlatform(): void {
  useNodeCrypto();
  useNodeZoneinfo();
}
