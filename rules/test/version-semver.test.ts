import { describeRule } from './harness.ts';

describeRule('version-semver', 'error', [
  {
    name: 'a version with a line break and other tags in it',
    change: (d) => (d.info.version = '1.1.0\norders@1.0.0\nmaster'),
    expect: [{ pointer: '/info/version', message: /must be a semantic version such as 1\.4\.0/ }],
  },
  { name: 'two parts, a leading v, a number', change: (d) => (d.info.version = 'v1.2'), expect: [{ pointer: '/info/version', message: /"v1\.2"/ }] },
  { name: 'passes: pre-release and build', change: (d) => (d.info.version = '2.0.0-rc.1+build.5'), expect: [] },
]);
