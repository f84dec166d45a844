// capstan's version, and the helm version whose behaviour it reproduces
// (templates see the latter as .Capabilities.HelmVersion).
export const CAPSTAN_VERSION = "0.1.0";
export const HELM_COMPAT_VERSION = "v4.1.4";
