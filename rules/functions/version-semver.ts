import type { JsonPath } from '../../scripts/model/openapi-index.ts';
import { houseFunction } from '../lib/define.ts';

/** Semantic Versioning 2.0.0, as semver.org gives it (no leading zeros, optional pre-release and build). */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** info.version is a release: tags, package versions and the gate's bump checks all read it. */
export default houseFunction<null>(null, (index) => {
  const out: Array<{ path: JsonPath; message: string }> = [];
  const version = index.document?.info?.version;
  if (typeof version !== 'string' || !SEMVER.test(version)) {
    out.push({
      path: ['info', 'version'],
      message: `info.version must be a semantic version such as 1.4.0 (got ${JSON.stringify(version)?.slice(0, 60) ?? 'nothing'}): the release tag <domain>@<version> and the package version are made from it`,
    });
  }
  return out;
});
