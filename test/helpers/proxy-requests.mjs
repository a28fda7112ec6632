// Test-server plugin: the server answers requests in proxy form too (`GET http://name:port/x`),
// as a plain-HTTP forward proxy to itself. WebKit's no-camera browser sends its http requests
// through it, so http://insecure.test reaches this server as a real insecure context (WebKitGTK
// has no host-resolver flag; Chromium and Firefox map the name themselves).
export function proxyRequests() {
  return {
    name: 'proxy-requests',
    serverStart({server}) {
      // Before the app sees it: the runner's own middleware expects a path, not a URL.
      server.prependListener('request', req => {
        if (/^https?:\/\//.test(req.url)) {
          const url = new URL(req.url);
          req.url = url.pathname + url.search;
        }
      });
    },
  };
}
