// Live Inbox: listens on the SignalR hub and patches in the server's own partial (list, or header and thread) when
// something changes for the signed-in user. Also the reply box's character counter, a guard against double submits,
// the upload limit, and the sender actions (mark_seen, typing_on) LeadOps sends while staff look at or type in a thread.
(function () {
    "use strict";

    const status = document.querySelectorAll("[data-live-status]");
    const setStatus = (state, text) => status.forEach(s => { s.textContent = text; s.dataset.liveState = state; });

    // Reply box: counter, and one submit per page view (the idempotency key makes a second one harmless anyway).
    document.querySelectorAll("[data-counter]").forEach(area => {
        const counter = document.getElementById(area.dataset.counter);
        const update = () => { if (counter) { counter.textContent = String(area.value.length); } };
        area.addEventListener("input", update);
        update();
    });
    document.addEventListener("submit", event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") {
            return;
        }
        if (form.dataset.submitted === "true") {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = "true";
        form.querySelectorAll("button[type=submit], button:not([type])").forEach(b => b.classList.add("disabled"));
    });

    // A file larger than LeadOps sends is refused beside the reply box at once, rather than uploaded to be refused.
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(input => {
        const message = document.getElementById(input.getAttribute("aria-describedby"));
        input.addEventListener("change", () => {
            const tooLarge = Array.from(input.files || []).some(f => f.size > Number(input.dataset.maxBytes));
            input.setCustomValidity(tooLarge ? input.dataset.tooLarge : "");
            input.classList.toggle("is-invalid", tooLarge);
            if (message) {
                message.textContent = tooLarge ? input.dataset.tooLarge : "";
            }
        });
    });

    // While staff look at a thread (mark_seen) or type in it (typing_on), the customer is told: best effort, never
    // waited for, and never in the way of a reply.
    const replyForm = document.querySelector("form[data-sender-action]");
    const senderAction = (() => {
        if (!replyForm) {
            return () => { };
        }
        const url = replyForm.dataset.senderAction;
        const token = replyForm.querySelector("input[name=__RequestVerificationToken]");
        const last = {};
        const every = { mark_seen: 5000, typing_on: 15000 };
        return action => {
            const now = Date.now();
            if (!token || (last[action] && now - last[action] < every[action])) {
                return;
            }
            last[action] = now;
            const body = new URLSearchParams({ action: action, __RequestVerificationToken: token.value });
            fetch(url, { method: "POST", credentials: "same-origin", body: body }).catch(() => { });
        };
    })();
    const lastCustomerMessage = () => {
        const inbound = document.querySelectorAll("[data-test=message][data-sender=customer]");
        return inbound.length ? inbound[inbound.length - 1].dataset.messageId : null;
    };
    let seenUpTo = null;
    const markSeen = () => {
        const latest = lastCustomerMessage();
        if (latest && latest !== seenUpTo && document.visibilityState === "visible") {
            seenUpTo = latest;
            senderAction("mark_seen");
        }
    };
    if (replyForm) {
        markSeen();
        document.addEventListener("visibilitychange", markSeen);
        document.addEventListener("inbox:refreshed", markSeen);
        replyForm.querySelectorAll("[data-typing]").forEach(area => area.addEventListener("input", () => {
            if (area.value.trim().length > 0) {
                senderAction("typing_on");
            }
        }));
    }

    // The thread opens at its latest message; a live refresh keeps the reader at the latest message, or where they
    // had scrolled to while reading back.
    const thread = () => document.querySelector("[data-test=thread]");
    let threadTop = null;
    const keepThread = () => {
        const t = thread();
        if (t) {
            t.scrollTop = threadTop === null ? t.scrollHeight : threadTop;
        }
    };
    document.addEventListener("scroll", event => {
        const t = event.target;
        if (t instanceof HTMLElement && t.dataset.test === "thread") {
            threadTop = t.scrollHeight - t.scrollTop - t.clientHeight < 24 ? null : t.scrollTop;
        }
    }, true);
    keepThread();
    document.addEventListener("inbox:refreshed", keepThread);
    document.addEventListener("load", event => {
        if (event.target instanceof HTMLImageElement && threadTop === null && thread()?.contains(event.target)) {
            keepThread();
        }
    }, true);

    const live = document.querySelector("[data-inbox-live]");
    if (!live || !window.signalR) {
        return;
    }

    const url = live.dataset.inboxLive;
    const conversationId = live.dataset.conversationId || null;

    // After a refresh, the reply box follows what the server says about the window.
    const syncReplyBox = () => {
        const header = live.querySelector("[data-can-reply]");
        const form = document.querySelector("[data-reply-form]");
        if (!header || !form) {
            return;
        }
        const canReply = header.dataset.canReply === "true";
        form.querySelectorAll("textarea, input[type=file], button[type=submit]").forEach(el => { el.disabled = !canReply; });
        const note = form.querySelector("[data-reply-note]");
        if (note) {
            note.textContent = header.dataset.replyNote || "";
        }
    };

    // The session ended (signed out here or in another tab, or expired): the page stays as it was and says so.
    let signedOut = false;
    const refresh = window.leadOps.liveRefresh(live, url, () => {
        syncReplyBox();
        live.dispatchEvent(new CustomEvent("inbox:refreshed", { bubbles: true }));
    }, () => {
        signedOut = true;
        setStatus("signed-out", "Signed out: reload the page.");
        connection.stop();
    });

    const connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/inbox")
        .withAutomaticReconnect()
        .build();

    connection.on("inboxChanged", change => {
        if (!conversationId || change.conversationId === conversationId) {
            refresh();
        }
    });
    connection.onreconnecting(() => { if (!signedOut) { setStatus("reconnecting", "Reconnecting…"); } });
    connection.onreconnected(() => connection.invoke("Ready").then(() => { setStatus("connected", "Live"); refresh(); }));
    connection.onclose(() => { if (!signedOut) { setStatus("disconnected", "Live updates stopped: reload the page."); } });

    connection.start()
        .then(() => connection.invoke("Ready"))
        .then(() => {
            setStatus("connected", "Live");
            // Waiting times move on without a change: the server re-renders them every minute.
            window.setInterval(refresh, 60000);
            // Anything that changed between rendering the page and connecting.
            return refresh();
        })
        .catch(() => setStatus("disconnected", "Live updates are not available: reload the page to see changes."));
})();
