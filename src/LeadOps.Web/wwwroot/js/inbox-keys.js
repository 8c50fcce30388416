// The Inbox's keyboard and saved replies: j/k move through the list (Enter or o opens), e escalates and r resolves
// in a conversation, Ctrl+Enter sends the reply (or adds the note) being written, ? shows the help panel, and "/" in
// the reply box searches the signed-in user's saved replies (already filled in for this conversation by the server).
(function () {
    "use strict";

    const help = document.querySelector("[data-key-help]");
    const toggleHelp = show => {
        if (help) {
            help.hidden = show === undefined ? !help.hidden : !show;
        }
    };
    document.querySelectorAll("[data-key-help-open]").forEach(b => b.addEventListener("click", () => toggleHelp(true)));
    document.querySelectorAll("[data-key-help-close]").forEach(b => b.addEventListener("click", () => toggleHelp(false)));

    const typing = target => target instanceof HTMLElement &&
        (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

    // Another action of the page (resolve, escalate, take, release, reopen; by key or by click) reloads it: where a
    // reply or an internal note (data-unsent-guard) is written but not sent, site.js's one submit listener asks first.

    const submit = form => {
        if (form && !form.querySelector("button[type=submit]:disabled, button:not([type]):disabled")) {
            form.requestSubmit();
        }
    };

    // j/k: the selected row of the list (kept across live refreshes by its conversation id).
    let selectedId = null;
    const rows = () => Array.from(document.querySelectorAll("[data-key-row]"));
    const select = row => {
        rows().forEach(r => r.classList.toggle("table-active", r === row));
        if (row) {
            selectedId = row.dataset.conversationId;
            row.dataset.selected = "true";
            rows().filter(r => r !== row).forEach(r => delete r.dataset.selected);
            row.scrollIntoView({ block: "nearest" });
        }
    };
    const move = step => {
        const all = rows();
        if (all.length === 0) {
            return;
        }
        const current = all.findIndex(r => r.dataset.conversationId === selectedId);
        const next = current < 0 ? 0 : Math.min(all.length - 1, Math.max(0, current + step));
        select(all[next]);
    };
    document.addEventListener("inbox:refreshed", () => {
        const again = rows().find(r => r.dataset.conversationId === selectedId);
        if (again) {
            select(again);
        }
    });

    document.addEventListener("keydown", event => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target instanceof HTMLTextAreaElement) {
            event.preventDefault();
            submit(event.target.form);
            return;
        }
        if (event.key === "Escape") {
            toggleHelp(false);
            return;
        }
        if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        switch (event.key) {
            case "?":
                toggleHelp();
                break;
            case "j":
                move(1);
                break;
            case "k":
                move(-1);
                break;
            case "Enter":
            case "o": {
                const row = rows().find(r => r.dataset.conversationId === selectedId);
                const link = row && row.querySelector("[data-test=open-conversation]");
                if (link) {
                    link.click();
                } else {
                    return;
                }
                break;
            }
            case "e":
                submit(document.querySelector("form[data-key-action=escalate]"));
                break;
            case "r":
                submit(document.querySelector("form[data-key-action=resolve]"));
                break;
            default:
                return;
        }
        event.preventDefault();
    });

    // Saved replies: "/" followed by words at the start of the box or after a space opens a menu of matches; Enter,
    // Tab or a click puts the reply in place of "/words", where it stays editable.
    const box = document.querySelector("[data-saved-reply-box]");
    const menu = document.querySelector("[data-saved-reply-menu]");
    const replies = Array.from(document.querySelectorAll("[data-saved-replies] li"))
        .map(li => ({ title: li.dataset.title || "", text: li.dataset.text || "" }));
    if (!box || !menu) {
        return;
    }

    const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    let matches = [];
    let active = 0;
    let slashAt = -1;

    const close = () => { menu.hidden = true; matches = []; slashAt = -1; };
    const render = () => {
        menu.replaceChildren(...matches.map((r, i) => {
            const item = document.createElement("button");
            item.type = "button";
            item.className = "list-group-item list-group-item-action" + (i === active ? " active" : "");
            item.dataset.test = "saved-reply-option";
            const title = document.createElement("div");
            title.className = "fw-semibold";
            title.textContent = r.title;
            const text = document.createElement("div");
            text.className = "small text-truncate";
            text.textContent = r.text;
            item.append(title, text);
            item.addEventListener("mousedown", e => { e.preventDefault(); insert(r); });
            return item;
        }));
        if (matches.length === 0) {
            const none = document.createElement("div");
            none.className = "list-group-item small text-body-secondary";
            none.dataset.test = "saved-reply-none";
            none.textContent = replies.length === 0 ? "No saved replies yet: add them under Saved replies." : "No saved reply matches.";
            menu.replaceChildren(none);
        }
        menu.hidden = false;
    };
    const insert = reply => {
        const caret = box.selectionStart;
        box.value = box.value.slice(0, slashAt) + reply.text + box.value.slice(caret);
        const end = slashAt + reply.text.length;
        close();
        box.focus();
        box.setSelectionRange(end, end);
        box.dispatchEvent(new Event("input", { bubbles: true }));
    };
    const update = () => {
        const caret = box.selectionStart;
        const before = box.value.slice(0, caret);
        const slash = before.lastIndexOf("/");
        if (slash < 0 || (slash > 0 && !/\s/.test(before[slash - 1])) || /\n/.test(before.slice(slash))) {
            close();
            return;
        }
        slashAt = slash;
        const words = fold(before.slice(slash + 1)).split(/\s+/).filter(w => w.length > 0);
        matches = replies.filter(r => {
            const haystack = fold(r.title + " " + r.text);
            return words.every(w => haystack.includes(w));
        }).slice(0, 8);
        active = 0;
        render();
    };
    box.addEventListener("input", event => {
        if (event.isTrusted || slashAt >= 0) {
            update();
        }
    });
    box.addEventListener("blur", close);
    box.addEventListener("keydown", event => {
        if (menu.hidden || matches.length === 0) {
            if (event.key === "Escape") {
                close();
            }
            return;
        }
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            active = (active + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
            render();
            event.preventDefault();
        } else if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
            insert(matches[active]);
            event.preventDefault();
            event.stopPropagation();
        } else if (event.key === "Escape") {
            close();
            event.preventDefault();
            event.stopPropagation();
        }
    });
})();
