using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// What a customer tells the page beside messages, each sent when the page is subscribed to its field: answers to the
/// customer feedback template (<c>messaging_feedback</c>), a rating of one of the page's replies (<c>response_feedback</c>),
/// linking or unlinking their account (<c>messaging_account_linking</c>). None of them opens the messaging window.
/// </summary>
public sealed partial class CustomerActions
{
    /// <summary>
    /// The customer submits the feedback template: one screen whose question <paramref name="questionId"/> has the
    /// <paramref name="type"/> (csat, nps, ces, free_form) and the score as Meta writes it (a string), and an optional
    /// free-form follow-up, in the shape of the messaging_feedback reference.
    /// </summary>
    public void GivesFeedback(string pageId, string psid, string type, string score, string? comment = null, string questionId = "q1", MessengerShape? shape = null)
    {
        var question = new JsonObject { ["type"] = type, ["payload"] = score };
        if (comment is not null)
        {
            question["follow_up"] = new JsonObject { ["type"] = "free_form", ["payload"] = comment };
        }

        var body = new JsonObject
        {
            ["feedback_screens"] = new JsonArray(new JsonObject { ["screen_id"] = 0, ["questions"] = new JsonObject { [questionId] = question } }),
        };
        PublishFromCustomer(pageId, psid, "messaging_feedback", "messaging_feedback", body, shape);
    }

    /// <summary>The customer taps thumbs up or down on the page's message <paramref name="mid"/> ("Good response" / "Bad response").</summary>
    public void RatesReply(string pageId, string psid, string mid, bool good, MessengerShape? shape = null) =>
        PublishFromCustomer(pageId, psid, "response_feedback", "response_feedback",
            new JsonObject { ["feedback"] = good ? "Good response" : "Bad response", ["mid"] = mid }, shape);

    /// <summary>The customer links (with the business's authorization code) or unlinks their account.</summary>
    public void LinksAccount(string pageId, string psid, bool linked, string authorizationCode = "PASS_THROUGH_AUTHORIZATION_CODE", MessengerShape? shape = null)
    {
        var body = new JsonObject { ["status"] = linked ? "linked" : "unlinked" };
        if (linked)
        {
            body["authorization_code"] = authorizationCode;
        }

        PublishFromCustomer(pageId, psid, "messaging_account_linking", "account_linking", body, shape);
    }

    private void PublishFromCustomer(string pageId, string psid, string field, string name, JsonObject body, MessengerShape? shape)
    {
        var (page, customer, at, _) = Begin(pageId, psid, null, opensWindow: false);
        var form = shape ?? MessengerShape.Default;
        _store.Publish(page, field, MessengerEventJson.FromCustomer(page.Id, customer.Psid, name, body, at, form), at, form);
    }
}
