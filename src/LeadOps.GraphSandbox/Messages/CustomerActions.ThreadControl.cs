using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// Thread control as other apps and Meta move it: handovers and role changes (<c>messaging_handovers</c>), pages Meta routes
/// itself, and the standby channel on which a customer's events reach LeadOps while another app controls the thread.
/// </summary>
public sealed partial class CustomerActions
{
    private static readonly MessengerShape OnStandby = new() { Envelope = MessengerEnvelope.Standby };

    /// <summary>
    /// Another app (the bot, the Page inbox) passes, takes or requests thread control: <paramref name="action"/> is Meta's
    /// field name. App ids are strings, as the reference writes them (left out when the shape says Absent); a pass from no app has
    /// <c>"previous_owner_app_id":null</c> (idle), a take with no <paramref name="toAppId"/> is the older reference's, with no
    /// <c>new_owner_app_id</c>, and no metadata leaves <c>metadata</c> out.
    /// </summary>
    public void Handover(string pageId, string psid, string action, string? fromAppId, string? toAppId, string? metadata = null, MessengerShape? shape = null)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: false);
        var form = shape ?? MessengerShape.Default;

        // The messaging_handovers reference writes the app ids as strings; Absent leaves them out.
        var ids = form.AppId == MessengerIdForm.Absent ? form : form with { AppId = MessengerIdForm.Text };
        var body = new JsonObject();
        if (action == "request_thread_control")
        {
            MessengerEventJson.AddAppId(body, "requested_owner_app_id", toAppId, ids);
        }
        else
        {
            if (fromAppId is null)
            {
                body["previous_owner_app_id"] = null;
            }

            MessengerEventJson.AddAppId(body, "previous_owner_app_id", fromAppId, ids);
            MessengerEventJson.AddAppId(body, "new_owner_app_id", toAppId, ids);
            customer.ThreadOwnerAppId = toAppId ?? CustomerState.UnnamedApp;
        }

        if (metadata is not null)
        {
            body["metadata"] = metadata;
        }

        _store.Publish(page, "messaging_handovers", MessengerEventJson.Handover(page.Id, customer.Psid, action, body, at, form), at, form);
    }

    /// <summary>
    /// The page's apps change roles (Handover Protocol): <c>app_roles</c> maps each app id to its roles, such as
    /// <c>primary_receiver</c> or <c>secondary_receiver</c>. Page-wide: no sender, the page as recipient.
    /// </summary>
    public void ChangesAppRoles(string pageId, IReadOnlyDictionary<string, string[]> roles, MessengerShape? shape = null)
    {
        var page = _store.PageOf(pageId);
        var at = _store.Now;
        var form = shape ?? MessengerShape.Default;
        _store.Publish(page, "messaging_handovers", MessengerEventJson.AppRoles(page.Id, roles, at, form), at, form);
    }

    /// <summary>Makes Meta route the page's conversations itself (a default app): pass and take thread control are refused.</summary>
    public void RouteConversationsByMeta(string pageId, bool routed = true) => _store.SetRoutedByMeta(_store.PageOf(pageId), routed);

    /// <summary>
    /// Makes the page's <c>take_thread_control</c> answer <c>{"data":[{"thread_owner":{"app_id","expiration"}}]}</c>, as Meta's
    /// Conversation Control guide prints it, instead of the reference's <c>{"success":true}</c>.
    /// </summary>
    public void AnswerTakeWithThreadOwner(string pageId, bool on = true) => _store.SetTakeAnswersOwner(_store.PageOf(pageId), on);

    /// <summary>
    /// The form of a customer's message or tap when the caller asks for none: on <c>standby[]</c> while another app
    /// controls the thread ("a message has been sent to your page, but your application is not the current thread owner",
    /// standby reference), in <c>messaging[]</c> otherwise.
    /// </summary>
    private MessengerShape ShapeFor(CustomerState customer, MessengerShape? shape) =>
        shape ?? (customer.ThreadOwnerAppId is { } owner && owner != _store.AppId ? OnStandby : MessengerShape.Default);
}
