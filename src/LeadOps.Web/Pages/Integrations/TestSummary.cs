using System.Text.Json;
using LeadOps.Application.Integrations;

namespace LeadOps.Web.Pages.Integrations;

/// <summary>What a test of an integration found, small enough to carry from the post to its GET in TempData.</summary>
public sealed record TestSummary(
    string Method,
    bool TokenValid,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string>? GrantedScopes,
    IReadOnlyList<string> MissingPermissions,
    IReadOnlyList<string> SubscribedFields,
    bool? WebhookSubscribed,
    string? Error)
{
    public static TestSummary From(IntegrationTestResult t) =>
        new(t.Method, t.TokenValid, t.ExpiresAt, t.GrantedScopes, t.MissingPermissions, t.SubscribedFields, t.WebhookSubscribed, t.Error);

    public string Write() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static TestSummary? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TestSummary>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
