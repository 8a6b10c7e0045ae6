// Where the keyboard focus goes when the page changes under it (see docs/architecture.md, "Keyboard and focus").

// The skip link moves the focus, not only the view, to the main element (tabindex="-1"), so the next Tab
// goes on from there. Blazor would take the click on a link to "#main-content" as a navigation inside the
// app and only scroll; this listener runs first (capture) and marks the click as handled.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.crm-skip-link') : null;
    const target = link && document.getElementById(link.hash.slice(1));
    if (target) {
        event.preventDefault();
        target.focus();
    }
}, true);

// After a navigation inside the app (NavigationFocus.razor), the focus goes to the new page: to its first
// heading, which names it, or else to its main element. Neither is a Tab stop: tabindex="-1" lets them
// take the focus, and the next Tab goes on from there into the page.
window.crmFocusPage = function (mainId) {
    const main = document.getElementById(mainId);
    if (!main) {
        return;
    }

    const target = main.querySelector('h1, h2, h3, h4, h5, h6') ?? main;
    if (!target.hasAttribute('tabindex')) {
        target.tabIndex = -1;
    }

    target.focus();
};
