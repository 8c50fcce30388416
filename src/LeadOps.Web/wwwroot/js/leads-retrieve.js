// Leads page: keep the retrieve form's integration in step with the chosen form (preselected when the form came back
// with a refusal, so the choice that was sent stays).
(function () {
    "use strict";
    const form = document.getElementById("retrieve-form");
    const integration = document.getElementById("retrieve-integration");
    const panel = document.getElementById("retrieve");
    if (!form || !integration) {
        return;
    }
    const sync = () => {
        const option = form.selectedOptions[0];
        if (option) {
            integration.value = option.dataset.integration;
        }
    };
    form.addEventListener("change", sync);
    if (!panel || panel.dataset.keepIntegration !== "true") {
        sync();
    }
})();
