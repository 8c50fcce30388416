// Every page: what used to be inline (the Content-Security-Policy allows no inline script or event handler).
// - Forms with data-submit-once are sent once per page view.
// - Forms with data-confirm ask before they are sent; so does any other post while a box marked data-unsent-guard
//   (the Inbox's reply and note) holds text that was not sent: one listener asks both questions, in that order.
// - window.leadOps.fetch: fetch with the page's antiforgery token (meta csrf-token) in X-CSRF-TOKEN, which the JSON
//   APIs require of every unsafe request a signed-in browser makes.
// - window.leadOps.liveRefresh: the re-rendering of a live region that the Inbox and the leads list share.
(function () {
    "use strict";
    const unsentQuestion = "What you wrote has not been sent and would be lost. Go on anyway?";
    const questionsBefore = form => {
        const unsent = form.method.toLowerCase() === "post" && Array.from(document.querySelectorAll("[data-unsent-guard]"))
            .some(area => !form.contains(area) && area.value.trim().length > 0);
        return [form.dataset.confirm, unsent ? unsentQuestion : null].filter(q => q);
    };
    document.addEventListener("submit", event => {
        const form = event.target;
        if (form instanceof HTMLFormElement && !questionsBefore(form).every(q => window.confirm(q))) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);

    // A form marked data-submit-once (a lead's note) is sent once per page view: a second click while the first post
    // is on its way is dropped, so the note is not written twice. A page brought back from the back/forward cache
    // takes posts again.
    document.addEventListener("submit", event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-submit-once") || event.defaultPrevented) {
            return;
        }
        if (form.dataset.sending === "true") {
            event.preventDefault();
            return;
        }
        form.dataset.sending = "true";
    });
    window.addEventListener("pageshow", event => {
        if (event.persisted) {
            document.querySelectorAll("form[data-sending]").forEach(form => delete form.dataset.sending);
        }
    });

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

    // A live region takes the server's fresh partial by patching its DOM in place, not by replacing it: an element
    // that is still there (a row, a message: found by its id or data-*-id, else by its place) stays the same element,
    // so a click under way on it (pressed before the refresh, released after) still lands.
    const keys = ["id", "data-conversation-id", "data-lead-id", "data-message-id"];
    const keyOf = node => node.nodeType === Node.ELEMENT_NODE
        ? keys.filter(k => node.hasAttribute(k)).map(k => k + "=" + node.getAttribute(k))[0] || ""
        : "";
    const update = (old, node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) {
            if (old.nodeValue !== node.nodeValue) {
                old.nodeValue = node.nodeValue;
            }
            return;
        }
        [...old.attributes].filter(a => !node.hasAttribute(a.name)).forEach(a => old.removeAttribute(a.name));
        [...node.attributes].filter(a => old.getAttribute(a.name) !== a.value).forEach(a => old.setAttribute(a.name, a.value));
        patch(old, node);
    };
    // White space between elements is layout, not content: a page's render and its refresh may differ in it (a partial
    // indented inside its page, or not), so it is neither matched nor inserted, or the nodes after it pair one place off.
    const blank = node => node.nodeType === Node.TEXT_NODE && !node.nodeValue.trim();
    const patch = (into, from) => {
        const keyed = new Map();
        into.childNodes.forEach(c => { if (keyOf(c)) { keyed.set(keyOf(c), c); } });
        let cursor = into.firstChild;
        [...from.childNodes].forEach(node => {
            if (blank(node)) {
                return;
            }
            while (cursor && blank(cursor)) {
                cursor = cursor.nextSibling;
            }
            const key = keyOf(node);
            const match = key ? keyed.get(key) : (cursor && !keyOf(cursor) ? cursor : null);
            keyed.delete(key);
            if (!match || match.nodeName !== node.nodeName) {
                into.insertBefore(node, cursor);
                return;
            }
            if (match === cursor) {
                cursor = cursor.nextSibling;
            } else {
                into.insertBefore(match, cursor);
            }
            update(match, node);
        });
        while (cursor) {
            const next = cursor.nextSibling;
            cursor.remove();
            cursor = next;
        }
    };

    const token = document.querySelector("meta[name=csrf-token]")?.content;
    window.leadOps = Object.assign(window.leadOps || {}, {
        // A live region (the Inbox, the leads list) re-rendered with the server's own partial from url. One fetch at a
        // time; asked again meanwhile, it fetches once more after. A failure waits for the next change or reconnect.
        // An answer that is not the partial (a redirect, the sign-in page's, or a 401/403) means the session ended: the
        // region is left as it is, refreshes stop, and signedOut is told (the page says so).
        liveRefresh: (live, url, refreshed, signedOut) => {
            let running = false;
            let again = false;
            let ended = false;
            const refresh = async () => {
                if (ended) {
                    return;
                }
                if (running) {
                    again = true;
                    return;
                }
                running = true;
                try {
                    const response = await fetch(url, { credentials: "same-origin", redirect: "manual", headers: { "Accept": "text/html" } });
                    if (response.type === "opaqueredirect" || response.redirected || [401, 403].includes(response.status)) {
                        ended = true;
                        again = false;
                        live.dataset.liveState = "signed-out";
                        if (signedOut) {
                            signedOut();
                        }
                    } else if (response.ok) {
                        const fresh = document.createElement("template");
                        fresh.innerHTML = await response.text();
                        patch(live, fresh.content);
                        labelCells(live);
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
