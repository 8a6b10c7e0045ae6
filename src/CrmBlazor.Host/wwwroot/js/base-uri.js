// The Content-Security-Policy says base-uri 'none', so the page carries no <base href="/">.
// Blazor reads document.baseURI to find the application root; give it the root explicitly.
// Every URL in the markup is an absolute path, so nothing else depends on the base.
Object.defineProperty(document, 'baseURI', {
    configurable: true,
    get: () => window.location.origin + '/',
});
