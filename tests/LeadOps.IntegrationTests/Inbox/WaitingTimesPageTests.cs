using System.Net;
using System.Text.RegularExpressions;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The Inbox settings' waiting times, left empty: the settings page is shown again with what to fill in beside the
/// field (it was a "request could not be used" page naming AmberMinutes and RedMinutes), and nothing changes. A value
/// that is not a whole number is refused the same way, with what was typed kept in its field.
/// </summary>
public sealed class WaitingTimesPageTests(DatabaseKind database) : AppFixture(database)
{
    [TestCase("", "45", "amber", "Give the minutes after which a waiting customer turns amber.")]
    [TestCase("20", "", "red", "Give the minutes after which a waiting customer turns red.")]
    public async Task An_empty_waiting_time_says_what_to_fill_in_on_the_settings_page_and_changes_nothing(string amber, string red, string field, string message) =>
        await RefusedBesideTheFieldAsync(amber, red, field, message);

    [TestCase("abc", "45", "amber", "abc", "The value 'abc' is not a valid whole number in range.")]
    [TestCase("20", "12.5", "red", "12.5", "The value '12.5' is not a valid whole number in range.")]
    [TestCase("20", "99999999999", "red", "99999999999", "The value '99999999999' is not a valid whole number in range.")]
    public async Task A_waiting_time_that_is_not_a_whole_number_is_refused_beside_its_field_keeping_what_was_typed(string amber, string red, string field, string typed, string message)
    {
        var html = await RefusedBesideTheFieldAsync(amber, red, field, message);

        Assert.That(Regex.Match(html, $"<input[^>]*data-test=\"{field}-minutes\"[^>]*>").Value, Does.Contain($"value=\"{typed}\""), "what was typed is kept");
    }

    /// <summary>Posts the waiting times: the settings page again as a 400, the message beside the field, nothing changed. Returns the page.</summary>
    private async Task<string> RefusedBesideTheFieldAsync(string amber, string red, string field, string message)
    {
        var user = await App.NewUserAsync();
        using var browser = await App.SignedInClientAsync(user);
        var before = await browser.GetStringAsync("/Inbox/Settings");

        var answer = await browser.PostFormAsync("/Inbox/Settings?handler=Thresholds", new Dictionary<string, string>
        {
            ["AmberMinutes"] = amber,
            ["RedMinutes"] = red,
        });
        var html = await answer.Content.ReadAsStringAsync();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Not.Contain("data-test=\"bad-input\""), "the settings page, not a page about the request");
        Assert.That(WebUtility.HtmlDecode(FieldError(field).Match(html).Groups["text"].Value).Trim(), Is.EqualTo(message));
        Assert.That(Values(await browser.GetStringAsync("/Inbox/Settings")), Is.EqualTo(Values(before)), "nothing changed");
        return html;
    }

    private static string Values(string html) =>
        string.Join(" ", Regex.Matches(html, "<input[^>]*data-test=\"(?:amber|red)-minutes\"[^>]*>").Select(m => Regex.Match(m.Value, "value=\"([^\"]*)\"").Groups[1].Value));

    private static Regex FieldError(string field) =>
        new($"<span[^>]*id=\"{field}-minutes-error\"[^>]*>(?<text>.*?)</span>", RegexOptions.Singleline);
}
