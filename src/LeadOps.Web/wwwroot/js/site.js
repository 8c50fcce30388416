// Every page: what used to be inline (the Content-Security-Policy allows no inline script or event handler).
// - Forms with data-confirm ask before they are sent.
// - window.leadOps.fetch: fetch with the page's antiforgery token (meta csrf-token) in X-CSRF-TOKEN, which the JSON
//   APIs require of every unsafe request a signed-in browser makes.
(function () {
    "use strict";
    document.addEventListener("submit", event => {
        const form = event.target;
        if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    const token = document.querySelector("meta[name=csrf-token]")?.content;
    window.leadOps = Object.assign(window.leadOps || {}, {
        fetch: (url, options = {}) => {
            const headers = new Headers(options.headers || {});
            if (token && !["GET", "HEAD"].includes((options.method || "GET").toUpperCase())) {
                headers.set("X-CSRF-TOKEN", token);
            }
            return fetch(url, Object.assign({}, options, { headers, credentials: "same-origin" }));
        },
    });
})();
