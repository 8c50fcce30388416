using System.Text.Encodings.Web;

namespace LeadOps.GraphSandbox;

/// <summary>
/// The console at the top of <c>GET /_sandbox</c>: the demo pages' tokens to copy, and forms that act as Meta, a
/// customer or a bot would (submit a lead, write, send an image, tap a button, escalate, drop or heal webhooks, inject
/// a fault, expire a token). Each form names a control API call; <c>console.js</c> (same origin, no inline script)
/// sends it as JSON and shows the answer.
/// </summary>
internal static class ConsoleSection
{
    /// <summary>A customer who has never written: the console's default, so a first message opens a new conversation.</summary>
    public const string NewCustomerPsid = "7300000000000001";

    private static readonly (string Value, string Label)[] Faults =
    [
        ("Throttle:80005", "Throttled (code 80005)"),
        ("Transient:2", "Temporary Graph error (code 2)"),
        ("Http500:", "HTTP 500"),
        ("TokenExpired:", "Token expired (190/463)"),
        ("PermissionMissing:200", "Permission missing (code 200)"),
        ("PermissionMissing:3", "Capability or permissions issue (code 3)"),
        ("PermissionMissing:100", "Endpoint requires a permission (code 100)"),
        ("Timeout:", "Timeout"),
    ];

    public static void Render(StringBuilder html, SandboxState state, SandboxSummary summary)
    {
        var pages = summary.Pages;
        html.Append("<section class=\"console\" data-test=\"console\" data-app-id=\"").Append(E(state.Options.AppId))
            .Append("\" data-bot-app-id=\"").Append(SandboxSeed.DemoBotAppId).Append("\">\n");
        html.Append("<h2>Console</h2><p>Everything here happens as on Facebook: LeadOps hears of it by webhook (to <code>")
            .Append(E(summary.WebhookCallbackUrl ?? "(nowhere yet)")).Append("</code>) or on its next Graph call.</p>\n");
        html.Append("<p class=\"result\" role=\"status\" aria-live=\"polite\" data-test=\"console-result\"></p>\n");

        html.Append("<h3>Demo page tokens</h3><p>Paste one into LeadOps → Integrations → Page access token.</p><table><tr><th>Page</th><th>Token</th><th></th></tr>\n");
        foreach (var page in pages)
        {
            var token = SandboxSeed.Pages.FirstOrDefault(p => p.Id == page.Id)?.Token;
            if (token is null)
            {
                continue;
            }

            var id = "token-" + page.Id;
            var expired = page.TokenValid ? "" : " <span class=\"bad\">(expired)</span>";
            html.Append($"<tr><td>{E(page.Name)}{expired}</td><td><input id=\"{id}\" class=\"token\" readonly value=\"{E(token)}\" aria-label=\"Token of {E(page.Name)}\" data-test=\"token\" data-page-id=\"{E(page.Id)}\"></td>")
                .Append($"<td><button type=\"button\" data-copy=\"{id}\">Copy</button></td></tr>\n");
        }

        html.Append("</table>\n<div class=\"actions\">\n");
        Form(html, "lead", "Submit a lead",
            Label("Form", Select("form", pages.SelectMany(p => p.Forms.Select(f => (f.Id, $"{f.Name} [{f.Status ?? "no status"}]", p.Name))), SandboxSeed.MainTestRideFormId, "lead-form"))
            + Label("How many", "<input type=\"number\" name=\"count\" min=\"1\" max=\"50\" value=\"1\" data-test=\"lead-count\">"),
            Button("lead", "Submit", "submit-lead"));

        var customers = string.Join(string.Empty, pages.SelectMany(p => p.Customers).Select(c => $"<option value=\"{E(c.Psid)}\">{E(c.Name)}</option>"));
        html.Append($"<datalist id=\"customers\">{customers}</datalist>\n");
        Form(html, "customer", "A customer writes",
            PageSelect(pages, "message-page") + Psid("message-psid")
            + Label("Text", "<input name=\"text\" value=\"Hi! Is the Urban E-200 still available?\" maxlength=\"2000\" data-test=\"message-text\">"),
            Button("message", "Send text", "send-text") + Button("image", "Send an image", "send-image") + Button("postback", "Tap a button", "tap-button"));

        Form(html, "escalate", "The bot escalates to a person",
            PageSelect(pages, "escalate-page") + Psid("escalate-psid")
            + Label("Reason", "<input name=\"reason\" value=\"The customer asked for a person\" maxlength=\"200\" data-test=\"escalate-reason\">"),
            Button("escalate", "Escalate", "escalate"));

        Form(html, "webhooks", "Webhooks",
            PageSelect(pages, "webhooks-page")
            + Label("Share never delivered", Select("rate", [("0", "none", ""), ("0.3", "30 %", ""), ("1", "all", "")], state.Options.WebhookDropRate.ToString("0.###", CultureInfo.InvariantCulture), "drop-rate")),
            Button("unsubscribe", "Drop the page's subscription", "unsubscribe") + Button("subscribe", "Heal: subscribe again", "subscribe") + Button("drop-rate", "Set drop rate", "set-drop-rate"));

        Form(html, "faults", "Faults",
            Label("Graph route", Select("route", FaultRoutes.All.Select(r => (r, r == FaultRoutes.Any ? "every route" : r, "")), FaultRoutes.Leads, "fault-route"))
            + Label("Fault", Select("fault", Faults.Select(f => (f.Value, f.Label, "")), Faults[0].Value, "fault-kind"))
            + Label("Times", "<input type=\"number\" name=\"times\" min=\"1\" max=\"100\" value=\"1\" data-test=\"fault-times\">"),
            Button("fault", "Inject", "inject-fault") + Button("clear-faults", "Clear all faults", "clear-faults"));

        Form(html, "tokens", "Tokens", PageSelect(pages, "expire-page"), Button("expire", "Expire the page's token", "expire-token"));
        html.Append("</div></section>\n");
    }

