// Leads page: new leads appear without a reload. The page listens on the Leads hub (the owner's own group) and
// re-renders the server's own list partial, with the same filters, when a lead arrives; only on the first page
// (older pages stay as they are while being read).
(function () {
    "use strict";
    const live = document.querySelector("[data-leads-live]");
    if (!live || live.dataset.liveEnabled !== "true" || !window.signalR) {
        return;
    }

    const refresh = window.leadOps.liveRefresh(live, live.dataset.leadsLive, () => {
        live.dataset.refreshed = String(Number(live.dataset.refreshed || "0") + 1);
    });

    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/leads").withAutomaticReconnect().build();
    connection.on("leadArrived", () => refresh());
    connection.onreconnected(() => connection.invoke("Ready").then(refresh));
    connection.start()
        .then(() => connection.invoke("Ready"))
        .then(() => { live.dataset.liveState = "connected"; return refresh(); })
        .catch(() => { live.dataset.liveState = "disconnected"; });
})();
