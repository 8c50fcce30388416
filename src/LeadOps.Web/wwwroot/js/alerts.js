// Every signed-in page: browser notifications (Notification API) for escalated conversations, pushed over the Inbox
// hub as "staffAlert" {title, body, url}. Buttons with data-enable-notifications ask for the permission (a click is
// needed); once granted, every open LeadOps page listens. No inline script: the Content-Security-Policy forbids it.
(function () {
    "use strict";
    if (!("Notification" in window) || typeof signalR === "undefined") {
        return;
    }

    const listen = () => {
        const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/inbox").withAutomaticReconnect().build();
        connection.on("staffAlert", alert => {
            const notification = new Notification(alert.title, { body: alert.body, tag: alert.url });
            notification.onclick = () => { window.focus(); window.location.href = alert.url; };
            document.dispatchEvent(new CustomEvent("leadops:staff-alert", { detail: alert }));
        });
        connection.start().then(() => connection.invoke("Ready")).then(() => document.documentElement.dataset.staffAlerts = "listening");
    };

    document.querySelectorAll("[data-enable-notifications]").forEach(button => {
        button.hidden = Notification.permission === "granted";
        button.addEventListener("click", () => Notification.requestPermission().then(permission => {
            button.hidden = permission === "granted";
            if (permission === "granted") {
                listen();
            }
        }));
    });

    if (Notification.permission === "granted") {
        listen();
    }
})();
