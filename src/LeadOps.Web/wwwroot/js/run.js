// Retrieval run page: while the run is going, refresh its progress every second; reload once it has finished.
(function () {
    const el = document.getElementById('run');
    if (!el || el.dataset.running !== 'true') return;
    const timer = setInterval(async () => {
        const response = await fetch('/api/facebook-lead-retrieval/runs/' + el.dataset.run, { headers: { 'Accept': 'application/json' } });
        if (!response.ok) return;
        const run = await response.json();
        el.querySelector('[data-progress]').textContent =
            `${run.total_processed} processed: ${run.new_leads} new, ${run.existing_leads} existing, ${run.failed_leads} failed`;
        if (run.outcome !== 'Running') { clearInterval(timer); location.reload(); }
    }, 1000);
})();
