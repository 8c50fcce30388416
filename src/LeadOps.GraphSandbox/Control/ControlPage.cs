using System.Text.Encodings.Web;

namespace LeadOps.GraphSandbox;

/// <summary>
/// <c>GET /_sandbox</c>: the console (<see cref="ConsoleSection"/>, driven by <c>/_sandbox/console.js</c>) above an
/// overview of what the sandbox holds and has done. No inline script, no external asset.
/// </summary>
internal static class ControlPage
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const int RecentCount = 20;

    public static string Render(SandboxState state)
    {
        var summary = state.GetSummary();
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Graph sandbox</title>
            <link rel="icon" href="{{ConsoleIcon.Path}}" type="image/svg+xml">
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1c1e21}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}
            th,td{border:1px solid #ccd0d5;padding:.25rem .5rem;text-align:left;vertical-align:top}
            th{background:#f0f2f5}
            code{font-size:.9em}
            .bad{color:#b00020}
            .ok{color:#1b5e20}
            .actions{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem;margin:1rem 0 2rem}
            fieldset{border:1px solid #ccd0d5;border-radius:6px;padding:.5rem 1rem;height:100%;box-sizing:border-box}
            legend{font-weight:600}
            label{display:block;margin:.35rem 0}
            input,select{max-width:100%}
            input.token{width:24rem;font-family:monospace;font-size:.8em}
            .buttons{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.5rem}
            .result{font-weight:600;min-height:1.5em;overflow-wrap:anywhere}
            </style></head><body>
            <h1>Graph sandbox</h1>
            """);
        Line(html, $"<p>Seed <code>{state.Options.Seed}</code> · app <code>{E(state.Options.AppId)}</code> · webhook callback <code>{E(summary.WebhookCallbackUrl ?? "(none)")}</code> · random transient fault rate {summary.TransientFaultRate.ToString("0.###", CultureInfo.InvariantCulture)}</p>");

        ConsoleSection.Render(html, state, summary);
        Line(html, "<h2>Pages</h2><table><tr><th>Page</th><th>Token</th><th>Scopes</th><th>Webhooks</th><th>Forms (leads)</th></tr>");
        foreach (var page in summary.Pages)
        {
            var token = page.TokenValid
                ? page.TokenExpiresAt is { } at ? $"valid until {Time(at)}" : "valid, never expires"
                : "<span class=\"bad\">expired</span>";
            var forms = string.Join("<br>", page.Forms.Select(f => $"<code>{E(f.Id)}</code> {E(f.Name)} [{E(f.Status ?? "no status")}] ({f.LeadsCount})"));
            var subscribed = page.SubscribedFields.Count == 0 ? "<span class=\"bad\">not subscribed</span>" : E(string.Join(", ", page.SubscribedFields));
            Line(html, $"<tr><td><code>{E(page.Id)}</code><br>{E(page.Name)}</td><td>{token}</td><td>{E(string.Join(", ", page.Scopes))}</td><td>{subscribed}</td><td>{forms}</td></tr>");
        }

        Line(html, "</table><h2>Customers</h2><table><tr><th>Page</th><th>PSID</th><th>Name</th><th>Last message</th><th>Blocked the page</th></tr>");
        foreach (var page in summary.Pages)
        {
            foreach (var customer in page.Customers)
            {
                var last = customer.LastCustomerMessageAt is { } at ? Time(at) : "never";
                Line(html, $"<tr><td>{E(page.Name)}</td><td><code>{E(customer.Psid)}</code></td><td dir=\"auto\">{E(customer.Name)}</td><td>{last}</td><td>{(customer.BlockedPage ? "yes" : "no")}</td></tr>");
            }
        }

        Line(html, $"</table><h2>Recent sends ({summary.SentMessages})</h2><table><tr><th>Time</th><th>Page</th><th>PSID</th><th>Type</th><th>Text</th></tr>");
        foreach (var sent in state.SentMessages.TakeLast(RecentCount).Reverse())
        {
            Line(html, $"<tr><td>{Time(sent.Time)}</td><td><code>{E(sent.PageId)}</code></td><td><code>{E(sent.Psid)}</code></td><td>{E(sent.MessagingType)} {E(sent.Tag ?? "")}</td><td dir=\"auto\">{E(sent.Text)}</td></tr>");
        }

        Line(html, "</table><h2>Faults</h2><table><tr><th>Route</th><th>Page / form</th><th>Kind</th><th>Code</th><th>After calls</th><th>Times</th><th>Matched</th><th>Fired</th></tr>");
        foreach (var fault in summary.Faults)
        {
            var rule = fault.Rule;
            Line(html, $"<tr><td>{E(rule.Route)}</td><td>{E(rule.PageId ?? "")} {E(rule.FormId ?? "")}</td><td>{rule.Kind}</td><td>{rule.Code}</td><td>{rule.AfterCalls}</td><td>{(rule.Times is { } t ? t.ToString(CultureInfo.InvariantCulture) : "forever")}</td><td>{fault.MatchingCalls}</td><td>{fault.Fired}</td></tr>");
        }

        Line(html, "</table><h2>Webhooks</h2><table><tr>");
        foreach (var (status, count) in summary.Webhooks)
        {
            Line(html, $"<th>{E(status)}</th>");
        }

        Line(html, "</tr><tr>");
        foreach (var (_, count) in summary.Webhooks)
        {
            Line(html, $"<td>{count}</td>");
        }

        Line(html, $"</tr></table><p>{summary.RecordedRequests} Graph requests recorded.</p>");
        Line(html, """
            <h2>Control API</h2>
            <p>JSON, loopback only: <code>POST /_sandbox/forms/{formId}/leads {"count":3}</code> ·
            <code>POST /_sandbox/pages/{pageId}/customers/{psid}/messages {"text":"…"}</code> ·
            <code>POST /_sandbox/faults {"route":"leads","kind":"Throttle","code":80005,"after_calls":1,"times":2}</code> ·
            <code>DELETE /_sandbox/faults</code> · <code>GET /_sandbox/sent</code> · <code>GET /_sandbox/requests</code> ·
            <code>GET /_sandbox/webhooks</code> · <code>GET /_sandbox/state</code> · <code>POST /_sandbox/reset</code> ·
            <code>POST /_sandbox/pages/{pageId}/token-expired</code> · <code>POST /_sandbox/pages/{pageId}/subscribed {"subscribed":false}</code> ·
            <code>POST /_sandbox/webhooks/drop-rate {"rate":0}</code></p>
            <script src="/_sandbox/console.js"></script>
            </body></html>
            """);
        return html.ToString();
    }

    private static void Line(StringBuilder html, string text) => html.Append(text).Append('\n');

    private static string E(string text) => HtmlEncoder.Default.Encode(text);

    private static string Time(DateTimeOffset time) => E(time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
}
