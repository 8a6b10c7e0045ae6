// The Content-Security-Policy says base-uri 'none', so the page carries no <base href="/">. Blazor
// needs the application root in three places; each is given it here, and every URL in our own
// markup is an absolute path, so nothing else depends on the base.
//
// 1. document.baseURI, from which Blazor's navigation manager computes relative routes.
Object.defineProperty(document, 'baseURI', {
    configurable: true,
    get: () => window.location.origin + '/',
});

// 2. The few resources blazor.web.js fetches or beacons by relative URL ('_blazor/initializers',
//    '_blazor/disconnect'): a browser resolves those against the page, so on /customers/42 they
//    would go to /customers/_blazor/... Resolve the framework's relative URLs against the root.
(() => {
    const frameworkPath = /^(_blazor|_framework|_content)\//;
    const rebase = url => typeof url === 'string' && frameworkPath.test(url) ? new URL(url, document.baseURI).href : url;
    const fetchFromPage = window.fetch.bind(window);
    window.fetch = (input, init) => fetchFromPage(rebase(input), init);
    const beaconFromPage = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => beaconFromPage(rebase(url), data);
})();