    private static void Form(StringBuilder html, string name, string title, string fields, string buttons) =>
        html.Append($"<form data-console=\"{name}\" data-test=\"console-{name}\"><fieldset><legend>{E(title)}</legend>{fields}<div class=\"buttons\">{buttons}</div></fieldset></form>\n");

    private static string Label(string text, string control) => $"<label>{E(text)} {control}</label>";

    private static string Button(string action, string text, string test) =>
        $"<button type=\"submit\" name=\"action\" value=\"{action}\" data-test=\"{test}\">{E(text)}</button>";

    private static string Psid(string test) =>
        Label("Customer (PSID)", $"<input name=\"psid\" list=\"customers\" value=\"{NewCustomerPsid}\" pattern=\"[0-9]{{1,20}}\" required data-test=\"{test}\">");

    private static string PageSelect(IReadOnlyList<PageSummary> pages, string test) =>
        Label("Page", Select("page", pages.Select(p => (p.Id, p.Name, "")), SandboxSeed.MainPageId, test));

    private static string Select(string name, IEnumerable<(string Value, string Label, string Group)> options, string selected, string test)
    {
        var html = new StringBuilder($"<select name=\"{name}\" data-test=\"{test}\">");
        string? group = null;
        foreach (var (value, label, optionGroup) in options)
        {
            if (optionGroup.Length > 0 && optionGroup != group)
            {
                html.Append(group is null ? string.Empty : "</optgroup>").Append($"<optgroup label=\"{E(optionGroup)}\">");
                group = optionGroup;
            }

            html.Append($"<option value=\"{E(value)}\"{(value == selected ? " selected" : string.Empty)}>{E(label)}</option>");
        }

        return html.Append(group is null ? string.Empty : "</optgroup>").Append("</select>").ToString();
    }

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
