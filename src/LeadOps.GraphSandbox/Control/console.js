// The sandbox console: each form names a control API call; this sends it as JSON (same origin) and shows the answer.
(() => {
    'use strict';
    const root = document.querySelector('[data-test=console]');
    if (!root) {
        return;
    }

    const result = root.querySelector('[data-test=console-result]');
    const appId = root.dataset.appId;
    const botAppId = root.dataset.botAppId;
    const saved = sessionStorage.getItem('sandbox-console-result');
    if (saved) {
        show(JSON.parse(saved));
        sessionStorage.removeItem('sandbox-console-result');
    }

    root.querySelectorAll('[data-copy]').forEach(button => button.addEventListener('click', async () => {
        const input = document.getElementById(button.dataset.copy);
        input.select();
        try {
            await navigator.clipboard.writeText(input.value);
            button.textContent = 'Copied';
        } catch {
            button.textContent = 'Selected: press Ctrl+C';
        }
    }));

    root.querySelectorAll('form[data-console]').forEach(form => form.addEventListener('submit', async event => {
        event.preventDefault();
        const action = event.submitter ? event.submitter.value : '';
        const call = build(action, Object.fromEntries(new FormData(form)));
        form.querySelectorAll('button').forEach(b => { b.disabled = true; });
        try {
            const response = await fetch(call.path, {
                method: call.method || 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: call.body === undefined ? undefined : JSON.stringify(call.body),
            });
            const text = await response.text();
            const outcome = response.ok
                ? { ok: true, text: call.done + (text ? ' ' + text : '') }
                : { ok: false, text: 'Refused (HTTP ' + response.status + '): ' + text };
            // The overview below changes with every action: reload it, keeping the answer on screen.
            sessionStorage.setItem('sandbox-console-result', JSON.stringify(outcome));
            location.reload();
        } catch (error) {
            show({ ok: false, text: 'The sandbox did not answer: ' + error });
            form.querySelectorAll('button').forEach(b => { b.disabled = false; });
        }
    }));

    function show(outcome) {
        result.textContent = outcome.text;
        result.className = outcome.ok ? 'result ok' : 'result bad';
        result.dataset.outcome = outcome.ok ? 'ok' : 'refused';
    }

    function build(action, f) {
        const page = '/_sandbox/pages/' + encodeURIComponent(f.page || '');
        const customer = page + '/customers/' + encodeURIComponent(f.psid || '');
        switch (action) {
            case 'lead':
                return { path: '/_sandbox/forms/' + encodeURIComponent(f.form) + '/leads', body: { count: Number(f.count) }, done: 'Lead submitted:' };
            case 'message':
                return { path: customer + '/messages', body: { text: f.text }, done: 'The customer wrote:' };
            case 'image':
                return { path: customer + '/messages', body: { attachments: [{ type: 'image' }] }, done: 'The customer sent an image:' };
            case 'postback':
                return { path: customer + '/postbacks', body: { title: f.text || 'Get started', payload: 'CONSOLE_BUTTON' }, done: 'The customer tapped a button:' };
            case 'escalate':
                return {
                    path: customer + '/handovers',
                    body: { action: 'pass_thread_control', from_app_id: botAppId, to_app_id: appId, metadata: f.reason },
                    done: 'The bot passed the conversation to LeadOps.',
                };
            case 'unsubscribe':
                return { path: page + '/subscribed', body: { subscribed: false }, done: 'The page no longer sends webhooks to the app.' };
            case 'subscribe':
                return { path: page + '/subscribed', body: { subscribed: true }, done: 'The page sends webhooks again.' };
            case 'drop-rate':
                return { path: '/_sandbox/webhooks/drop-rate', body: { rate: Number(f.rate) }, done: 'Webhook drop rate set.' };
            case 'fault': {
                const [kind, code] = f.fault.split(':');
                const body = { route: f.route, kind: kind, times: Number(f.times) };
                if (code) {
                    body.code = Number(code);
                }
                return { path: '/_sandbox/faults', body: body, done: 'Fault set:' };
            }
            case 'clear-faults':
                return { path: '/_sandbox/faults', method: 'DELETE', done: 'Faults cleared.' };
            case 'expire':
                return { path: page + '/token-expired', body: {}, done: 'The page token has expired.' };
            default:
                return { path: '/_sandbox/unknown', done: '' };
        }
    }
})();
