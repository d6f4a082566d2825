import { describeRule } from './harness.ts';

describeRule('path-version', 'error', [
  {
    name: 'an unversioned path and a leading zero',
    change: (d) => {
      d.paths['/widgets/export'] = { get: { operationId: 'exportWidgets', responses: { '200': { description: 'ok' } } } };
      d.paths['/v01/things'] = {};
    },
    expect: [
      { pointer: '/paths/~1widgets~1export', message: /path \/widgets\/export does not start with a version segment/ },
      { pointer: '/paths/~1v01~1things', message: /\/v01\/things/ },
    ],
  },
  {
    name: 'a version in the root server and in an operation server',
    change: (d) => {
      d.servers = [{ url: 'https://api.acme-platform.com/v1' }];
      d.paths['/v1/widgets'].get.servers = [{ url: 'https://eu.acme-platform.com/api/v2/widgets' }];
    },
    expect: [
      { pointer: '/servers/0/url', message: /server URL https:\/\/api\.acme-platform\.com\/v1 carries a version/ },
      { pointer: '/paths/~1v1~1widgets/get/servers/0/url', message: /v2/ },
    ],
  },
  {
    name: 'passes: /v10/ and a host name containing v2',
    change: (d) => {
      d.paths['/v10/widgets'] = {};
      d.servers = [{ url: 'https://v2.acme-platform.com/widgets' }];
    },
    expect: [],
  },
]);
