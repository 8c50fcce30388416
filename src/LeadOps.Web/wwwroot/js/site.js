// Every page: what used to be inline (the Content-Security-Policy allows no inline script or event handler).
// - Forms with data-confirm ask before they are sent.
// - window.leadOps.fetch: fetch with the page's antiforgery token (meta csrf-token) in X-CSRF-TOKEN, which the JSON
//   APIs require of every unsafe request a signed-in browser makes.
// - window.leadOps.liveRefresh: the re-rendering of a live region that the Inbox and the leads list share.
(function () {
    "use strict";
    document.addEventListener("submit", event => {
        const form = event.target;
        if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // Stacked tables on a phone (.table-stack): each cell is labelled with its column's heading, unless it has a label.
    const labelCells = root => root.querySelectorAll("table.table-stack").forEach(table => {
        const headings = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
        table.querySelectorAll("tbody tr").forEach(row => [...row.children].forEach((cell, i) => {
            if (!cell.hasAttribute("data-label") && headings[i] !== undefined) {
                cell.setAttribute("data-label", headings[i]);
            }
        }));
    });
    labelCells(document);
    new MutationObserver(() => labelCells(document)).observe(document.body, { childList: true, subtree: true });

    // Copy buttons: data-copy names the element whose text is copied; the button says when it is done.
    document.addEventListener("click", event => {
        const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
        const source = button ? document.getElementById(button.dataset.copy) : null;
        if (!source || !navigator.clipboard) {
            return;
        }
        navigator.clipboard.writeText(source.textContent.trim()).then(() => { button.textContent = "Copied"; }, () => { button.textContent = "Select and copy"; });
    });

    // A page shown in answer to a post (a refusal with its messages) takes the address of its GET, so that a reload
    // reads the page again instead of posting the form a second time (ADR 0018).
    if (document.body.dataset.postedTo) {
        history.replaceState(null, "", document.body.dataset.postedTo);
    }

    const token = document.querySelector("meta[name=csrf-token]")?.content;
    window.leadOps = Object.assign(window.leadOps || {}, {
        // A live region (the Inbox, the leads list) re-rendered with the server's own partial from url. One fetch at a
        // time; asked again meanwhile, it fetches once more after. A failure waits for the next change or reconnect.
        liveRefresh: (live, url, refreshed) => {
            let running = false;
            let again = false;
            const refresh = async () => {
                if (running) {
                    again = true;
                    return;
                }
                running = true;
                try {
                    const response = await fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } });
                    if (response.ok) {
                        live.innerHTML = await response.text();
                        refreshed();
                    }
                } catch {
                    // The next change or a reconnect refreshes again.
                } finally {
                    running = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                }
            };
            return refresh;
        },
        fetch: (url, options = {}) => {
            const headers = new Headers(options.headers || {});
            if (token && !["GET", "HEAD"].includes((options.method || "GET").toUpperCase())) {
                headers.set("X-CSRF-TOKEN", token);
            }
            return fetch(url, Object.assign({}, options, { headers, credentials: "same-origin" }));
        },
    });
})();
