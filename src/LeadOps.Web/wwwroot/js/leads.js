// Leads page: keep the integration of the retrieve panel in step with the chosen form (preselected when the page
// comes back with the panel open, e.g. after a preview or a refusal).
(function () {
    const panel = document.getElementById('retrieve-panel');
    const form = document.getElementById('retrieve-form');
    const integration = document.getElementById('retrieve-integration');
    if (!panel || !form || !integration) return;
    const sync = () => { const option = form.selectedOptions[0]; if (option) integration.value = option.dataset.integration; };
    form.addEventListener('change', sync);
    if (panel.dataset.keepChoice !== 'true') sync();
})();
