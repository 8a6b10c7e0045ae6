// 3. The circuit's hub: blazor.web.js connects to the relative URL '_blazor', which SignalR resolves
//    against the page (see base-uri.js). Blazor hands us the connection builder before connecting;
//    point it at the hub's absolute address. blazor.web.js is loaded with autostart="false".
Blazor.start({
    circuit: {
        configureSignalR: builder => builder.withUrl(new URL('_blazor', document.baseURI).href),
    },
});
